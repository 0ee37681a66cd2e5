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
import cumulus.solvers.space.Resources;
import cumulus.solvers.space.SparseOps;
import org.ejml.data.DMatrixSparseCSC;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Liouvillian of M ensembles of N spins-1/2 with local dissipation, a boson or several ensembles,
 * on the permutation-invariant product space {@link ProductBlocks} (ρ = ⊕_J P_J, J = (j_1, ..., j_M)),
 * as a REAL sparse matrix on the Hermitian coordinates of the blocks. Every term is a tensor product
 * of per-factor superoperators, applied column by column (never a dense superoperator):
 * <ul>
 * <li>collective parts (H, jumps, Γ matrices across ensembles, the boson): inside each block J,
 *     L_coll[P_J] = K_J P_J + P_J K_J† + Σ_t A_{t,J} P_J B_{t,J}, K = −iH − G/2, with S_i^a the spin-j_i matrices
 *     of ensemble i and a the truncated boson, embedded in H_{j_1} ⊗ ... ⊗ Fock;</li>
 * <li>a local channel Σ_k Σ_ab γ_ab (σ_{i,k}^a ρ σ_{i,k}^b − ½{σ_{i,k}^b σ_{i,k}^a, ρ}) on ensemble i: the
 *     anticommutator is collective (N δ_ab + 2i ε_baτ S_i^τ, in K), the sandwich maps j_i → j_i, j_i ± 1 on
 *     factor i alone ({@link WignerEckart}, as for one ensemble in {@link PiqsLiouvillian}) and is the
 *     identity on the other factors, the degeneracies of the other ensembles being untouched.</li>
 * </ul>
 */
public final class ProductLiouvillian {
    private final Model model;
    private final Map<String, Double> values;
    private final ProductBlocks space;
    private final DMatrixSparseCSC matrix;
    private final List<String> warnings;

    private ProductLiouvillian(Model model, Map<String, Double> values, ProductBlocks space, DMatrixSparseCSC matrix, List<String> warnings) {
        this.model = model; this.values = values; this.space = space; this.matrix = matrix; this.warnings = warnings;
    }

    public Model model() { return model; }
    public Map<String, Double> values() { return values; }
    public ProductBlocks space() { return space; }
    public DMatrixSparseCSC matrix() { return matrix; }
    public List<String> warnings() { return List.copyOf(warnings); }

    /** Which ensembles (0-based) carry a local channel. */
    static boolean[] localEnsembles(Model model) {
        boolean[] local = new boolean[model.ensembles()];
        for (Dissipator d : model.dissipators()) {
            int e = d instanceof Dissipator.Local l ? l.ensemble() : d instanceof Dissipator.LocalGamma g ? g.ensemble() : 0;
            if (e > model.ensembles()) throw new ModelException("local dissipator on ensemble " + e + " but the model has " + model.ensembles() + " ensembles");
            if (e > 0) local[e - 1] = true;
        }
        return local;
    }

    /** The Fock cutoff of each mode at these values (empty without a boson). */
    static int[] cutoffs(Model model, Map<String, Double> v) {
        int[] out = new int[model.bosons().size()];
        for (int k = 0; k < out.length; k++) {
            String name = model.bosons().get(k).cutoffParameter();
            Double c = v.get(name);
            if (c == null) throw new ModelException("model " + model.name() + ": cutoff parameter '" + name + "' missing");
            if (c != Math.rint(c) || c < 1) throw new ModelException("model " + model.name() + ": the Fock cutoff " + name + " must be a positive integer, got " + c);
            out[k] = (int) Math.round(c);
        }
        return out;
    }

    /** Checks N and the size against the heap before anything is built. */
    static ProductBlocks blocks(Model model, Map<String, Double> v) {
        double nd = v.get("N");
        if (nd != Math.rint(nd) || nd < 1) throw new ModelException("N must be a positive integer, got " + nd);
        int n = (int) nd;
        boolean[] local = localEnsembles(model);
        int[] cutoffs = cutoffs(model, v);
        long unknowns = ProductBlocks.unknowns(n, local, cutoffs);
        Resources.admit(Resources.assembly("model " + model.name() + " (permutation-invariant product space, " + model.ensembles() + " ensemble(s) of N = " + n
                + (cutoffs.length > 0 ? ", Fock cutoff(s) " + java.util.Arrays.toString(cutoffs) : "") + ")", unknowns, 12 + 4 * model.ensembles() + 8 * cutoffs.length));
        return new ProductBlocks(n, local, cutoffs);
    }

