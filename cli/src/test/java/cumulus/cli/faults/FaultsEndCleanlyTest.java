package cumulus.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cumulus.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every class of fault ends the way a user expects: exit 2 (bad input, or a request the engine
 * cannot honour) or 3 (numerical failure, the rows computed so far printed), one line on stderr,
 * never an internal error, a stack trace, a hang or a silently wrong number.
 */
class FaultsEndCleanlyTest {

    record Run(int code, String out, String err) {
        /** The error line: exactly one line on stderr, naming no Java exception. */
        String line() {
            String e = err.strip();
            assertEquals(1, e.lines().count(), "one line on stderr:\n" + e);
            assertFalse(e.contains("internal error") || e.contains("java.") || e.contains("\tat "), e);
            return e;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static void exit(int code, Run r, String... phrases) {
        assertEquals(code, r.code(), r.err());
        String line = r.line();
        for (String p : phrases) assertTrue(line.contains(p), "expected '" + p + "' in: " + line);
    }

    @Test
    void aBosonStateTheCutoffCannotHoldIsRefusedWithTheCutoffItNeeds() {
        // |alpha = 30> has <n> = 900: cutoff 6 would keep nothing of it (the norm underflowed to NaN before)
        exit(2, run("evolve", "dicke", "--set", "N=2,cutoff=6", "--initial", "up;boson-coherent:30"),
                "boson-coherent:30 needs a Fock cutoff of about 10", "the model has 6");
    }

    @Test
    void aRunawaySolutionStopsWithTheRowsItReached(@TempDir Path dir) throws Exception {
        Path gain = Files.writeString(dir.resolve("gain.yaml"), String.join("\n",
                "name: gain", "ensembles: 1", "N: 4", "parameters:", "  k: {default: 2, description: gain}",
                "boson:", "  frequency: 1", "  cutoff: 8", "hamiltonian: adag * a", "jumps:", "  - sqrt(k) * adag", ""));
        Run r = run("evolve", gain.toString(), "--method", "meanfield", "--initial", "up;boson-coherent:1", "--t-end", "100", "--dt", "1");
        exit(3, r, "solution diverged at t = ", "rows up to t = ");
        long rows = r.out().lines().count() - 1;
        assertTrue(rows > 15 && rows < 30, "x ~ e^t passes 1e10 near t = 23: " + rows + " rows kept");
    }

    @Test
    void stiffAndEndlessRunsStopInsteadOfHanging() {
        exit(3, run("evolve", "btc", "--method", "meanfield", "--set", "omega_x=1e12"), "too stiff at t = ");
        exit(3, run("evolve", "btc", "--set", "N=4", "--t-end", "1e12", "--dt", "1e11"), "too stiff at t = ", "steps");
        exit(3, run("evolve", "btc", "--set", "N=4,omega_x=1e12"), "too stiff at t = ");
    }

    @Test
    void aSteadyStateThatIsNotUniqueIsSaidSoAndTheSpectrumStillWorks() throws Exception {
        exit(2, run("steady", "btc", "--set", "N=4,kappa=0"), "the steady state is not unique (5 zero eigenvalues found)");
        exit(2, run("steady", "dephasing", "--set", "N=4,omega_x=0"), "not unique");
        Run r = run("spectrum", "dicke", "--set", "N=2,cutoff=4,kappa_b=0", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0.0, j.get("spectral_gap").asDouble(), "a degenerate 0 has gap 0");
        assertTrue(j.get("warnings").toString().contains("0 is a degenerate eigenvalue"), j.get("warnings").toString());
        // a closed system: all eigenvalues on the imaginary axis, gap 0 exactly (was -1.8e-15), with the degeneracy said
        JsonNode closed = new ObjectMapper().readTree(run("spectrum", "btc", "--set", "N=4,kappa=0", "--format", "json").out());
        assertEquals(0.0, closed.get("spectral_gap").asDouble());
        assertTrue(closed.get("warnings").toString().contains("degenerate"));
    }

    @Test
    void extremeButFiniteRatesGiveTheRightStateOrAWarning() throws Exception {
        // kappa = 1e100 dwarfs omega_x: every spin decays, <m1z> = -1 (the LU called it singular before)
        JsonNode s = new ObjectMapper().readTree(run("steady", "btc", "--set", "N=8,kappa=1e100", "--format", "json").out());
        assertEquals(-1.0, s.get("expectations").get("m1z").asDouble(), 1e-12);
        // omega_x = 1e100 leaves the real parts below rounding: said, never a positive "gap" silently
        Run r = run("spectrum", "btc", "--set", "N=8,omega_x=1e100", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("warnings").isEmpty(), "a warning says the real parts are not resolved");
        assertTrue(j.get("spectral_gap").asDouble() >= 0);
    }

    @Test
    void aLiouvillianThatOverflowsIsRefused() {
        exit(2, run("spectrum", "btc", "--set", "N=8,omega_x=1e308"), "is not finite at these parameters");
        exit(2, run("steady", "btc", "--set", "N=8,kappa=1e308"), "is not finite at these parameters");
    }

    @Test
    void aRunBeyondThisMachineIsRefusedAtOnceWithItsEstimate() {
        Run r = run("steady", "local-btc", "--set", "N=2000");
        exit(2, r, "real unknowns", "GB of memory", "heap");
        exit(2, run("steady", "dicke", "--set", "N=60,cutoff=40"), "5,953,600 real unknowns", "GB of memory", "heap");
        // two ensembles: refused before L is assembled (assembling it first took 14 s and allocated gigabytes)
        for (String cmd : new String[]{"steady", "spectrum"}) {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            exit(2, run(cmd, "btc-pair", "--set", "N=48"), "5,764,801 real unknowns", "GB of memory", "heap");
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 200_000_000L, cmd + " allocated " + allocated + " bytes before refusing");
        }
    }

