package cumulus.cli;

import cumulus.api.ModelException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Every file Cumulus writes goes through here: a temporary file in the same folder, then an atomic
 * rename, so a reader (or an interrupted run) never sees half a file. A folder or file that cannot
 * be written is bad input: one line naming it and the reason (exit 2), with no temporary file left
 * behind (a full disk included).
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** Creates {@code dir} (and its parents) or says why it cannot be an output folder. */
    public static Path folder(Path dir) {
        if (dir == null || dir.toString().isBlank()) throw new ModelException("the output folder is empty: give a folder, e.g. --out out");
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new ModelException("cannot write " + dir + ": it exists and is not a folder");
        } catch (IOException | SecurityException e) {
            throw new ModelException("cannot write " + dir + ": " + reason(e));
        }
        if (!Files.isWritable(dir)) throw new ModelException("cannot write " + dir + ": the folder is not writable");
        return dir;
    }

    public static void write(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        folder(dir);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            Files.write(tmp, bytes);
            try { // temp files are created owner-only; outputs are ordinary readable files
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException | SecurityException e) {
            throw new ModelException("cannot write " + file + ": " + reason(e));
        } finally {
            if (tmp != null) try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* nothing more to do */ }
        }
    }

    public static void write(Path file, String text) { write(file, text.getBytes(StandardCharsets.UTF_8)); }

    /** Deletes a file if it is there (a marker that must not outlive what it marks). */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ModelException("cannot remove " + file + ": " + reason(e));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "it cannot be created there (no such folder)";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
