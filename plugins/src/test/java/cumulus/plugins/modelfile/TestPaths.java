package cumulus.plugins.modelfile;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the directory holding examples/) for tests. */
public final class TestPaths {
    private TestPaths() { }

    public static Path repoRoot() {
        String home = System.getProperty("cumulus.home");
        if (home != null && Files.isDirectory(Path.of(home, "examples"))) return Path.of(home).toAbsolutePath();
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent())
            if (Files.isDirectory(p.resolve("examples/models")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        throw new IllegalStateException("cannot find the repository root (with examples/models) above " + System.getProperty("user.dir"));
    }
}
