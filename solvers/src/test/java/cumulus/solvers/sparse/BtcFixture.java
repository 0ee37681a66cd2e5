package cumulus.solvers.sparse;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * Benchmark/test fixture (not production code): the boundary-time-crystal Lindbladian
 * H = &omega; S<sup>x</sup>, L = sqrt(&kappa;/S) S<sup>-</sup>, S = N/2, in the Dicke basis |S, S-j&gt;, j = 0..N, written as a
 * real matrix on the orthonormal Hermitian basis |j&gt;&lt;j|, (|j&gt;&lt;k|+|k&gt;&lt;j|)/&radic;2,
 * i(|j&gt;&lt;k|-|k&gt;&lt;j|)/&radic;2 (j &lt; k), in natural (j, k) order. Dimension (N+1)<sup>2</sup>.
 */
final class BtcFixture {
    private BtcFixture() {}

    static DMatrixSparseCSC liouvillian(int N, double omega, double kappa) {
        int d = N + 1;
        double S = N / 2.0;
        double[] cm = new double[d];               // S^- : j -> j+1 with coefficient cm[j]
        for (int j = 0; j < d; j++) {
            double m = S - j;
            cm[j] = j + 1 < d ? Math.sqrt(Math.max(0, S * (S + 1) - m * (m - 1))) : 0;
        }
        double g = Math.sqrt(kappa / S);
        double[] hOff = new double[d];              // H_{j,j+1} = H_{j+1,j}
        for (int j = 0; j < d; j++) hOff[j] = omega / 2 * cm[j];
        double[] D = new double[d];                 // L^T L diagonal
        for (int j = 0; j < d; j++) D[j] = g * g * cm[j] * cm[j];
        // index of basis elements
        int[][] idx = new int[d][d];
        int n = 0;
        for (int j = 0; j < d; j++)
            for (int k = j; k < d; k++) { idx[j][k] = n; n += (j == k) ? 1 : 2; }
        DMatrixSparseTriplet tr = new DMatrixSparseTriplet(n, n, 12 * n);
        Acc acc = new Acc();
        double r2 = Math.sqrt(0.5);
        for (int j = 0; j < d; j++)
            for (int k = j; k < d; k++) {
                int nb = j == k ? 1 : 2;
                for (int t = 0; t < nb; t++) {
                    acc.clear();
                    if (j == k) image(j, j, 1, 0, d, hOff, cm, g, D, acc);
                    else if (t == 0) { image(j, k, r2, 0, d, hOff, cm, g, D, acc); image(k, j, r2, 0, d, hOff, cm, g, D, acc); }
                    else { image(j, k, 0, r2, d, hOff, cm, g, D, acc); image(k, j, 0, -r2, d, hOff, cm, g, D, acc); }
                    int col = idx[j][k] + t;
                    for (int e = 0; e < acc.size; e++) {
                        int r = acc.r[e], s = acc.s[e];
                        if (r == s) { if (acc.re[e] != 0) tr.addItem(idx[r][r], col, acc.re[e]); }
                        else {
                            double sre = Math.sqrt(2) * acc.re[e], sim = Math.sqrt(2) * acc.im[e];
                            if (sre != 0) tr.addItem(idx[r][s], col, sre);
                            if (sim != 0) tr.addItem(idx[r][s] + 1, col, sim);
                        }
                    }
                }
            }
        return DConvertMatrixStruct.convert(tr, (DMatrixSparseCSC) null);
    }

    /** Adds the image of z |p><q| (z = zr + i zi), keeping only entries (r, s) with r <= s. */
    private static void image(int p, int q, double zr, double zi, int d, double[] hOff, double[] cm, double g,
                              double[] D, Acc acc) {
        // -i H |p><q| : entries (p±1, q) with -i z H_{r p}
        if (p > 0) acc.add(p - 1, q, zi * hOff[p - 1], -zr * hOff[p - 1]);
        if (p + 1 < d) acc.add(p + 1, q, zi * hOff[p], -zr * hOff[p]);
        // +i |p><q| H : entries (p, q±1) with i z H_{q s}
        if (q > 0) acc.add(p, q - 1, -zi * hOff[q - 1], zr * hOff[q - 1]);
        if (q + 1 < d) acc.add(p, q + 1, -zi * hOff[q], zr * hOff[q]);
        // L |p><q| L^T
        if (p + 1 < d && q + 1 < d) { double c = g * cm[p] * g * cm[q]; acc.add(p + 1, q + 1, c * zr, c * zi); }
        double c = -0.5 * (D[p] + D[q]);
        acc.add(p, q, c * zr, c * zi);
    }

    private static final class Acc {
        int[] r = new int[16], s = new int[16]; double[] re = new double[16], im = new double[16]; int size;
        void clear() { size = 0; }
        void add(int a, int b, double vr, double vi) {
            if (a > b) return;
            for (int e = 0; e < size; e++) if (r[e] == a && s[e] == b) { re[e] += vr; im[e] += vi; return; }
            r[size] = a; s[size] = b; re[size] = vr; im[size] = vi; size++;
        }
    }
}
