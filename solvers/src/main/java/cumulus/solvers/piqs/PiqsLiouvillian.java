package cumulus.solvers.piqs;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.HermitianBasis;
import cumulus.solvers.space.HermitianColumns;
import cumulus.solvers.space.LocalOperators;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Liouvillian of one ensemble of N spins-1/2 with collective H and jumps and local processes
 * (paper Eq. 18 with γ^{jk} = δ_jk γ), restricted to permutation-invariant operators
 * ρ = ⊕_j ρ_j ⊗ 1_{d_j} (see {@link DickeBlocks}), as a REAL sparse matrix on the Hermitian
 * coordinates of the blocks P_j = d_j ρ_j.
 *
 * <p>Collective parts act inside each block with the spin-j matrices of S^a:
 * L_coll[P_j] = K_j P_j + P_j K_j† + Σ_t A_{t,j} P_j B_{t,j}, K = −iH − G/2 (as the Dicke-manifold engine).
 *
 * <p>Local channels Σ_k Σ_ab γ_ab (σ_k^a ρ σ_k^b − ½{σ_k^b σ_k^a, ρ}): a named process γ Σ_k D[σ_k] is the
 * γ matrix of {@link #gammaOf}, so every local channel takes one path. The anticommutator parts are collective
 * (Σ_k σ_k^b σ_k^a = N δ_ab + 2i ε_baτ S^τ). The sandwich Σ_k σ_k^a ρ σ_k^b
 * is permutation covariant; by Wigner–Eckart (σ_k^{±,z} are rank-1 tensor components) it maps
 * |j,m⟩⟨j,m'| to blocks j' = j, j ± 1 with products of Clebsch–Gordan coefficients times a
 * j-dependent reduced factor, fixed by Σ_k σ_k^a = collective S^a and trace preservation
 * (Chase &amp; Geremia PRA 78, 052101 (2008); Shammah et al. PRA 98, 063815 (2018)). With A = N/2 and
 * the element P_{j,m,m'}, this gives for the three named processes (the tests check every channel, cross terms
 * included, against 2^N brute force):
 * <pre>
 * emission  γ D[σ^-]: diag −γ/2 (N + m + m');
 *   → (j, m−1, m'−1):   γ (A+1)/(2j(j+1))      √((j+m)(j−m+1)(j+m')(j−m'+1))
 *   → (j−1, m−1, m'−1): γ (A+j+1)/(2j(2j+1))   √((j+m)(j+m−1)(j+m')(j+m'−1))
 *   → (j+1, m−1, m'−1): γ (A−j)/(2(j+1)(2j+1)) √((j−m+1)(j−m+2)(j−m'+1)(j−m'+2))
 * pumping   γ D[σ^+]: the same with m → −m (diag −γ/2 (N − m − m'), targets m+1, m'+1)
 * dephasing γ D[σ^z]: diag −2γ (A − m m' (A+1)/(j(j+1)))  (−2γA for j = 0);
 *   → (j−1, m, m'): 2γ (A+j+1)/(j(2j+1))     √((j²−m²)(j²−m'²))
 *   → (j+1, m, m'): 2γ (A−j)/((j+1)(2j+1))   √(((j+1)²−m²)((j+1)²−m'²))
 * </pre>
 * (PIQS's "dephasing" rate is that of D[σ^z/2], i.e. 4γ here.)
 */
public final class PiqsLiouvillian {

    private final Model model;
    private final Map<String, Double> values;
    private final DickeBlocks space;
    private final DMatrixSparseCSC matrix;
    private final List<String> warnings;

    private PiqsLiouvillian(Model model, Map<String, Double> values, DickeBlocks space, DMatrixSparseCSC matrix, List<String> warnings) {
        this.model = model; this.values = values; this.space = space; this.matrix = matrix; this.warnings = warnings;
    }

    public Model model() { return model; }
    public Map<String, Double> values() { return values; }
    public DickeBlocks space() { return space; }
    public DMatrixSparseCSC matrix() { return matrix; }
    public int size() { return space.size(); }
    public List<String> warnings() { return List.copyOf(warnings); }

    /** y = L x. */
    public void apply(double[] x, double[] y) { cumulus.solvers.space.SparseOps.multiply(matrix, x, y); }

    /**
     * Checks that the model is one this assembly handles: one spin ensemble, no boson (the others go to
     * {@link ProductPermutationSpace}, which {@code Spaces.of} chooses for them).
     */
    public static void checkSupported(Model model) {
        if (model.hasBoson() || model.ensembles() != 1)
            throw new ModelException("model " + model.name() + ": the one-ensemble permutation-invariant assembly takes no boson and one ensemble (the model has "
                    + model.ensembles() + " ensemble(s) and " + model.bosons().size() + " mode(s)): build its space with Spaces.of, which uses the product space");
    }

    /** Parameter values with S = N/2 and t = 0. */
    public static Map<String, Double> values(Model model, Map<String, Double> parameters) {
        Map<String, Double> v = new LinkedHashMap<>(parameters);
        v.putIfAbsent("t", 0.0);
        Double n = v.get("N");
        if (n == null) throw new ModelException("model " + model.name() + ": parameter N missing");
        v.putIfAbsent("S", n / 2);
        return v;
    }

    /** Matrix of a collective operator sum on the spin-j block (2j = twoJ). */
    static CMatrix operator(OpSum sum, int twoJ, Map<String, Double> values) {
        int d = twoJ + 1;
        CMatrix out = CMatrix.zero(d, d);
        for (OpSum.Term t : sum.terms()) {
            Complex c = t.coefficient().evaluate(values);
            if (c.abs() == 0) continue;
            CMatrix m = null;
            for (Op op : t.factors()) {
                if (!(op instanceof Op.Spin s)) throw new ModelException("operator " + op + " is not a spin operator: the permutation-invariant engine has no boson");
                if (s.ensemble() != 1) throw new ModelException("operator " + op + " names ensemble " + s.ensemble() + ": the permutation-invariant engine has one ensemble");
                CMatrix f = switch (s.component()) {
                    case X -> LocalOperators.sx(twoJ);
                    case Y -> LocalOperators.sy(twoJ);
                    case Z -> LocalOperators.sz(twoJ);
                    case PLUS -> LocalOperators.splus(twoJ);
                    case MINUS -> LocalOperators.sminus(twoJ);
                };
                m = m == null ? f : m.times(f);
            }
            if (m == null) m = CMatrix.identity(d);
            out = out.plus(m.scale(c));
        }
        return out;
    }

    /** Column lists of a dense complex matrix: for column c, the rows and values of its non-zeros. */
    private record Sparse(int[][] idx, double[][] re, double[][] im) {
        /** By columns (transpose = false) or by rows (transpose = true). */
        static Sparse of(double[][][] m, boolean byRows) {
            int d = m[0].length;
            int[][] idx = new int[d][];
            double[][] re = new double[d][], im = new double[d][];
            for (int c = 0; c < d; c++) {
                int cnt = 0;
                for (int r = 0; r < d; r++) {
                    double a = byRows ? m[0][c][r] : m[0][r][c], b = byRows ? m[1][c][r] : m[1][r][c];
                    if (a != 0 || b != 0) cnt++;
                }
                idx[c] = new int[cnt]; re[c] = new double[cnt]; im[c] = new double[cnt];
                int k = 0;
                for (int r = 0; r < d; r++) {
                    double a = byRows ? m[0][c][r] : m[0][r][c], b = byRows ? m[1][c][r] : m[1][r][c];
                    if (a != 0 || b != 0) { idx[c][k] = r; re[c][k] = a; im[c][k] = b; k++; }
                }
            }
            return new Sparse(idx, re, im);
        }
    }

    /** Per block: K by columns, sandwich A by columns and B by rows. */
    private record Block(Sparse kCols, Sparse[] aCols, Sparse[] bRows) { }

    public static PiqsLiouvillian assemble(Model model, Map<String, Double> parameters) {
        checkSupported(model);
        Map<String, Double> v = values(model, parameters);
        List<String> warnings = new ArrayList<>(model.checkCoefficients(v));
        double nd = v.get("N");
        if (nd != Math.rint(nd) || nd < 1) throw new ModelException("N must be a positive integer, got " + nd);
        int n = (int) nd;
        long unknowns = 0;
        for (int twoJ = n; twoJ >= 0; twoJ -= 2) unknowns += (long) (twoJ + 1) * (twoJ + 1);
        cumulus.solvers.space.Resources.admit(cumulus.solvers.space.Resources.assembly("model " + model.name() + " (permutation-invariant, N = " + n + ")", unknowns, 10));
        DickeBlocks space = new DickeBlocks(n);
        double s = n / 2.0;
        // local γ-matrix channels: spherical sandwich coefficients c_ab (a, b ∈ −, +, z) and the numeric γ_αβ
        double[][] cRe = null, cIm = null;
        List<Complex[][]> localGammas = new ArrayList<>();
        for (Dissipator d : model.dissipators()) {
            Complex[][] gm;
            if (d instanceof Dissipator.LocalGamma lg) {
                if (lg.ensemble() != 1) throw new ModelException("local γ matrix on ensemble " + lg.ensemble() + ": the permutation-invariant engine has one ensemble");
                gm = new Complex[3][3];
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) gm[a][b] = lg.get(a, b).evaluate(v);
            } else if (d instanceof Dissipator.Local l) {
                if (l.ensemble() != 1) throw new ModelException("local dissipator on ensemble " + l.ensemble() + ": the permutation-invariant engine has one ensemble");
                gm = gammaOf(l.process(), l.rate().evaluate(v).re());
            } else continue;
            localGammas.add(gm);
            if (cRe == null) { cRe = new double[3][3]; cIm = new double[3][3]; }
            Complex[][] c = spherical(gm);
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) { cRe[a][b] += c[a][b].re(); cIm[a][b] += c[a][b].im(); }
        }
        Block[] blocks = new Block[space.blocks()];
        for (int b = 0; b < space.blocks(); b++) {
            int twoJ = space.dim(b) - 1;
            int d = twoJ + 1;
            CMatrix h = operator(model.hamiltonian(), twoJ, v);
            double herr = h.hermiticityError();
            if (herr > 1e-10 * Math.max(1, h.maxAbs()))
                throw new ModelException("model " + model.name() + ": the Hamiltonian is not Hermitian at these parameters (max |H - H^dag| = " + String.format("%.3g", herr) + ")");
            CMatrix g = CMatrix.zero(d, d);
            List<CMatrix[]> sw = new ArrayList<>();
            for (Dissipator dis : model.dissipators()) {
                if (dis instanceof Dissipator.Jump j) {
                    double rate = j.rate().evaluate(v).re();
                    CMatrix l = operator(j.operator(), twoJ, v), ld = l.adjoint();
                    sw.add(new CMatrix[]{l.scale(rate), ld});
                    g = g.plus(ld.times(l).scale(rate));
                } else if (dis instanceof Dissipator.GammaMatrix gm) {
                    if (!gm.ensembles().equals(java.util.List.of(1))) throw new ModelException("Γ matrix on ensembles " + gm.ensembles() + ": the permutation-invariant engine has one ensemble");
                    CMatrix[] sa = {LocalOperators.sx(twoJ), LocalOperators.sy(twoJ), LocalOperators.sz(twoJ)};
                    for (int a = 0; a < 3; a++) for (int c = 0; c < 3; c++) {
                        Complex gab = gm.get(a, c).evaluate(v).times(1 / s);
                        if (gab.abs() == 0) continue;
                        sw.add(new CMatrix[]{sa[a].scale(gab), sa[c]});
                        g = g.plus(sa[c].times(sa[a]).scale(gab));
                    }
                }
            }
            // anticommutator of the local γ channels: Σ_k Σ_ab γ_ab σ_k^b σ_k^a = Σ_ab γ_ab (N δ_ab + 2i ε_baτ S^τ), collective
            CMatrix[] sa = {LocalOperators.sx(twoJ), LocalOperators.sy(twoJ), LocalOperators.sz(twoJ)};
            for (Complex[][] gm : localGammas)
                for (int al = 0; al < 3; al++) for (int be = 0; be < 3; be++) {
                    if (gm[al][be].abs() == 0) continue;
                    if (al == be) g = g.plus(CMatrix.identity(d).scale(gm[al][be].times(n)));
                    else {
                        int tau = 3 - al - be, eps = (be - al + 3) % 3 == 1 ? 1 : -1;   // eps = ε_{αβτ} = −ε_{βατ}
                        g = g.plus(sa[tau].scale(gm[al][be].times(new Complex(0, 2.0 * -eps))));
                    }
                }
            CMatrix k = h.scale(new Complex(0, -1)).plus(g.scale(-0.5));
            Sparse[] aCols = new Sparse[sw.size()], bRows = new Sparse[sw.size()];
            for (int t = 0; t < sw.size(); t++) {
                aCols[t] = Sparse.of(sw.get(t)[0].toDense(), false);
                bRows[t] = Sparse.of(sw.get(t)[1].toDense(), true);
            }
            blocks[b] = new Block(Sparse.of(k.toDense(), false), aCols, bRows);
        }
        DMatrixSparseCSC m = new Assembler(space, blocks, cRe, cIm).run();
        cumulus.solvers.space.SparseOps.requireFinite(m, model.name());
        return new PiqsLiouvillian(model, v, space, m, warnings);
    }

    /**
     * The γ matrix over (σ^x, σ^y, σ^z) of r·D[σ]: r u u† for σ = Σ_a u_a σ^a, i.e. σ^- = (σ^x − iσ^y)/2 gives
     * (r/4)(1, i, 0; −i, 1, 0; 0, 0, 0), σ^+ its conjugate, σ^z (0, 0, 0; 0, 0, 0; 0, 0, r).
     */
    static Complex[][] gammaOf(Dissipator.LocalProcess p, double r) {
        Complex[] u = switch (p) {
            case EMISSION -> new Complex[]{new Complex(0.5, 0), new Complex(0, -0.5), Complex.ZERO};
            case PUMPING -> new Complex[]{new Complex(0.5, 0), new Complex(0, 0.5), Complex.ZERO};
            case DEPHASING -> new Complex[]{Complex.ZERO, Complex.ZERO, Complex.ONE};
        };
        Complex[][] g = new Complex[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) g[a][b] = u[a].times(u[b].conj()).times(r);
        return g;
    }

    /**
     * Σ_ab γ_ab σ^a ρ σ^b in the spherical components σ^−, σ^+, σ^z (index 0, 1, 2): σ^x = σ^+ + σ^−,
     * σ^y = −iσ^+ + iσ^−, so c_ab = Σ_αβ γ_αβ U_αa U_βb.
     */
    static Complex[][] spherical(Complex[][] gamma) {
        Complex[][] u = {{Complex.ONE, Complex.ONE, Complex.ZERO}, {new Complex(0, 1), new Complex(0, -1), Complex.ZERO},
                {Complex.ZERO, Complex.ZERO, Complex.ONE}};
        Complex[][] c = new Complex[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
            Complex t = Complex.ZERO;
            for (int al = 0; al < 3; al++) for (int be = 0; be < 3; be++) t = t.plus(gamma[al][be].times(u[al][a]).times(u[be][b]));
            c[a][b] = t;
        }
        return c;
    }

    /** Column-by-column assembly: L[E_β] accumulated on a complex scratch over all block elements. */
    private static final class Assembler {
        static final double R2 = Math.sqrt(2);
        final DickeBlocks sp;
        final Block[] blocks;
        final double a;
        final int[] elemOffset;
        final double[] sr, si;
        final int[] touched;
        final boolean[] mark;
        int nt;

        /** Spherical sandwich coefficients of the local γ channels (null if none). */
        final double[][] cRe, cIm;

        Assembler(DickeBlocks sp, Block[] blocks, double[][] cRe, double[][] cIm) {
            this.sp = sp; this.blocks = blocks; this.cRe = cRe; this.cIm = cIm;
            a = sp.spins() / 2.0;
            elemOffset = new int[sp.blocks() + 1];
            for (int b = 0; b < sp.blocks(); b++) elemOffset[b + 1] = elemOffset[b] + sp.dim(b) * sp.dim(b);
            int total = elemOffset[sp.blocks()];
            sr = new double[total]; si = new double[total];
            touched = new int[total]; mark = new boolean[total];
        }

        void add(int b, int p, int q, double re, double im) {
            int e = elemOffset[b] + p * sp.dim(b) + q;
            if (!mark[e]) { mark[e] = true; touched[nt++] = e; }
            sr[e] += re; si[e] += im;
        }

        /** Adds c · L[|r⟩⟨s|] of block b. */
        void element(int b, int r, int s, double cr, double ci) {
            Block bl = blocks[b];
            // K X: column r of K at (p, s)
            Sparse k = bl.kCols;
            for (int t = 0; t < k.idx[r].length; t++) {
                double kr = k.re[r][t], ki = k.im[r][t];
                add(b, k.idx[r][t], s, kr * cr - ki * ci, kr * ci + ki * cr);
            }
            // X K†: (K†)_{s q} = conj(K_{q s}) at (r, q)
            for (int t = 0; t < k.idx[s].length; t++) {
                double kr = k.re[s][t], ki = -k.im[s][t];
                add(b, r, k.idx[s][t], kr * cr - ki * ci, kr * ci + ki * cr);
            }
            // A X B: A_{p r} B_{s q}
            for (int w = 0; w < bl.aCols.length; w++) {
                Sparse ac = bl.aCols[w], br = bl.bRows[w];
                for (int t = 0; t < ac.idx[r].length; t++) {
                    double xr = ac.re[r][t] * cr - ac.im[r][t] * ci, xi = ac.re[r][t] * ci + ac.im[r][t] * cr;
                    for (int u = 0; u < br.idx[s].length; u++) {
                        double yr = br.re[s][u], yi = br.im[s][u];
                        add(b, ac.idx[r][t], br.idx[s][u], xr * yr - xi * yi, xr * yi + xi * yr);
                    }
                }
            }
            if (cRe != null) general(b, r, s, cr, ci);
        }

        /**
         * Σ_ab c_ab Σ_k σ_k^a |j m⟩⟨j m'| σ_k^b for general spherical components (a, b ∈ −, +, z): by Wigner–Eckart
         * the result in block j' = j, j ∓ 1 is E_{j→j'} (M^a|m⟩)(M^{b†}|m'⟩)†, with the reduced factors E of the
         * class comment (same: (A+1)/(2j(j+1)); down: (A+j+1)/(2j(2j+1)); up: (A−j)/(2(j+1)(2j+1))) and the
         * transition amplitudes of {@link WignerEckart#amplitude}, whose relative signs follow the Clebsch–Gordan
         * coefficients ⟨j m; 1 q | j' m+q⟩ with σ^+ = −√2 T_{+1}, σ^− = √2 T_{−1}, σ^z = 2 T_0.
         */
        void general(int b, int r, int s, double cr, double ci) {
            double j = sp.j(b);
            int dirs = 0;
            for (int dir = -1; dir <= 1; dir++) if (b - dir >= 0 && b - dir < sp.blocks()) dirs |= 1 << (dir + 1);
            WignerEckart.sandwich(a, j, j - r, j - s, cRe, cIm, cr, ci, dirs, (dir, ra, sb, re, im) -> add(b - dir, ra, sb, re, im));
        }

        DMatrixSparseCSC run() {
            HermitianColumns out = new HermitianColumns(sp.size(), 16);
            for (int b = 0; b < sp.blocks(); b++) {
                HermitianBasis hb = sp.basis(b);
                int d = sp.dim(b);
                for (int p = 0; p < d; p++) for (int q = p; q < d; q++) {
                    for (int kind = (p == q ? 0 : 1); kind <= (p == q ? 0 : 2); kind++) {
                        int col = sp.offset(b) + (kind == 0 ? hb.diag(p) : kind == 1 ? hb.sym(p, q) : hb.anti(p, q));
                        nt = 0;
                        if (kind == 0) element(b, p, p, 1, 0);
                        else if (kind == 1) { element(b, p, q, 1 / R2, 0); element(b, q, p, 1 / R2, 0); }
                        else { element(b, p, q, 0, 1 / R2); element(b, q, p, 0, -1 / R2); }
                        // read the upper triangle of L[E] into real coordinates
                        for (int t = 0; t < nt; t++) {
                            int e = touched[t];
                            double vr = sr[e], vi = si[e];
                            sr[e] = 0; si[e] = 0; mark[e] = false;
                            int bb = blockOf(e);
                            int dd = sp.dim(bb);
                            int loc = e - elemOffset[bb];
                            int pp = loc / dd, qq = loc % dd;
                            if (pp > qq) continue;
                            out.entry(sp.offset(bb), sp.basis(bb), pp, qq, vr, vi);
                        }
                        out.endColumn(col);
                    }
                }
            }
            return out.matrix();
        }

        int blockOf(int e) {
            int lo = 0, hi = sp.blocks() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (elemOffset[mid] <= e) lo = mid; else hi = mid - 1;
            }
            return lo;
        }
    }
}
