/**
 * Model files (YAML; docs/writing-a-model.md): {@link cumulus.modelfile.ModelFile} turns a file into
 * the same {@code cumulus.api.Model} a Java plugin builds, with errors that name the line and the
 * fix ({@link cumulus.modelfile.FileError}); {@code OpParser} reads operator products over
 * {@code cumulus.api.ExprParser}'s coefficient grammar.
 *
 * <p>May import: {@code cumulus.api} and Jackson only.
 */
package cumulus.modelfile;