    /** The matrix of an operator sum on block J (coefficients at {@code values}). */
    static CMatrix operator(OpSum sum, ProductBlocks sp, int block, Map<String, Double> values, Map<Op, CMatrix> cache) {
        return CMatrix.ofSum(sum, values, sp.dim(block), cache, o -> elementary(o, sp, block));
    }

    /** S_i^a of spin j_i or a, a† embedded in block J. */
    static CMatrix elementary(Op op, ProductBlocks sp, int block) {
        if (op instanceof Op.Spin s) {
            if (s.ensemble() < 1 || s.ensemble() > sp.ensembles())
                throw new ModelException("operator " + s + " but the model has " + sp.ensembles() + " ensemble(s)");
            int twoJ = sp.twoJ(block, s.ensemble() - 1);
            CMatrix local = switch (s.component()) {
                case X -> LocalOperators.sx(twoJ);
                case Y -> LocalOperators.sy(twoJ);
                case Z -> LocalOperators.sz(twoJ);
                case PLUS -> LocalOperators.splus(twoJ);
                case MINUS -> LocalOperators.sminus(twoJ);
            };
            return embed(sp, block, s.ensemble() - 1, local);
        }
        Op.Boson b = (Op.Boson) op;
        if (b.mode() > sp.modes())
            throw new ModelException("operator " + b + " but the model has " + (sp.modes() == 0 ? "no boson" : sp.modes() + " bosonic mode(s)"));
        int c = sp.cutoff(b.mode());
        return embed(sp, block, sp.ensembles() + b.mode() - 1, b.dagger() ? LocalOperators.adag(c) : LocalOperators.a(c));
    }

    /** 1 ⊗ ... ⊗ O ⊗ ... ⊗ 1 on block J's factors. */
    static CMatrix embed(ProductBlocks sp, int block, int factor, CMatrix local) {
        int[] dims = sp.factorDimensions(block);
        CMatrix out = null;
        for (int f = 0; f < dims.length; f++) {
            CMatrix m = f == factor ? local : CMatrix.identity(dims[f]);
            out = out == null ? m : out.kron(m);
        }
        return out;
    }