    @Test
    void outputThatCannotBeWrittenIsOneLine(@TempDir Path dir) throws Exception {
        exit(2, run("derive", "btc", "--order", "1", "--emit-java", "/proc/cumulus-x"), "cannot write /proc/cumulus-x");
        // a target that cannot be replaced (a non-empty folder): the temp file is removed again
        Path target = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(target.resolve("inside"), "x");
        exit(2, run("evolve", "btc", "--set", "N=2", "--t-end", "0.2", "--out", target.toString()), "cannot write " + target);
        try (var files = Files.list(dir)) { assertEquals(1, files.count(), "no .part file left beside the target"); }
    }

    @Test
    void aBrokenPluginJarIsOneWarningAndEveryOtherModelWorks(@TempDir Path dir) throws Exception {
        Path missing = jar(dir.resolve("missing.jar"), "org.nowhere.Missing", null);
        Path empty = jar(dir.resolve("empty.jar"), null, null);
        Path thrower = jar(dir.resolve("thrower.jar"), "t.Thrower", compile(dir, "t.Thrower",
                "package t; public final class Thrower implements cumulus.api.ModelPlugin {"
                        + " public cumulus.api.Model model() { throw new IllegalStateException(\"this plugin is broken on purpose\"); } }"));
        for (Path j : new Path[]{missing, empty, thrower}) {
            Run r = run("--plugins", j.toString(), "spectrum", "btc", "--set", "N=4", "--count", "2", "--format", "json");
            assertEquals(0, r.code(), r.err());
            String w = r.line();
            assertTrue(w.startsWith("cumulus: warning: ") && w.contains(j.toString()), w);
            assertEquals(-0.3021076162801089, new ObjectMapper().readTree(r.out()).get("lambda1").get("re").asDouble(), 1e-9,
                    "btc still works beside the bad jar (refs/btc_spectrum.csv, N = 4)");
        }
        assertTrue(run("--plugins", missing.toString(), "models").err().contains("org.nowhere.Missing"));
        assertTrue(run("--plugins", thrower.toString(), "models").err().contains("broken on purpose"));
    }

    /** Compiles one class (not on the test class path, as a real plugin is not) and returns its class file. */
    private static Path compile(Path dir, String name, String source) throws Exception {
        Path src = dir.resolve("src"), classes = dir.resolve("classes");
        Path file = src.resolve(name.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), file.toString());
        assertEquals(0, rc, "test plugin compiles");
        return classes.resolve(name.replace('.', '/') + ".class");
    }

    /** A jar whose services file names {@code provider} (none when null), holding the class file {@code cls} when given. */
    private static Path jar(Path file, String provider, Path cls) throws Exception {
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(file))) {
            if (provider != null) {
                j.putNextEntry(new JarEntry("META-INF/services/cumulus.api.ModelPlugin"));
                j.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (cls != null) {
                j.putNextEntry(new JarEntry(provider.replace('.', '/') + ".class"));
                j.write(Files.readAllBytes(cls));
            }
            j.putNextEntry(new JarEntry("readme.txt"));
            j.write("test jar".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void smallMistakesAreOneLineErrors() {
        exit(2, run("spectrum", "btc", "--set", "N=8,N=10"), "gives N twice");
        exit(2, run("evolve", "btc", "--initial", "up;"), "empty state between ';'");
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no command given") && none.out().isEmpty());
    }

    @Test
    void aSmoothDriveHasNoSpectrumOrSteadyStateButEvolves(@TempDir Path dir) throws Exception {
        Path cos = Files.writeString(dir.resolve("cos.yaml"), String.join("\n",
                "name: cosdrive", "ensembles: 1", "N: 4", "parameters:", "  Omega: {default: 1, description: drive}",
                "hamiltonian: cos(Omega*t) * Sx(1)", "jumps:", "  - sqrt(1/S) * Sm(1)", ""));
        for (String cmd : new String[]{"spectrum", "steady"})
            exit(2, run(cmd, cos.toString()), "model cosdrive has coefficients that depend on t", "use 'cumulus evolve'", "'cumulus floquet' with a schedule");
        exit(2, run("floquet", cos.toString()), "model cosdrive depends on t but has no schedule", "duration is the period of the drive");
        for (String method : new String[]{"exact", "meanfield"})
            assertEquals(0, run("evolve", cos.toString(), "--method", method, "--t-end", "1").code(), method);
    }
}
