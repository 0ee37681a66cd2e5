package cumulus.solvers.piqs;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Model;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.solvers.space.CMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Independent reference for the permutation-invariant product space: M ensembles of N spins-1/2
 * each with every spin explicit (2^{NM} states) ⊗ the truncated Fock space, full index
 * (spin bits of ensemble 1, ..., ensemble M) · cutoff + n; bit k of ensemble i set = spin k down.
 * L[X] = K X + X K† + Σ A X B from the model declaration directly (σ_{i,k} on every spin for the
 * local channels). Restricted to the operators invariant under the permutations of each ensemble,
 * spanned by the products of each ensemble's symmetrized Pauli classes and the Hermitian Fock basis
 * (orthonormal): Π_i C(N+3, 3) · cutoff² of them.
 */
final class ProductBruteForce {
    final int n, ens, cutoff, spinDim, dim;
    final Map<String, Double> values;
    CMatrix k;
    final List<CMatrix[]> sandwiches = new ArrayList<>();

    ProductBruteForce(Model model, Map<String, Double> parameters) {
        values = PiqsLiouvillian.values(model, parameters);
        n = (int) Math.round(values.get("N"));
        ens = model.ensembles();
        cutoff = model.hasBoson() ? (int) Math.round(values.get(model.boson().cutoffParameter())) : 1;
        spinDim = 1 << (n * ens);
        dim = spinDim * cutoff;
        CMatrix h = op(model.hamiltonian());
        CMatrix g = CMatrix.zero(dim, dim);
        for (Dissipator d : model.dissipators()) {
            if (d instanceof Dissipator.Jump j) {
                double rate = j.rate().evaluate(values).re();
                CMatrix l = op(j.operator());
                sandwiches.add(new CMatrix[]{l.scale(rate), l.adjoint()});
                g = g.plus(l.adjoint().times(l).scale(rate));
            } else if (d instanceof Dissipator.Local lo) {
                double rate = lo.rate().evaluate(values).re();
                for (int s = 0; s < n; s++) {
                    CMatrix l = sigma(lo.ensemble() - 1, s, switch (lo.process()) { case EMISSION -> '-'; case PUMPING -> '+'; case DEPHASING -> 'z'; });
                    sandwiches.add(new CMatrix[]{l.scale(rate), l.adjoint()});
                    g = g.plus(l.adjoint().times(l).scale(rate));
                }
            } else if (d instanceof Dissipator.LocalGamma lg) {
                for (int s = 0; s < n; s++)
                    for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
                        Complex c = lg.get(a, b).evaluate(values);
                        if (c.abs() == 0) continue;
                        CMatrix sa = sigma(lg.ensemble() - 1, s, "xyz".charAt(a)), sb = sigma(lg.ensemble() - 1, s, "xyz".charAt(b));
                        sandwiches.add(new CMatrix[]{sa.scale(c), sb});
                        g = g.plus(sb.times(sa).scale(c));
                    }
            } else if (d instanceof Dissipator.GammaMatrix gm) {
                Op.Component[] xyz = {Op.Component.X, Op.Component.Y, Op.Component.Z};
                for (int a = 0; a < gm.size(); a++) for (int b = 0; b < gm.size(); b++) {
                    Complex c = gm.get(a, b).evaluate(values).times(1 / (n / 2.0));
                    if (c.abs() == 0) continue;
                    CMatrix sa = collective(gm.ensembleOf(a) - 1, xyz[a % 3]), sb = collective(gm.ensembleOf(b) - 1, xyz[b % 3]);
                    sandwiches.add(new CMatrix[]{sa.scale(c), sb});
                    g = g.plus(sb.times(sa).scale(c));
                }
            }
        }
        k = h.scale(new Complex(0, -1)).plus(g.scale(-0.5));
    }

    /** Spin s (0-based) of ensemble e (0-based): 'x','y','z','+','-'. */
    CMatrix sigma(int e, int s, char a) {
        int bit = (ens - 1 - e) * n + s;
        CMatrix.Builder b = new CMatrix.Builder(dim, dim);
        for (int c = 0; c < dim; c++) {
            int sc = c / cutoff, nb = c % cutoff;
            boolean down = ((sc >> bit) & 1) == 1;
            int flip = (sc ^ (1 << bit)) * cutoff + nb;
            switch (a) {
                case 'z' -> b.add(c, c, down ? -1 : 1, 0);
                case 'x' -> b.add(flip, c, 1, 0);
                case 'y' -> b.add(flip, c, 0, down ? -1 : 1);
                case '-' -> { if (!down) b.add(flip, c, 1, 0); }
                case '+' -> { if (down) b.add(flip, c, 1, 0); }
                default -> throw new IllegalArgumentException();
            }
        }
        return b.build();
    }

    CMatrix collective(int e, Op.Component c) {
        CMatrix out = CMatrix.zero(dim, dim);
        for (int s = 0; s < n; s++)
            out = out.plus(switch (c) {
                case X -> sigma(e, s, 'x').scale(0.5);
                case Y -> sigma(e, s, 'y').scale(0.5);
                case Z -> sigma(e, s, 'z').scale(0.5);
                case PLUS -> sigma(e, s, '+');
                case MINUS -> sigma(e, s, '-');
            });
        return out;
    }

    CMatrix annihilation() {
        CMatrix.Builder b = new CMatrix.Builder(dim, dim);
        for (int sc = 0; sc < spinDim; sc++) for (int m = 1; m < cutoff; m++) b.add(sc * cutoff + m - 1, sc * cutoff + m, Math.sqrt(m), 0);
        return b.build();
    }

    CMatrix op(OpSum sum) {
        CMatrix out = CMatrix.zero(dim, dim);
        for (OpSum.Term t : sum.terms()) {
            CMatrix m = CMatrix.identity(dim);
            for (Op o : t.factors()) {
                CMatrix f = o instanceof Op.Spin s ? collective(s.ensemble() - 1, s.component())
                        : ((Op.Boson) o).dagger() ? annihilation().adjoint() : annihilation();
                m = m.times(f);
            }
            out = out.plus(m.scale(t.coefficient().evaluate(values)));
        }
        return out;
    }

    CMatrix apply(CMatrix x) { return sparse(apply(x.toDense())); }

    /** L[X] on a dense X: the sparse K, A, B multiply it row by row (a σ_k has one entry per row). */
    double[][][] apply(double[][][] x) {
        double[][][] y = new double[2][dim][dim];
        leftTimes(k, x, y);
        // X K† = (K X†)†
        double[][][] xd = adjoint(x), t = new double[2][dim][dim];
        leftTimes(k, xd, t);
        addAdjoint(t, y);
        for (CMatrix[] s : sandwiches) {
            double[][][] ax = new double[2][dim][dim];
            leftTimes(s[0], x, ax);
            rightTimes(ax, s[1], y);
        }
        return y;
    }

    /** y += A x. */
    static void leftTimes(CMatrix a, double[][][] x, double[][][] y) {
        int d = x[0].length;
        for (int p = 0; p < a.rows; p++) for (int e = a.ptr[p]; e < a.ptr[p + 1]; e++) {
            int r = a.idx[e];
            double ar = a.re[e], ai = a.im[e];
            double[] xr = x[0][r], xi = x[1][r], yr = y[0][p], yi = y[1][p];
            for (int q = 0; q < d; q++) { yr[q] += ar * xr[q] - ai * xi[q]; yi[q] += ar * xi[q] + ai * xr[q]; }
        }
    }

    /** y += x B. */
    static void rightTimes(double[][][] x, CMatrix b, double[][][] y) {
        int d = x[0].length;
        for (int r = 0; r < b.rows; r++) for (int e = b.ptr[r]; e < b.ptr[r + 1]; e++) {
            int q = b.idx[e];
            double br = b.re[e], bi = b.im[e];
            for (int p = 0; p < d; p++) {
                double xr = x[0][p][r], xi = x[1][p][r];
                y[0][p][q] += xr * br - xi * bi;
                y[1][p][q] += xr * bi + xi * br;
            }
        }
    }

    static double[][][] adjoint(double[][][] x) {
        int d = x[0].length;
        double[][][] o = new double[2][d][d];
        for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) { o[0][q][p] = x[0][p][q]; o[1][q][p] = -x[1][p][q]; }
        return o;
    }

    static void addAdjoint(double[][][] t, double[][][] y) {
        int d = t[0].length;
        for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) { y[0][q][p] += t[0][p][q]; y[1][q][p] -= t[1][p][q]; }
    }

    static CMatrix sparse(double[][][] m) {
        int d = m[0].length;
        CMatrix.Builder b = new CMatrix.Builder(d, d);
        for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) if (m[0][p][q] != 0 || m[1][p][q] != 0) b.add(p, q, m[0][p][q], m[1][p][q]);
        return b.build();
    }

    // ------------------------------------------------------------------ the symmetric sector

    /** Symmetrized Pauli classes of one ensemble of n spins on 2^n (Hermitian, orthonormal). */
    static List<CMatrix> pauliClasses(int n) {
        int d = 1 << n;
        Map<String, CMatrix.Builder> classes = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int strings = 1 << (2 * n);
        for (int code = 0; code < strings; code++) {
            int[] f = new int[n];
            int[] cnt = new int[4];
            int c = code;
            for (int s = 0; s < n; s++) { f[s] = c & 3; c >>= 2; cnt[f[s]]++; }
            String key = cnt[0] + "," + cnt[1] + "," + cnt[2] + "," + cnt[3];
            CMatrix.Builder b = classes.computeIfAbsent(key, q -> new CMatrix.Builder(d, d));
            counts.merge(key, 1, Integer::sum);
            for (int col = 0; col < d; col++) {
                int row = col;
                double pr = 1, pi = 0;
                for (int s = 0; s < n; s++) {
                    boolean down = ((col >> s) & 1) == 1;
                    switch (f[s]) {
                        case 1 -> row ^= 1 << s;
                        case 2 -> { row ^= 1 << s; double sgn = down ? -1 : 1; double t = pr; pr = -pi * sgn; pi = t * sgn; }
                        case 3 -> { if (down) { pr = -pr; pi = -pi; } }
                        default -> { }
                    }
                }
                b.add(row, col, pr, pi);
            }
        }
        List<CMatrix> out = new ArrayList<>();
        for (Map.Entry<String, CMatrix.Builder> e : classes.entrySet())
            out.add(e.getValue().build().scale(1 / Math.sqrt((double) counts.get(e.getKey()) * d)));
        return out;
    }

    /** The Hermitian orthonormal basis of cutoff × cutoff matrices. */
    static List<CMatrix> fockBasis(int c) {
        List<CMatrix> out = new ArrayList<>();
        double h = 1 / Math.sqrt(2);
        for (int p = 0; p < c; p++) for (int q = p; q < c; q++) {
            if (p == q) { out.add(new CMatrix.Builder(c, c).add(p, p, 1, 0).build()); continue; }
            out.add(new CMatrix.Builder(c, c).add(p, q, h, 0).add(q, p, h, 0).build());
            out.add(new CMatrix.Builder(c, c).add(p, q, 0, h).add(q, p, 0, -h).build());
        }
        return out;
    }

    /**
     * The Hermitian orthonormal basis of operators on the symmetric (Dicke) subspace of n spins, |S m⟩ the
     * normalized sum of the bit strings with S − m spins down: the sector of an ensemble without local processes.
     */
    static List<CMatrix> dickeOperators(int n) {
        int d = 1 << n;
        double[][] states = new double[n + 1][d];
        for (int c = 0; c < d; c++) states[Integer.bitCount(c)][c] = 1;
        for (double[] v : states) { double s = 0; for (double x : v) s += x * x; for (int c = 0; c < d; c++) v[c] /= Math.sqrt(s); }
        List<CMatrix> out = new ArrayList<>();
        double h = 1 / Math.sqrt(2);
        for (int p = 0; p <= n; p++) for (int q = p; q <= n; q++)
            for (int kind = 0; kind < (p == q ? 1 : 2); kind++) {
                CMatrix.Builder b = new CMatrix.Builder(d, d);
                for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) {
                    double pq = states[p][r] * states[q][c], qp = states[q][r] * states[p][c];
                    if (p == q) b.add(r, c, pq, 0);
                    else if (kind == 0) b.add(r, c, h * (pq + qp), 0);
                    else b.add(r, c, 0, h * (pq - qp));
                }
                out.add(b.build());
            }
        return out;
    }

    /** The symmetric sector; {@code dickeOnly[e]}: ensemble e only on its Dicke subspace. */
    List<CMatrix> symmetricBasis(boolean... dickeOnly) {
        List<CMatrix> out = List.of(CMatrix.identity(1));
        for (int e = 0; e < ens; e++) {
            List<CMatrix> one = e < dickeOnly.length && dickeOnly[e] ? dickeOperators(n) : pauliClasses(n);
            List<CMatrix> next = new ArrayList<>();
            for (CMatrix a : out) for (CMatrix b : one) next.add(a.kron(b));
            out = next;
        }
        List<CMatrix> next = new ArrayList<>();
        for (CMatrix a : out) for (CMatrix b : fockBasis(cutoff)) next.add(a.kron(b));
        return next;
    }

    static double traceProduct(double[][][] a, double[][][] b) {
        int d = a[0].length;
        double s = 0;
        for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) s += a[0][p][q] * b[0][q][p] - a[1][p][q] * b[1][q][p];
        return s;
    }

    /** Coordinates Tr(B_a X) of a Hermitian X. */
    static double[] coordinates(List<CMatrix> basis, CMatrix x) {
        double[][][] xd = x.toDense();
        double[] c = new double[basis.size()];
        for (int a = 0; a < c.length; a++) c[a] = traceProduct(basis.get(a).toDense(), xd);
        return c;
    }

    /** M_ab = Tr(B_a L[B_b]). */
    DMatrixRMaj symmetricLiouvillian(List<CMatrix> basis) {
        int m = basis.size();
        List<double[][][]> dense = new ArrayList<>();
        for (CMatrix b : basis) dense.add(b.toDense());
        DMatrixRMaj out = new DMatrixRMaj(m, m);
        for (int b = 0; b < m; b++) {
            double[][][] y = apply(dense.get(b));
            for (int a = 0; a < m; a++) out.unsafe_set(a, b, traceProduct(dense.get(a), y));
        }
        return out;
    }

    static CMatrix state(List<CMatrix> basis, double[] x) {
        int d = basis.get(0).rows();
        double[][][] rho = new double[2][d][d];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) continue;
            CMatrix b = basis.get(i);
            for (int p = 0; p < d; p++) for (int e = b.ptr[p]; e < b.ptr[p + 1]; e++) {
                rho[0][p][b.idx[e]] += x[i] * b.re[e];
                rho[1][p][b.idx[e]] += x[i] * b.im[e];
            }
        }
        return sparse(rho);
    }

    /** The steady state in the symmetric sector (Tr ρ = 1). */
    CMatrix steadyState(List<CMatrix> basis, DMatrixRMaj l) {
        int m = basis.size();
        DMatrixRMaj a = l.copy();
        for (int c = 0; c < m; c++) {
            double[][][] d = basis.get(c).toDense();
            double t = 0;
            for (int p = 0; p < dim; p++) t += d[0][p][p];
            a.set(0, c, t);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        rhs.set(0, 0, 1);
        DMatrixRMaj x = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solve(a, rhs, x)) throw new IllegalStateException("singular");
        return state(basis, x.data);
    }

    /** e^{Mt} x by Taylor steps of norm ≤ 1/2 (40 terms each: truncation below 1e-25 per step). */
    static double[] propagate(DMatrixRMaj m, double[] x, double t) {
        int dim = x.length;
        double norm = 0;
        for (int j = 0; j < dim; j++) { double c = 0; for (int i = 0; i < dim; i++) c += Math.abs(m.unsafe_get(i, j)); norm = Math.max(norm, c); }
        int steps = Math.max(1, (int) Math.ceil(2 * norm * t));
        double h = t / steps;
        double[] v = x.clone();
        for (int s = 0; s < steps; s++) {
            double[] term = v.clone(), sum = v.clone();
            for (int kk = 1; kk <= 40; kk++) {
                double[] next = new double[dim];
                for (int i = 0; i < dim; i++) {
                    double acc = 0;
                    int row = i * dim;
                    for (int j = 0; j < dim; j++) acc += m.data[row + j] * term[j];
                    next[i] = acc * h / kk;
                }
                term = next;
                for (int i = 0; i < dim; i++) sum[i] += term[i];
            }
            v = sum;
        }
        return v;
    }

    static double expect(CMatrix o, CMatrix rho) {
        double[][][] p = o.times(rho).toDense();
        double s = 0;
        for (int i = 0; i < p[0].length; i++) s += p[0][i][i];
        return s;
    }

    /** |ψ⟩⟨ψ| of the product of spin-coherent states (θ, φ) of every spin of every ensemble and the boson Fock amplitudes c. */
    CMatrix productState(double[] theta, double[] phi, double[] fock) {
        double[] re = {1}, im = {0};
        for (int e = 0; e < ens; e++) {
            double cr = Math.cos(theta[e] / 2), sr = Math.sin(theta[e] / 2) * Math.cos(phi[e]), si = Math.sin(theta[e] / 2) * Math.sin(phi[e]);
            for (int s = n - 1; s >= 0; s--) {   // bit s: the last spin is the lowest bit of the ensemble's block
                double[] r2 = new double[re.length * 2], i2 = new double[re.length * 2];
                for (int p = 0; p < re.length; p++) {
                    // |↑⟩ (bit 0) amplitude cos, |↓⟩ (bit 1) amplitude e^{iφ} sin
                    r2[2 * p] = re[p] * cr; i2[2 * p] = im[p] * cr;
                    r2[2 * p + 1] = re[p] * sr - im[p] * si; i2[2 * p + 1] = re[p] * si + im[p] * sr;
                }
                re = r2; im = i2;
            }
        }
        double[] fr = new double[re.length * cutoff], fi = new double[re.length * cutoff];
        for (int p = 0; p < re.length; p++) for (int q = 0; q < cutoff; q++) { fr[p * cutoff + q] = re[p] * fock[q]; fi[p * cutoff + q] = im[p] * fock[q]; }
        CMatrix.Builder b = new CMatrix.Builder(dim, dim);
        for (int p = 0; p < dim; p++) for (int q = 0; q < dim; q++)
            b.add(p, q, fr[p] * fr[q] + fi[p] * fi[q], fi[p] * fr[q] - fr[p] * fi[q]);
        return b.build();
    }
}
