package cumulus.solvers.sparse;

import cumulus.api.Complex;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Timing benchmark (not a test): shift-invert gap of the BTC Liouvillian (ω = 2, κ = 1, see {@link BtcFixture})
 * at σ = 0.01, nev = 4, for N = 64 … 1024. Prints wall-clock times per phase, process CPU time, fill and peak heap.
 * Usage: {@code java -Xmx8g -cp <module classpath> cumulus.solvers.sparse.SparseBench [N ...]}.
 */
public final class SparseBench {
    private SparseBench() {}

    public static void main(String[] args) {
        int[] ns = args.length == 0 ? new int[]{64, 128, 256, 512, 1024} : new int[args.length];
        for (int i = 0; i < args.length; i++) ns[i] = Integer.parseInt(args[i]);
        double sigma = 0.01;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("threads=%d, leaf=%d%n", DenseKernels.THREADS, SparseLU.LEAF_SIZE);
        System.out.printf("%5s %8s %7s %8s %11s %7s %8s %8s %8s %8s %7s %22s %8s%n", "N", "n", "order", "factor",
                "nnz(L+U)", "solve", "eigen", "total", "cpu", "cpuFac", "peakMB", "lambda1", "solveRes");
        for (int N : ns) {
            DMatrixSparseCSC L = BtcFixture.liouvillian(N, 2.0, 1.0);
            DMatrixSparseCSC As = ShiftInvertEigen.shifted(L, sigma);
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
            long cpu0 = os.getProcessCpuTime();
            long t1 = System.nanoTime();
            SparseLU lu = SparseLU.factor(As);
            double fac = (System.nanoTime() - t1) * 1e-9;
            double cpuFac = (os.getProcessCpuTime() - cpu0) * 1e-9;
            long t3 = System.nanoTime();
            List<Complex> ev = ShiftInvertEigen.nearest(L, sigma, 4, lu);
            double eig = (System.nanoTime() - t3) * 1e-9;
            double cpu = (os.getProcessCpuTime() - cpu0) * 1e-9;
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
                if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
            int n = lu.size();
            double[] b = new double[n], x = new double[n];
            Random r = new Random(1);
            for (int i = 0; i < n; i++) b[i] = r.nextGaussian();
            long t2 = System.nanoTime();
            lu.solve(b, x);
            double solve = (System.nanoTime() - t2) * 1e-9;
            double[] ax = new double[n];
            for (int j = 0; j < n; j++)
                for (int q = As.col_idx[j]; q < As.col_idx[j + 1]; q++) ax[As.nz_rows[q]] += As.nz_values[q] * x[j];
            double rn = 0, bn = 0;
            for (int i = 0; i < n; i++) { rn = Math.max(rn, Math.abs(ax[i] - b[i])); bn = Math.max(bn, Math.abs(b[i])); }
            Complex l1 = null;
            for (Complex z : ev) if (z.abs() > 1e-9 && (l1 == null || z.re() > l1.re())) l1 = z;
            System.out.printf("%5d %8d %7.2f %8.2f %11d %7.3f %8.2f %8.2f %8.2f %8.2f %7d %22s %8.1e%n", N, n,
                    lu.orderingSeconds(), lu.factorSeconds(), lu.factorNonZeros(), solve, eig, fac + eig, cpu, cpuFac,
                    peak >> 20, l1 == null ? "-" : Double.toString(l1.re()), rn / bn);
            System.out.println("      eigenvalues: " + ev + "   (delayed pivots " + lu.delayedPivots() + ")");
        }
    }
}
