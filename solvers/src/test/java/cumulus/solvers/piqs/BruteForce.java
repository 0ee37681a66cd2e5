package cumulus.solvers.piqs;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.HermitianBasis;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Model;
import cumulus.api.Op;
import cumulus.api.OpSum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Independent 2^N-dimensional reference for the permutation-invariant engine: every spin explicit
 * (bit k of a basis index = 1 means spin k is down), σ_k^{x,y,z,±} as sparse matrices, S^a = Σ_k σ_k^a/2,
 * L[X] = K X + X K† + Σ A X B from the model declaration directly. Two reductions:
 * the full 4^N real Liouvillian in the Hermitian basis (small N), and L restricted to the
 * permutation-symmetric operators, spanned by the symmetrized Pauli strings (classes of strings with
 * the same numbers of 1, x, y, z factors: C(N+3, 3) of them, pairwise Hilbert–Schmidt orthogonal).
 */
final class BruteForce {
    final int n, dim;
    final Map<String, Double> values;
    final Model model;
    CMatrix k;
    final List<CMatrix[]> sandwiches = new ArrayList<>();

    BruteForce(Model model, Map<String, Double> parameters) {
        this.model = model;
        this.values = PiqsLiouvillian.values(model, parameters);
        n = (int) Math.round(values.get("N"));
        dim = 1 << n;
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
                    CMatrix l = switch (lo.process()) {
                        case EMISSION -> sigma(s, '-');
                        case PUMPING -> sigma(s, '+');
                        case DEPHASING -> sigma(s, 'z');
                    };
                    sandwiches.add(new CMatrix[]{l.scale(rate), l.adjoint()});
                    g = g.plus(l.adjoint().times(l).scale(rate));
                }
            } else if (d instanceof Dissipator.LocalGamma lg) {
                for (int s = 0; s < n; s++)
                    for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
                        Complex c = lg.get(a, b).evaluate(values);
                        if (c.abs() == 0) continue;
                        CMatrix sa = sigma(s, "xyz".charAt(a)), sb = sigma(s, "xyz".charAt(b));
                        sandwiches.add(new CMatrix[]{sa.scale(c), sb});
                        g = g.plus(sb.times(sa).scale(c));
                    }
            } else if (d instanceof Dissipator.GammaMatrix gm) {
                Op.Component[] xyz = {Op.Component.X, Op.Component.Y, Op.Component.Z};
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
                    Complex c = gm.get(a, b).evaluate(values).times(1 / (n / 2.0));
                    if (c.abs() == 0) continue;
                    CMatrix sa = collective(xyz[a]), sb = collective(xyz[b]);
                    sandwiches.add(new CMatrix[]{sa.scale(c), sb});
                    g = g.plus(sb.times(sa).scale(c));
                }
            } else {
                throw new IllegalArgumentException("brute force: unsupported " + d);
            }
        }
        k = h.scale(new Complex(0, -1)).plus(g.scale(-0.5));
    }

    /** Adds c (A ρ B − ½{B A, ρ}) to L (e.g. one (j, k) term of Eq. 18 written out by hand). */
    void addTerm(Complex c, CMatrix a, CMatrix b) {
        sandwiches.add(new CMatrix[]{a.scale(c), b});
        k = k.plus(b.times(a).scale(c.times(-0.5)));
    }

    /** Single-spin operator on spin s: 'x','y','z','+','-'. Bit 0 = up. */
    CMatrix sigma(int s, char a) {
        CMatrix.Builder b = new CMatrix.Builder(dim, dim);
        for (int c = 0; c < dim; c++) {
            boolean down = ((c >> s) & 1) == 1;
            int flip = c ^ (1 << s);
            switch (a) {
                case 'z' -> b.add(c, c, down ? -1 : 1, 0);
                case 'x' -> b.add(flip, c, 1, 0);
                case 'y' -> b.add(flip, c, 0, down ? -1 : 1); // σ^y|↑⟩ = i|↓⟩, σ^y|↓⟩ = −i|↑⟩
                case '-' -> { if (!down) b.add(flip, c, 1, 0); }
                case '+' -> { if (down) b.add(flip, c, 1, 0); }
                default -> throw new IllegalArgumentException();
            }
        }
        return b.build();
    }

    CMatrix collective(Op.Component c) {
        CMatrix out = CMatrix.zero(dim, dim);
        for (int s = 0; s < n; s++) {
            out = out.plus(switch (c) {
                case X -> sigma(s, 'x').scale(0.5);
                case Y -> sigma(s, 'y').scale(0.5);
                case Z -> sigma(s, 'z').scale(0.5);
                case PLUS -> sigma(s, '+');
                case MINUS -> sigma(s, '-');
            });
        }
        return out;
    }

    CMatrix op(OpSum sum) {
        CMatrix out = CMatrix.zero(dim, dim);
        for (OpSum.Term t : sum.terms()) {
            CMatrix m = CMatrix.identity(dim);
            for (Op o : t.factors()) m = m.times(collective(((Op.Spin) o).component()));
            out = out.plus(m.scale(t.coefficient().evaluate(values)));
        }
        return out;
    }

    CMatrix apply(CMatrix x) {
        CMatrix y = k.times(x).plus(x.times(k.adjoint()));
        for (CMatrix[] s : sandwiches) y = y.plus(s[0].times(x).times(s[1]));
        return y;
    }

    // ------------------------------------------------------------------ full 4^N

    /** The full real Liouvillian on the Hermitian basis of the 2^N space (small N only). */
    DMatrixRMaj fullLiouvillian() {
        HermitianBasis hb = new HermitianBasis(dim);
        int size = hb.size();
        DMatrixRMaj l = new DMatrixRMaj(size, size);
        for (int c = 0; c < size; c++) {
            double[] e = new double[size];
            e[c] = 1;
            double[][][] m = hb.matrix(e);
            double[][][] ym = apply(sparse(m)).toDense();
            double[] y = hb.coordinates(ym[0], ym[1]);
            for (int r = 0; r < size; r++) l.unsafe_set(r, c, y[r]);
        }
        return l;
    }

    static List<Complex> eig(DMatrixRMaj a) {
        EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(a.numRows, false);
        if (!e.decompose(a.copy())) throw new IllegalStateException("eig failed");
        List<Complex> out = new ArrayList<>();
        for (int i = 0; i < a.numRows; i++) out.add(new Complex(e.getEigenvalue(i).real, e.getEigenvalue(i).imaginary));
        return out;
    }

    // ------------------------------------------------------------------ permutation-symmetric sector

    /** Normalized symmetrized Pauli classes (Hermitian, orthonormal). */
    List<CMatrix> symmetricBasis() { return ProductBruteForce.pauliClasses(n); }

    /** Re Tr(A B) for Hermitian-product use. */
    static double traceProduct(double[][][] a, double[][][] b) {
        int d = a[0].length;
        double s = 0;
        for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) s += a[0][p][q] * b[0][q][p] - a[1][p][q] * b[1][q][p];
        return s;
    }

    /** M_ab = Tr(B_a L[B_b]) on the orthonormal symmetric basis. */
    DMatrixRMaj symmetricLiouvillian(List<CMatrix> basis) {
        int m = basis.size();
        List<double[][][]> dense = new ArrayList<>();
        for (CMatrix b : basis) dense.add(b.toDense());
        DMatrixRMaj out = new DMatrixRMaj(m, m);
        for (int b = 0; b < m; b++) {
            double[][][] y = apply(basis.get(b)).toDense();
            for (int a = 0; a < m; a++) out.unsafe_set(a, b, traceProduct(dense.get(a), y));
        }
        return out;
    }

    /** The steady state in the symmetric sector as a 2^N density matrix (Tr ρ = 1). */
    CMatrix steadyState(List<CMatrix> basis, DMatrixRMaj l) {
        int m = basis.size();
        // replace row 0 by the trace functional
        DMatrixRMaj a = l.copy();
        double[] tr = new double[m];
        for (int i = 0; i < m; i++) {
            double[][][] d = basis.get(i).toDense();
            for (int p = 0; p < dim; p++) tr[i] += d[0][p][p];
        }
        for (int c = 0; c < m; c++) a.set(0, c, tr[c]);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        rhs.set(0, 0, 1);
        DMatrixRMaj x = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solve(a, rhs, x)) throw new IllegalStateException("singular");
        CMatrix rho = CMatrix.zero(dim, dim);
        for (int i = 0; i < m; i++) rho = rho.plus(basis.get(i).scale(x.get(i, 0)));
        return rho;
    }

    /** Re Tr(O ρ). */
    static double expect(CMatrix o, CMatrix rho) {
        double[][][] p = o.times(rho).toDense();
        double s = 0;
        for (int i = 0; i < p[0].length; i++) s += p[0][i][i];
        return s;
    }

    static CMatrix sparse(double[][][] m) {
        int d = m[0].length;
        CMatrix.Builder b = new CMatrix.Builder(d, d);
        for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) if (m[0][p][q] != 0 || m[1][p][q] != 0) b.add(p, q, m[0][p][q], m[1][p][q]);
        return b.build();
    }
}
