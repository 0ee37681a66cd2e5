package cumulus.cli.reproduce;

/** Least-squares fits used by the figures: straight lines (with the slope's standard error), power laws, 1/N extrapolations. */
public final class Fits {
    private Fits() { }

    /** y = intercept + slope x, with standard errors and the number of points. */
    public record Line(double intercept, double slope, double interceptError, double slopeError, int n) {
        public double at(double x) { return intercept + slope * x; }
    }

    public static Line line(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) return new Line(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        double b = sxy / sxx, a = my - b * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) { double r = y[i] - a - b * x[i]; rss += r * r; }
        double s2 = n > 2 ? rss / (n - 2) : 0;
        double eb = Math.sqrt(s2 / sxx);
        double ea = Math.sqrt(s2 * (1.0 / n + mx * mx / sxx));
        return new Line(a, b, ea, eb, n);
    }

    /** y ≈ c x^p by a line through (log x, log y): returns {p, c, error of p}. Non-positive y are skipped. */
    public static double[] powerLaw(double[] x, double[] y) {
        int k = 0;
        for (int i = 0; i < x.length; i++) if (y[i] > 0 && x[i] > 0) k++;
        double[] lx = new double[k], ly = new double[k];
        k = 0;
        for (int i = 0; i < x.length; i++) if (y[i] > 0 && x[i] > 0) { lx[k] = Math.log(x[i]); ly[k++] = Math.log(y[i]); }
        Line l = line(lx, ly);
        return new double[]{l.slope(), Math.exp(l.intercept()), l.slopeError()};
    }

    /** Extrapolation y(N) = c0 + c1/N (+ c2/N² with four or more points): returns c0, c1, c2. */
    public static double[] inverseN(double[] n, double[] y) {
        int m = n.length >= 4 ? 3 : 2;
        double[][] ata = new double[m][m];
        double[] atb = new double[m];
        for (int i = 0; i < n.length; i++) {
            double[] row = new double[m];
            for (int j = 0; j < m; j++) row[j] = Math.pow(1 / n[i], j);
            for (int a = 0; a < m; a++) {
                atb[a] += row[a] * y[i];
                for (int b = 0; b < m; b++) ata[a][b] += row[a] * row[b];
            }
        }
        double[] c = solve(ata, atb);
        return m == 3 ? c : new double[]{c[0], c[1], 0};
    }

    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = a[i].clone();
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            double[] t = m[c]; m[c] = m[p]; m[p] = t;
            double tx = x[c]; x[c] = x[p]; x[p] = tx;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) m[r][k] -= f * m[c][k];
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int k = r + 1; k < n; k++) s -= m[r][k] * x[k];
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** 1/N values for plotting against 1/N. */
    public static double[] inverse(double[] n) {
        double[] o = new double[n.length];
        for (int i = 0; i < n.length; i++) o[i] = 1 / n[i];
        return o;
    }

    public static double[] toArray(java.util.List<Double> l) {
        double[] o = new double[l.size()];
        for (int i = 0; i < o.length; i++) o[i] = l.get(i);
        return o;
    }
}
