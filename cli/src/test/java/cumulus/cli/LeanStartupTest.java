package cumulus.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 14's start-up: a fresh {@code spectrum} or {@code steady} process builds no Guice injector and loads neither
 * Janino (codegen) nor XChart (plots), whose classes would cost it start-up time for nothing.
 */
class LeanStartupTest {
    @Test
    void spectrumAndSteadyLoadNoInjectorNoCompilerNoPlotter() throws Exception {
        for (String command : List.of("spectrum", "steady")) {
            String classes = loadedClasses(command, "btc", "--set", "N=6", "--quiet");
            assertTrue(classes.contains("cumulus.solvers.ExactEngine"), command + ": the class log is read (it names the engine)");
            for (String absent : List.of("com.google.inject.internal.InjectorImpl", "org.codehaus.janino.", "org.knowm.xchart."))
                assertFalse(classes.contains(absent), command + " loaded " + absent);
        }
    }

    /** The class-loading log (-verbose:class) of a fresh JVM running the command. */
    private static String loadedClasses(String... args) throws Exception {
        List<String> jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class", "-Xshare:off",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        jvm.addAll(List.of(args));
        Process p = new ProcessBuilder(jvm).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run finished");
        assertEquals(0, p.exitValue(), out.length() > 2000 ? out.substring(out.length() - 2000) : out);
        return out;
    }
}
