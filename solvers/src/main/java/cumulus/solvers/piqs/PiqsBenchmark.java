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
        System.out.println("QuTiP " + "PIQS (same problem): Dicke(...).liouvillian() (nds^2 x nds^2, nds = Dicke states); qutip.steadystate on it;");
        System.out.println("  as that is singular (off-block elements carry no dissipation), steady state and gap are taken from its");
        System.out.println("  block-diagonal (j,m,m') part with SciPy: spsolve (SuperLU) with the trace row, eigs(sigma=0.01, k=8)");
        System.out.printf("%5s %9s %14s %9s %9s %14s %20s %10s %10s %10s %10s%n", "N", "build_s", "qutip.steady", "ss_s", "gap_s", "m1z", "lambda1", "ratio_ss", "ratio_gap", "|dm1z|", "|dlambda1|");
        for (Row r : rows) {
            String out = exec(List.of("/usr/bin/python3", script.toString(), Integer.toString(r.n)), timeout);
            if (out == null) { System.out.printf("%5d  timed out after %d s (or failed)%n", r.n, timeout); continue; }
            String last = null;
            for (String line : out.split("\n")) if (line.startsWith("RESULT")) last = line;
            if (last == null) { System.out.printf("%5d  no result: %s%n", r.n, out.strip().replace('\n', ' ')); continue; }
            String[] f = last.trim().split("\\s+");
            double build = Double.parseDouble(f[2]), ss = Double.parseDouble(f[3]), gap = Double.parseDouble(f[4]);
            double m1z = Double.parseDouble(f[5]), re = Double.parseDouble(f[6]), im = Double.parseDouble(f[7]);
            String status = f[8].equals("skipped") ? "skipped" : String.format("%s %.1fs", f[8], Double.parseDouble(f[9]));
            System.out.printf("%5d %9.3f %14s %9.3f %9.3f %14.10f %20s %10.2f %10.2f %10.2e %10.2e%n", r.n, build, status, ss, gap, m1z,
                    String.format("%.10f%+.1ei", re, im), (build + ss) / (r.assemble + r.steady), gap / r.gap,
                    Math.abs(m1z - r.m1z), new Complex(re, im).minus(r.l1).abs());
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
        LiouvillianSpectrum.Eigen e = PiqsEngine.eigenvalues(l, 4, 0, false); // real shift only, as the SciPy eigs it is compared with
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
            "from qutip import steadystate",
            "from qutip.piqs import Dicke, jspin, block_matrix",
            "N = int(sys.argv[1]); S = N / 2",
            "t0 = time.perf_counter()",
            "jx, jy, jz = jspin(N)",
            "system = Dicke(N=N, hamiltonian=1.0 * jx, emission=1.0, collective_emission=1.0 / S)",
            "L = system.liouvillian()",
            "t1 = time.perf_counter()",
            "status = 'skipped'",
            "if N <= 40:",
            "    try:",
            "        steadystate(L)",
            "        status = 'ok'",
            "    except Exception as e:",
            "        status = type(e).__name__",
            "t2 = time.perf_counter()",
            "nds = jz.shape[0]",
            "mask = np.flatnonzero(block_matrix(N).toarray().reshape(-1, order='F') != 0)",
            "A = sps.csr_matrix(L.data)[mask][:, mask].tocsc()",
            "diag = np.searchsorted(mask, np.arange(nds) * (nds + 1))",
            "r0 = diag[0]",
            "keep = np.ones(len(mask)); keep[r0] = 0",
            "B = (sps.diags(keep) @ A + sps.csr_matrix((np.ones(nds), (np.full(nds, r0), diag)), shape=A.shape)).tocsc()",
            "b = np.zeros(len(mask), dtype=complex); b[r0] = 1",
            "x = spla.spsolve(B, b)",
            "m1z = float(np.real(np.sum(np.real(jz.diag()) * x[diag]))) / S",
            "t3 = time.perf_counter()",
            "vals = spla.eigs(A, k=8, sigma=0.01, return_eigenvectors=False)",
            "vals = sorted(vals, key=abs)[1:]  # drop lambda_0 (not exactly 0: PIQS rates are single precision)",
            "l1 = max(vals, key=lambda z: (z.real, abs(z.imag)))",
            "t4 = time.perf_counter()",
            "print('RESULT', N, t1 - t0, t3 - t2, t4 - t3, m1z, l1.real, abs(l1.imag), status, t2 - t1, len(mask))",
            "");
}
