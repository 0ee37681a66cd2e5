package cumulus.plugins.bench;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.Trajectory;
import cumulus.codegen.CompiledRhs;
import cumulus.codegen.RhsCompiler;
import cumulus.plugins.AttractorClassifier;
import cumulus.cumulant.CumulantDynamics;
import cumulus.symbolic.Derivation;
import cumulus.symbolic.EquationSystem;
import org.codehaus.janino.SimpleCompiler;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Issue 4's benchmark: right-hand-side evaluations per second of the Janino-compiled class against
 * the same source compiled by javac, Janino's compile time for btc-pair at order 3, and the wall
 * time of a 10^4-period mean-field run. Prints one table; a benchmark, not a test.
 */
public final class CodegenBenchmark {
    private final PrintWriter out;

    public CodegenBenchmark(PrintWriter out) { this.out = out; }

    public int run() throws Exception {
        Model pair = cumulus.plugins.Cumulus.create().models().get("btc-pair");
        Map<String, Double> p = pair.resolve(Map.of("N", "100"));
        for (int order : new int[]{2, 3}) {
            long t0 = System.nanoTime();
            EquationSystem sys = Derivation.derive(pair, order);
            double derive = (System.nanoTime() - t0) * 1e-9;
            String src = RhsCompiler.source("BenchRhs", sys.unknowns(), sys.parameters(), sys.rhs());
            t0 = System.nanoTime();
            SimpleCompiler sc = new SimpleCompiler();
            sc.setParentClassLoader(CompiledRhs.class.getClassLoader());
            sc.cook(src);
            double janinoCompile = (System.nanoTime() - t0) * 1e-9;
            CompiledRhs janino = instantiate(sc.getClassLoader().loadClass("BenchRhs"), sys, p);
            t0 = System.nanoTime();
            CompiledRhs javac = javac(src, sys, p);
            double javacCompile = (System.nanoTime() - t0) * 1e-9;
            double[] y = new Random(1).doubles(sys.size(), -0.5, 0.5).toArray();
            double rJ = rate(janino, y), rC = rate(javac, y);
            // a second round: JIT settled
            rJ = Math.max(rJ, rate(janino, y));
            rC = Math.max(rC, rate(javac, y));
            out.printf("btc-pair order %d: %d unknowns, %d source lines; derive %.3f s; Janino compile %.3f s, javac compile %.3f s%n",
                    order, sys.size(), src.split("\n").length, derive, janinoCompile, javacCompile);
            out.printf("  rhs evaluations/s: Janino %.3e, javac %.3e, ratio javac/Janino = %.2f (goal <= 1.2)%n", rJ, rC, rC / rJ);
            out.flush();
        }
        Map<String, Double> lc = pair.resolve(Map.of("omega_zz", "0.35"));
        InitialState init = InitialState.parse("coherent:0.10017,0;coherent:0.10017,1.5708", pair);
        double period = AttractorClassifier.classify(CumulantDynamics.meanField(), pair, lc, init, 200, 0.01).period();
        long t0 = System.nanoTime();
        Trajectory tr = CumulantDynamics.meanField().evolve(pair, lc, init, 1e4 * period, period);
        double wall = (System.nanoTime() - t0) * 1e-9;
        out.printf("mean-field btc-pair (omega_zz = 0.35), 10^4 periods (T = %.4f, t = %.0f, %d samples): %.2f s wall%n",
                period, 1e4 * period, tr.rows().size(), wall);
        return 0;
    }

    private static double rate(CompiledRhs f, double[] y) {
        double[] dy = new double[y.length];
        long n = 0, t0 = System.nanoTime();
        double sink = 0;
        while (System.nanoTime() - t0 < 1_000_000_000L) {
            for (int i = 0; i < 1000; i++) { f.rhs(0, y, dy); sink += dy[0]; }
            n += 1000;
        }
        if (sink == 42) System.out.print("");
        return n / ((System.nanoTime() - t0) * 1e-9);
    }

    private static CompiledRhs instantiate(Class<?> cls, EquationSystem sys, Map<String, Double> p) throws Exception {
        double[] v = new double[sys.parameters().size()];
        for (int i = 0; i < v.length; i++) v[i] = p.get(sys.parameters().get(i));
        return (CompiledRhs) cls.getConstructor(double[].class).newInstance((Object) v);
    }

    private static CompiledRhs javac(String src, EquationSystem sys, Map<String, Double> p) throws Exception {
        JavaCompiler jc = ToolProvider.getSystemJavaCompiler();
        if (jc == null) throw new IllegalStateException("javac is not available in this JVM (a JRE without the compiler)");
        Path dir = Files.createTempDirectory("cumulus-javac");
        Path file = dir.resolve("BenchRhs.java");
        Files.writeString(file, src);
        String cp = new File(CompiledRhs.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        int rc = jc.run(null, null, null, "-O", "-cp", cp, "-d", dir.toString(), file.toString());
        if (rc != 0) throw new IllegalStateException("javac failed on the generated source");
        URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, CompiledRhs.class.getClassLoader());
        return instantiate(loader.loadClass("BenchRhs"), sys, p);
    }
}
