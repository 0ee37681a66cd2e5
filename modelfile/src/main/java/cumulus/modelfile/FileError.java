package cumulus.modelfile;

/**
 * A problem at one place in a model file; {@link ModelFile} turns it into a
 * {@link cumulus.api.ModelException} whose message starts with "FILE, line L, column C: ".
 */
final class FileError extends RuntimeException {
    final YamlTree.Loc loc;

    FileError(YamlTree.Loc loc, String message) {
        super(message, null, false, false);
        this.loc = loc;
    }
}
