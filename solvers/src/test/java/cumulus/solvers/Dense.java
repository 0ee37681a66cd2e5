package cumulus.solvers;

import cumulus.solvers.space.CMatrix;

import java.util.Random;

/** Dense complex matrices {re, im} for test-side direct computations (independent of the sparse code). */
final class Dense {
    private Dense() { }

    static double[][][] of(CMatrix m) { return m.toDense(); }

    static double[][][] zero(int n) { return new double[2][n][n]; }

    static double[][][] times(double[][][] a, double[][][] b) {
        int n = a[0].length, m = b[0][0].length, k = b[0].length;
        double[][][] c = new double[2][n][m];
        for (int i = 0; i < n; i++) for (int l = 0; l < k; l++) {
            double ar = a[0][i][l], ai = a[1][i][l];
            if (ar == 0 && ai == 0) continue;
            for (int j = 0; j < m; j++) {
                c[0][i][j] += ar * b[0][l][j] - ai * b[1][l][j];
                c[1][i][j] += ar * b[1][l][j] + ai * b[0][l][j];
            }
        }
        return c;
    }

    static double[][][] dagger(double[][][] a) {
        int n = a[0].length, m = a[0][0].length;
        double[][][] c = new double[2][m][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) { c[0][j][i] = a[0][i][j]; c[1][j][i] = -a[1][i][j]; }
        return c;
    }

    /** acc += (cr + i ci) · a. */
    static void addScaled(double[][][] acc, double cr, double ci, double[][][] a) {
        for (int i = 0; i < a[0].length; i++) for (int j = 0; j < a[0][0].length; j++) {
            acc[0][i][j] += cr * a[0][i][j] - ci * a[1][i][j];
            acc[1][i][j] += cr * a[1][i][j] + ci * a[0][i][j];
        }
    }

    /** A random Hermitian matrix with entries of order 1. */
    static double[][][] randomHermitian(int n, long seed) {
        Random r = new Random(seed);
        double[][][] h = new double[2][n][n];
        for (int i = 0; i < n; i++) {
            h[0][i][i] = r.nextGaussian();
            for (int j = i + 1; j < n; j++) {
                double x = r.nextGaussian(), y = r.nextGaussian();
                h[0][i][j] = x; h[1][i][j] = y; h[0][j][i] = x; h[1][j][i] = -y;
            }
        }
        return h;
    }

    static double maxAbs(double[][][] a) {
        double m = 0;
        for (int i = 0; i < a[0].length; i++) for (int j = 0; j < a[0][0].length; j++) m = Math.max(m, Math.hypot(a[0][i][j], a[1][i][j]));
        return m;
    }
}
