package cumulus.plugins;

import cumulus.api.ModelPlugin;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Builds examples/external-plugin as a third party would: javac against the API, then a jar with its services file. */
final class ExternalPluginJar {
    private ExternalPluginJar() { }

    /** Returns {@code dir/plugins/btc-detuned-plugin.jar}. */
    static Path build(Path dir) throws Exception {
        Path project = cumulus.solvers.Refs.repoRoot().resolve("examples/external-plugin");
        Path source = project.resolve("src/main/java/org/example/cumulus/BtcDetuned.java");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String apiClasses = Path.of(ModelPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK (javax.tools compiler)");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "-classpath", apiClasses, "-d", classes.toString(), source.toString());
        assertEquals(0, rc, "compiling the external plugin failed:\n" + diagnostics);
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.copy(project.resolve("src/main/resources/" + PluginLoader.SERVICES_ENTRY), classes.resolve(PluginLoader.SERVICES_ENTRY));

        Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("btc-detuned-plugin.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