    public static ProductLiouvillian assemble(Model model, Map<String, Double> parameters) {
        Map<String, Double> v = PiqsLiouvillian.values(model, parameters);
        List<String> warnings = new ArrayList<>(model.checkCoefficients(v));
        ProductBlocks sp = blocks(model, v);
        int n = sp.spins(), ens = sp.ensembles();
        double s = n / 2.0;
        // local channels per ensemble: the γ matrices and their summed spherical sandwich coefficients
        double[][][] cRe = new double[ens][][], cIm = new double[ens][][];
        List<List<Complex[][]>> gammas = new ArrayList<>();
        for (int i = 0; i < ens; i++) gammas.add(new ArrayList<>());
        for (Dissipator d : model.dissipators()) {
            Complex[][] gm;
            int e;
            if (d instanceof Dissipator.LocalGamma lg) {
                e = lg.ensemble() - 1;
                gm = new Complex[3][3];
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) gm[a][b] = lg.get(a, b).evaluate(v);
            } else if (d instanceof Dissipator.Local l) {
                e = l.ensemble() - 1;
                gm = PiqsLiouvillian.gammaOf(l.process(), l.rate().evaluate(v).re());
            } else continue;
            gammas.get(e).add(gm);
            if (cRe[e] == null) { cRe[e] = new double[3][3]; cIm[e] = new double[3][3]; }
            Complex[][] c = PiqsLiouvillian.spherical(gm);
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) { cRe[e][a][b] += c[a][b].re(); cIm[e][a][b] += c[a][b].im(); }
        }
        Op.Component[] xyz = {Op.Component.X, Op.Component.Y, Op.Component.Z};
        Block[] blocks = new Block[sp.blocks()];
        for (int bl = 0; bl < sp.blocks(); bl++) {
            int d = sp.dim(bl);
            final int cur = bl;
            Map<Op, CMatrix> cache = new HashMap<>();
            CMatrix h = operator(model.hamiltonian(), sp, bl, v, cache);
            double herr = h.hermiticityError();
            if (herr > 1e-10 * Math.max(1, h.maxAbs()))
                throw new ModelException("model " + model.name() + ": the Hamiltonian is not Hermitian at these parameters (max |H - H^dag| = " + String.format("%.3g", herr) + ")");
            CMatrix g = CMatrix.zero(d, d);
            List<CMatrix[]> sw = new ArrayList<>();
            for (Dissipator dis : model.dissipators()) {
                if (dis instanceof Dissipator.Jump j) {
                    double rate = j.rate().evaluate(v).re();
                    CMatrix l = operator(j.operator(), sp, bl, v, cache), ld = l.adjoint();
                    sw.add(new CMatrix[]{l.scale(rate), ld});
                    g = g.plus(ld.times(l).scale(rate));
                } else if (dis instanceof Dissipator.GammaMatrix gm) {
                    CMatrix[] sa = new CMatrix[gm.size()];
                    for (int a = 0; a < sa.length; a++) sa[a] = cache.computeIfAbsent(new Op.Spin(gm.ensembleOf(a), xyz[a % 3]), o -> elementary(o, sp, cur));
                    for (int a = 0; a < sa.length; a++) for (int c = 0; c < sa.length; c++) {
                        Complex gab = gm.get(a, c).evaluate(v).times(1 / s);
                        if (gab.abs() == 0) continue;
                        sw.add(new CMatrix[]{sa[a].scale(gab), sa[c]});
                        g = g.plus(sa[c].times(sa[a]).scale(gab));
                    }
                }
            }
            // anticommutators of the local channels: Σ_k Σ_ab γ_ab σ_k^b σ_k^a = Σ_ab γ_ab (N δ_ab + 2i ε_baτ S^τ)
            for (int e = 0; e < ens; e++) {
                if (gammas.get(e).isEmpty()) continue;
                final int ee = e;
                CMatrix[] sa = new CMatrix[3];
                for (int a = 0; a < 3; a++) sa[a] = cache.computeIfAbsent(new Op.Spin(ee + 1, xyz[a]), o -> elementary(o, sp, cur));
                for (Complex[][] gm : gammas.get(e))
                    for (int al = 0; al < 3; al++) for (int be = 0; be < 3; be++) {
                        if (gm[al][be].abs() == 0) continue;
                        if (al == be) g = g.plus(CMatrix.identity(d).scale(gm[al][be].times(n)));
                        else {
                            int tau = 3 - al - be, eps = (be - al + 3) % 3 == 1 ? 1 : -1;
                            g = g.plus(sa[tau].scale(gm[al][be].times(new Complex(0, 2.0 * -eps))));
                        }
                    }
            }
            CMatrix k = h.scale(new Complex(0, -1)).plus(g.scale(-0.5));
            CMatrix[] aT = new CMatrix[sw.size()], bRows = new CMatrix[sw.size()];
            for (int t = 0; t < sw.size(); t++) { aT[t] = transpose(sw.get(t)[0]); bRows[t] = sw.get(t)[1]; }
            blocks[bl] = new Block(transpose(k), k.adjoint(), aT, bRows);
        }
        DMatrixSparseCSC m = new Assembler(sp, blocks, cRe, cIm).run();
        SparseOps.requireFinite(m, model.name());
        return new ProductLiouvillian(model, v, sp, m, warnings);
    }

    static CMatrix transpose(CMatrix m) {
        CMatrix.Builder bb = new CMatrix.Builder(m.cols, m.rows);
        for (int i = 0; i < m.rows; i++) for (int k = m.ptr[i]; k < m.ptr[i + 1]; k++) bb.add(m.idx[k], i, m.re[k], m.im[k]);
        return bb.build();
    }

    /** Per block: K^T and K† by rows, the sandwiches' A^T and B by rows. */
    private record Block(CMatrix kT, CMatrix kDag, CMatrix[] aT, CMatrix[] b) { }

    /** Column-by-column assembly: L[E_β] accumulated on the upper triangles of a complex scratch over all blocks. */
    private static final class Assembler {
        final ProductBlocks sp;
        final Block[] blocks;
        final double[][][] cRe, cIm;
        final double a;
        final double[] sr, si;
        final int[] touched, touchedBlock;
        final boolean[] mark;
        int nt;

        Assembler(ProductBlocks sp, Block[] blocks, double[][][] cRe, double[][][] cIm) {
            this.sp = sp; this.blocks = blocks; this.cRe = cRe; this.cIm = cIm;
            a = sp.spins() / 2.0;
            int total = sp.size();
            sr = new double[total]; si = new double[total];
            touched = new int[total]; touchedBlock = new int[total]; mark = new boolean[total];
        }

        void add(int bl, int r, int s, double re, double im) {
            if (r > s) return; // the lower triangle is the conjugate of the upper one
            int e = sp.offset(bl) + r * sp.dim(bl) + s;
            if (!mark[e]) { mark[e] = true; touched[nt] = e; touchedBlock[nt++] = bl; }
            sr[e] += re; si[e] += im;
        }

        /** Adds c · L[|r⟩⟨s|] of block bl. */
        void unit(int bl, int r, int s, double cr, double ci) {
            Block b = blocks[bl];
            CMatrix kT = b.kT(), kDag = b.kDag();
            for (int l = kT.ptr[r]; l < kT.ptr[r + 1]; l++)
                add(bl, kT.idx[l], s, cr * kT.re[l] - ci * kT.im[l], cr * kT.im[l] + ci * kT.re[l]);
            for (int l = kDag.ptr[s]; l < kDag.ptr[s + 1]; l++)
                add(bl, r, kDag.idx[l], cr * kDag.re[l] - ci * kDag.im[l], cr * kDag.im[l] + ci * kDag.re[l]);
            for (int t = 0; t < b.aT().length; t++) {
                CMatrix at = b.aT()[t], bt = b.b()[t];
                for (int l = at.ptr[r]; l < at.ptr[r + 1]; l++) {
                    int rr = at.idx[l];
                    double ar = cr * at.re[l] - ci * at.im[l], ai = cr * at.im[l] + ci * at.re[l];
                    for (int q = bt.ptr[s]; q < bt.ptr[s + 1]; q++)
                        add(bl, rr, bt.idx[q], ar * bt.re[q] - ai * bt.im[q], ar * bt.im[q] + ai * bt.re[q]);
                }
            }
            for (int e = 0; e < cRe.length; e++) if (cRe[e] != null) local(bl, e, r, s, cr, ci);
        }

        /**
         * Σ_ab c_ab Σ_k σ_{i,k}^a |r⟩⟨s| σ_{i,k}^b on ensemble i: factor i's |j m⟩⟨j m'| goes to j' = j, j ± 1
         * ({@link WignerEckart}), the other factors' indices are kept.
         */
        void local(int bl, int ens, int r, int s, double cr, double ci) {
            int stride = sp.stride(bl, ens), d = sp.factorDim(bl, ens);
            int ri = (r / stride) % d, si0 = (s / stride) % d;
            int rOut = r / (stride * d), sOut = s / (stride * d), rIn = r % stride, sIn = s % stride;
            double j = sp.j(bl, ens);
            int[] tb = new int[3];
            int dirs = 0;
            for (int dir = -1; dir <= 1; dir++) {
                tb[dir + 1] = sp.shifted(bl, ens, dir);
                if (tb[dir + 1] >= 0) dirs |= 1 << (dir + 1);
            }
            // factor i's indices move within the target block (dimension 2j' + 1), the other factors' are kept
            WignerEckart.sandwich(a, j, j - ri, j - si0, cRe[ens], cIm[ens], cr, ci, dirs, (dir, ra, sb, re, im) -> {
                int dt = (int) Math.round(2 * (j + dir) + 1);
                add(tb[dir + 1], (rOut * dt + ra) * stride + rIn, (sOut * dt + sb) * stride + sIn, re, im);
            });
        }

        DMatrixSparseCSC run() {
            double h = 1 / HermitianBasis.R2;
            HermitianColumns out = new HermitianColumns(sp.size(), 12);
            for (int bl = 0; bl < sp.blocks(); bl++) {
                HermitianBasis hb = sp.basis(bl);
                int d = sp.dim(bl), off = sp.offset(bl);
                for (int p = 0; p < d; p++) for (int q = p; q < d; q++) {
                    for (int kind = 0; kind < (p == q ? 1 : 2); kind++) {
                        int col;
                        nt = 0;
                        if (p == q) { col = off + hb.diag(p); unit(bl, p, p, 1, 0); }
                        else if (kind == 0) { col = off + hb.sym(p, q); unit(bl, p, q, h, 0); unit(bl, q, p, h, 0); }
                        else { col = off + hb.anti(p, q); unit(bl, p, q, 0, h); unit(bl, q, p, 0, -h); }
                        for (int t = 0; t < nt; t++) {
                            int e = touched[t], tb = touchedBlock[t];
                            double vr = sr[e], vi = si[e];
                            sr[e] = 0; si[e] = 0; mark[e] = false;
                            int dd = sp.dim(tb), loc = e - sp.offset(tb), pp = loc / dd, qq = loc % dd;
                            out.entry(sp.offset(tb), sp.basis(tb), pp, qq, vr, vi);
                        }
                        out.endColumn(col);
                    }
                }
            }
            return out.matrix();
        }
    }
}
