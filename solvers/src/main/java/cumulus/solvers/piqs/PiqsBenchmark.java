package cumulus.solvers.piqs;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.solvers.LiouvillianSpectrum;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a test): local-btc (H = ω_x S^x, sqrt(κ/S) S^-, γ Σ_k D[σ_k^-]; ω_x = κ = γ = 1) at
 * N = 20, 40, 100: assembly, steady state and gap (shift-invert) timings of the permutation-invariant
 * engine; if /usr/bin/python3 has qutip, the same problem with QuTiP's PIQS (Dicke(...).liouvillian(),
 * steadystate, and the gap of its Liouvillian restricted to the block-diagonal (j, m, m') elements by
 * scipy's shift-invert eigs), in one run, with ratios. Arguments: N values (default 20 40 100);
 * system property {@code piqs.bench.qutipTimeout} (seconds per N, default 300).
 */
public final class PiqsBenchmark {
    private PiqsBenchmark() { }

    static Model localBtc() {
        return Model.builder("local-btc")
                .spinEnsembles(1, 10)
                .real("omega_x", 1, "").real("kappa", 1, "").real("gamma_local", 1, "")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))
                .jump("kappa/S", OpSum.sm(1))
                .localEmission(1, "gamma_local")
                .build();
    }

    record Row(int n, int states, int size, double assemble, double steady, double gap, double m1z, Complex l1) { }

    public static void main(String[] args) throws Exception {
        int[] ns = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[]{20, 40, 100};
        Model m = localBtc();
        // warm-up (JIT)
        run(m, 10);
        List<Row> rows = new ArrayList<>();
        System.out.println("Cumulus permutation-invariant engine, local-btc, omega_x = kappa = gamma_local = 1");
        System.out.printf("%5s %7s %9s %10s %10s %10s %14s %22s%n", "N", "states", "unknowns", "assemble_s", "steady_s", "gap_s", "m1z", "lambda1");
        for (int n : ns) {
            Row r = run(m, n);
            rows.add(r);
            System.out.printf("%5d %7d %9d %10.3f %10.3f %10.3f %14.10f %22s%n", r.n, r.states, r.size, r.assemble, r.steady, r.gap, r.m1z, r.l1);
        }
        boolean qutip = new File("/usr/bin/python3").canExecute() && exec(List.of("/usr/bin/python3", "-c", "import qutip.piqs"), 120) != null;
        if (!qutip) { System.out.println("QuTiP (qutip.piqs) not available: no comparison"); return; }
        long timeout = Long.getLong("piqs.bench.qutipTimeout", 300);
        Path script = Files.createTempFile("piqs-bench", ".py");
        Files.writeString(script, PY);
        System.out.println();
        System.out.println("QuTiP PIQS (same problem; its superoperator has nds^2 unknowns, nds = number of Dicke states)");
        System.out.printf("%5s %10s %10s %10s %14s %22s %10s %10s %12s%n", "N", "build_s", "steady_s", "gap_s", "m1z", "lambda1", "ratio_ss", "ratio_gap", "|dm1z|");
        for (Row r : rows) {
            String out = exec(List.of("/usr/bin/python3", script.toString(), Integer.toString(r.n)), timeout);
            if (out == null) { System.out.printf("%5d  timed out after %d s (or failed)%n", r.n, timeout); continue; }
            String last = null;
            for (String line : out.split("\n")) if (line.startsWith("RESULT")) last = line;
            if (last == null) { System.out.printf("%5d  no result: %s%n", r.n, out.strip().replace('\n', ' ')); continue; }
            String[] f = last.trim().split("\\s+");
            double build = Double.parseDouble(f[2]), ss = Double.parseDouble(f[3]), gap = Double.parseDouble(f[4]);
            double m1z = Double.parseDouble(f[5]);
            String l1 = f.length > 7 ? f[6] + " " + f[7] : f[6];
            double gapRe = Double.parseDouble(f[6]);
            System.out.printf("%5d %10.3f %10.3f %10.3f %14.10f %22s %10.1f %10.1f %12.2e  (dRe lambda1 %.2e)%n", r.n, build, ss, gap, m1z, l1,
                    (build + ss) / (r.assemble + r.steady), gap / r.gap, Math.abs(m1z - r.m1z), Math.abs(gapRe - r.l1.re()));
        }
        Files.deleteIfExists(script);
    }

    static Row run(Model m, int n) {
        Map<String, Double> p = m.resolve(Map.of("N", Integer.toString(n)));
        long t0 = System.nanoTime();
        PiqsLiouvillian l = PiqsLiouvillian.assemble(m, p);
        long t1 = System.nanoTime();
        PiqsEngine.Solution s = PiqsEngine.solveSteady(l);
        double m1z = new PiqsMoments(l).evaluate(s.x()).mean()[2];
        long t2 = System.nanoTime();
        LiouvillianSpectrum.Eigen e = PiqsEngine.eigenvalues(l, 4, 0);
        long t3 = System.nanoTime();
        return new Row(n, l.space().dickeStates(), l.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, m1z, e.values().get(1));
    }

    private static String exec(List<String> cmd, long timeoutSeconds) throws Exception {
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder sb = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader br = new BufferedReader(new InputStreamReader(pr.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = br.readLine()) != null) synchronized (sb) { sb.append(line).append('\n'); }
            } catch (java.io.IOException ignored) { }
        });
        reader.start();
        if (!pr.waitFor(timeoutSeconds, TimeUnit.SECONDS)) { pr.destroyForcibly(); return null; }
        reader.join(5000);
        synchronized (sb) { return pr.exitValue() == 0 ? sb.toString() : null; }
    }

    static final String PY = String.join("\n",
            "import sys, time",
            "import numpy as np",
            "import scipy.sparse as sps",
            "import scipy.sparse.linalg as spla",
            "from qutip import steadystate, expect",
            "from qutip.piqs import Dicke, jspin, block_matrix",
            "N = int(sys.argv[1]); S = N / 2",
            "t0 = time.perf_counter()",
            "jx, jy, jz = jspin(N)",
            "system = Dicke(N=N, hamiltonian=1.0 * jx, emission=1.0, collective_emission=1.0 / S)",
            "L = system.liouvillian()",
            "t1 = time.perf_counter()",
            "rho = steadystate(L)",
            "m1z = expect(jz, rho) / S",
            "t2 = time.perf_counter()",
            "# the gap of the permutation-symmetric sector: L restricted to the block-diagonal (j,m,m') elements",
            "mask = np.flatnonzero(np.asarray(block_matrix(N)).reshape(-1) != 0)",
            "A = sps.csc_matrix(L.data)[mask][:, mask]",
            "vals = spla.eigs(A, k=8, sigma=0.01, return_eigenvectors=False)",
            "vals = sorted(vals, key=lambda z: -z.real)",
            "l1 = [z for z in vals if abs(z) > 1e-8][0]",
            "t3 = time.perf_counter()",
            "print('RESULT', N, t1 - t0, t2 - t1, t3 - t2, m1z, l1.real, abs(l1.imag))",
            "");
}
