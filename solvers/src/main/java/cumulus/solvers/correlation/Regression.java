package cumulus.solvers.correlation;

import cumulus.api.Complex;
import cumulus.api.ModelException;
import cumulus.api.NumericalException;
import cumulus.api.OpSum;
import cumulus.api.Schedule;
import cumulus.solvers.SteadyState;
import cumulus.solvers.ode.Evolution;
import cumulus.solvers.ode.LinearDormandPrince;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.SparseOps;
import cumulus.solvers.space.StateOperator;
import cumulus.solvers.space.SymmetryBlocks;
import cumulus.solvers.sparse.SparseLU;
import cumulus.solvers.sparse.Stage;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The quantum regression theorem on an exact space: for the NESS ρ (L ρ = 0, Tr ρ = 1),
 * ⟨A(τ)B(0)⟩ = Tr[A e^{Lτ}(B ρ)] for τ ≥ 0 (Breuer &amp; Petruccione, The Theory of Open Quantum
 * Systems, §3.2.4; Carmichael, Statistical Methods in Quantum Optics 1, §1.5), and its Fourier
 * transform in QuTiP's convention S_AB(ω) = ∫_{−∞}^{∞} dτ e^{−iωτ} ⟨A(τ)B(0)⟩ with the steady part
 * ⟨A⟩⟨B⟩·2πδ(ω) removed. With ⟨A(−τ)B(0)⟩ = ⟨A(0)B(τ)⟩ = Tr[B e^{Lτ}(ρA)] and
 * ∫_0^∞ e^{(L∓iω)τ} Q dτ = −(L ∓ iω)^{-1} Q on the traceless part (Q = 1 − ρ Tr):
 * <pre>
 *   S_AB(ω) = −Tr[A (L − iω)^{-1} Q(Bρ)] − Tr[B (L + iω)^{-1} Q(ρA)],
 * </pre>
 * which for A = B† is −2 Re Tr[A (L − iω)^{-1} Q(Bρ)], real (QuTiP's {@code spectrum}, method "pi").
 * Since L is real, (L + iω)^{-1} w = conj((L − iω)^{-1} conj w): one complex solve per ω serves both terms.
 *
 * <p>The solve: on every invariant block of L (see {@link SymmetryBlocks}) that the right-hand side
 * reaches; on the block of the populations, the equation of the trace anchor is replaced by
 * Tr z = 0 (the traceless solution: exact because Tr y = 0 and L is trace preserving, and
 * non-singular even at ω = 0, where L itself is). The complex system (L − iω) z = y is solved in its
 * real 2n form [[L, ωE], [−ωE, L]] (E = 1 without the anchor row) with the multifrontal
 * {@link SparseLU}: its pattern does not depend on ω, so the nested-dissection ordering is computed
 * once per block and reused for every frequency. A complex LU would take about half the flops of the
 * 2n form (4 real per complex multiply-add on half the front size, against 8 for doubled fronts) but
 * needs a second multifrontal kernel; the 2n form reuses the tested real one.
 */
public final class Regression {
    private final LiouvillianSpace space;
    private final DMatrixSparseCSC l;
    private final double[] rho;
    private final int anchor;
    private final List<int[]> blocks;
    private final String steadyHow;

    private Regression(LiouvillianSpace space, DMatrixSparseCSC l, double[] rho, String steadyHow) {
        this.space = space;
        this.l = l;
        this.rho = rho;
        this.anchor = space.traceAnchor();
        this.blocks = SymmetryBlocks.of(List.of(l));
        this.steadyHow = steadyHow;
    }

    /** Solves the steady state of the space's generator at its base values. */
    public static Regression of(LiouvillianSpace space) {
        DMatrixSparseCSC l = space.generator(space.values());
        SteadyState.Solution s = SteadyState.solve(space, l);
        return new Regression(space, l, s.x(), s.solver());
    }

    public LiouvillianSpace space() { return space; }

    /** The steady state's coordinates (trace 1). */
    public double[] steadyState() { return rho.clone(); }

    /** How the steady state was solved. */
    public String steadyMethod() { return steadyHow; }

    /** ⟨O⟩ in the steady state. */
    public Complex mean(OpSum o) { return StateOperator.trace(space.operator(o).traceFunctional(), rho, null); }

    /** A sampled correlation function: τ_j = j·dt and ⟨A(τ_j)B(0)⟩ (minus ⟨A⟩⟨B⟩ if connected); failure null or why it stopped. */
    public record Series(double[] tau, double[] re, double[] im, Complex meanA, Complex meanB, String failure) { }

    /**
     * ⟨A(τ)B(0)⟩ for τ = 0, dt, ..., tauEnd: the complex state Bρ (connected: Q(Bρ) = Bρ − ⟨B⟩ρ, so that
     * the result is ⟨A(τ)B(0)⟩ − ⟨A⟩⟨B⟩) is propagated as its two Hermitian parts by {@link LinearDormandPrince}.
     */
    public Series correlate(OpSum a, OpSum b, double tauEnd, double dt, boolean connected) {
        StateOperator opA = space.operator(a), opB = space.operator(b);
        double[][] fa = opA.traceFunctional();
        Complex meanA = StateOperator.trace(fa, rho, null), meanB = StateOperator.trace(opB.traceFunctional(), rho, null);
        double[][] y = opB.leftTimes(rho, null);
        if (connected) subtract(y, meanB);
        int n = l.numRows;
        double[] y0 = new double[2 * n];
        System.arraycopy(y[0], 0, y0, 0, n);
        System.arraycopy(y[1], 0, y0, n, n);
        List<double[]> rows = new ArrayList<>();
        // the two Hermitian parts evolve under the same L: one generator diag(L, L), by the linear driver
        Evolution.Outcome end = LinearDormandPrince.run(Schedule.constant(tauEnd), k -> SparseOps.blockDiagonal(l, 2), y0, dt,
                Evolution.Tolerances.DEFAULT, Evolution.Budget.moments(2L * l.nz_length), (t, s) -> {
            Complex c = StateOperator.trace(fa, Arrays.copyOfRange(s, 0, n), Arrays.copyOfRange(s, n, 2 * n));
            rows.add(new double[]{t, c.re(), c.im()});
        }, 2);
        double[] tau = new double[rows.size()], re = new double[rows.size()], im = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) { tau[i] = rows.get(i)[0]; re[i] = rows.get(i)[1]; im[i] = rows.get(i)[2]; }
        return new Series(tau, re, im, meanA, meanB, end.failure());
    }

    /** y ← y − m ρ for the complex state y = {u, v} and complex m. */
    private void subtract(double[][] y, Complex m) {
        for (int i = 0; i < rho.length; i++) {
            y[0][i] -= m.re() * rho[i];
            y[1][i] -= m.im() * rho[i];
        }
    }

    /** S(ω) at each frequency; {@code real} when A = B† (then im is 0 and S = −2 Re Tr[A z]). */
    public record Spectrum(double[] omega, double[] re, double[] im, boolean real, Complex meanA, Complex meanB, String method) { }

    /** The power spectrum S_AB(ω) at the given frequencies (see the class comment). */
    public Spectrum spectrum(OpSum a, OpSum b, double[] omega) { return spectrum(evaluator(a, b), omega); }

    /** The same with a prepared evaluator. */
    public Spectrum spectrum(Evaluator e, double[] omega) {
        double[] re = new double[omega.length], im = new double[omega.length];
        Stage stage = new Stage("power spectrum at " + omega.length + " frequencies");
        // a frequency the reduced basis does not serve is factored ahead of it by about the width that the last
        // factorization covered (a scan in order then factors about half as often as at the first miss)
        int lastFactor = -1, width = 0;
        for (int w = 0; w < omega.length; w++) {
            int aheadIdx = width > 0 ? Math.min(omega.length - 1, w + (int) (0.9 * width)) : -1;
            int before = e.factorizations();
            Complex c = e.at(omega[w], aheadIdx >= 0 ? omega[aheadIdx] : Double.NaN);
            int made = e.factorizations() - before;
            if (made > 0) {
                if (lastFactor >= 0) width = Math.max(1, w - lastFactor);
                lastFactor = made == 1 && aheadIdx >= 0 ? aheadIdx : w;   // where the factorization that serves w was made
            }
            re[w] = c.re();
            im[w] = c.im();
            stage.update((w + 1.0) / omega.length, "frequency " + (w + 1) + " of " + omega.length);
        }
        stage.done(omega.length + " frequencies");
        return new Spectrum(omega.clone(), re, im, e.real, e.meanA, e.meanB, e.method());
    }

    /** S_AB at single frequencies, the right-hand sides and block orderings prepared once. */
    public Evaluator evaluator(OpSum a, OpSum b) { return new Evaluator(a, b); }

    public final class Evaluator {
        final double[][] fa, fb, yb, ya, yac;
        final Complex meanA, meanB;
        final boolean real;
        final List<Solver> solvers = new ArrayList<>();

        Evaluator(OpSum a, OpSum b) {
            StateOperator opA = space.operator(a), opB = space.operator(b);
            fa = opA.traceFunctional();
            fb = opB.traceFunctional();
            meanA = StateOperator.trace(fa, rho, null);
            meanB = StateOperator.trace(fb, rho, null);
            real = sameOperator(opA, opB.adjoint());
            yb = opB.leftTimes(rho, null);    // Bρ
            subtract(yb, meanB);
            ya = real ? null : opA.rightTimes(rho, null); // ρA
            if (ya != null) subtract(ya, meanA);
            yac = ya == null ? null : new double[][]{ya[0], negate(ya[1])};
            // a block matters only where the right-hand side reaches and the read-out functional sees (L keeps blocks apart)
            for (int[] blk : blocks) {
                boolean first = touches(blk, yb) && touches(blk, fa);
                boolean second = ya != null && touches(blk, ya) && touches(blk, fb);
                if (first || second) solvers.add(new Solver(blk));
            }
        }

        /** Whether S is real (A = B†). */
        public boolean real() { return real; }

        /** S_AB(ω). */
        public Complex at(double omega) { return at(omega, Double.NaN); }

        /** Factorizations made so far. */
        int factorizations() {
            int f = 0;
            for (Solver s : solvers) f += s.reduced.factorizations();
            return f;
        }

        /** S_AB(ω), factoring at {@code ahead} first where the reduced basis does not serve ω (see {@link ReducedResolvent}). */
        Complex at(double omega, double ahead) {
            double sr = 0, si = 0;
            for (Solver s : solvers) {
                // (L − iω)^{-1} Q(Bρ), and (L − iω)^{-1} conj(Q(ρA)) whose conjugate is (L + iω)^{-1} Q(ρA)
                List<double[][]> zs = s.resolve(omega, real ? List.<double[][]>of(yb) : List.<double[][]>of(yb, yac), ahead);
                double[][] z = zs.get(0);
                Complex t1 = StateOperator.trace(fa, z[0], z[1]);
                if (real) { sr += -2 * t1.re(); continue; }
                double[][] zc = zs.get(1);
                Complex t2 = StateOperator.trace(fb, zc[0], negate(zc[1]));
                sr += -t1.re() - t2.re();
                si += -t1.im() - t2.im();
            }
            if (!Double.isFinite(sr) || !Double.isFinite(si))
                throw new NumericalException("the power spectrum is not finite at omega = " + omega + " (the solve of L - i omega failed)");
            return new Complex(sr, si);
        }

        String method() {
            int unknowns = 0, factored = 0, reduced = 0, basis = 0;
            for (Solver s : solvers) {
                unknowns += s.idx.length;
                factored += s.reduced.factorizations();
                reduced += s.reduced.reducedAnswers();
                basis += s.reduced.basisSize();
            }
            return "quantum regression on the " + space.description() + ": steady state by " + steadyHow
                    + "; (L - i omega)^-1 in the real 2n form on " + solvers.size() + " invariant block(s) ("
                    + unknowns + " of " + l.numRows + " unknowns): " + factored + " sparse LU factorizations (nested-dissection ordering computed once), "
                    + reduced + " block solves from a reduced basis of " + basis + " vectors (multipoint moment matching, each residual checked <= "
                    + ReducedResolvent.TOL + " relative)";
        }
    }

    private static double[] negate(double[] a) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) o[i] = -a[i];
        return o;
    }

    private static boolean touches(int[] blk, double[][] y) {
        for (int i : blk) if (y[0][i] != 0 || y[1][i] != 0) return true;
        return false;
    }

    /** Whether two operators have the same matrices (A = B† decides a real spectrum). */
    private boolean sameOperator(StateOperator x, StateOperator y) {
        double[][] fx = x.traceFunctional(), fy = y.traceFunctional();
        double scale = 0, diff = 0;
        for (int k = 0; k < 2; k++) for (int i = 0; i < fx[k].length; i++) {
            scale = Math.max(scale, Math.abs(fx[k][i]));
            diff = Math.max(diff, Math.abs(fx[k][i] - fy[k][i]));
        }
        return diff <= 1e-14 * Math.max(scale, 1e-300);
    }

    /** The real 2n form of (L − iω) on one invariant block, its ordering kept across frequencies. */
    private final class Solver {
        final int[] idx;
        final int anchorLocal;       // position of the trace anchor in the block, or −1
        final DMatrixSparseCSC m;    // [[L', ωE], [−ωE, L']] with ω entries at known positions
        final int[] omegaPos;        // positions in m.nz_values of +ω (first half) and −ω (second half)
        SparseLU.Ordering ordering;
        SparseLU lu;
        final ReducedResolvent reduced;

        Solver(int[] idx) {
            this.idx = idx;
            int nb = idx.length;
            anchorLocal = Arrays.binarySearch(idx, anchor);
            DMatrixSparseCSC lb = idx.length == l.numRows ? l : SymmetryBlocks.restrict(l, idx);
            double[] tr = space.traceFunctional();
            double scale = 0;
            for (int k = 0; k < lb.nz_length; k++) scale = Math.max(scale, Math.abs(lb.nz_values[k]));
            DMatrixSparseTriplet t = new DMatrixSparseTriplet(2 * nb, 2 * nb, 2 * lb.nz_length + 4 * nb);
            for (int c = 0; c < nb; c++) for (int k = lb.col_idx[c]; k < lb.col_idx[c + 1]; k++) {
                int r = lb.nz_rows[k];
                if (r == anchorLocal) continue;
                t.addItem(r, c, lb.nz_values[k]);
                t.addItem(nb + r, nb + c, lb.nz_values[k]);
            }
            if (anchorLocal >= 0) for (int c = 0; c < nb; c++) {
                double v = tr[idx[c]];
                if (v == 0) continue;
                t.addItem(anchorLocal, c, scale * v);
                t.addItem(nb + anchorLocal, nb + c, scale * v);
            }
            // ω placeholders (1 and −1 here, set per frequency); the anchor row has none
            for (int r = 0; r < nb; r++) {
                if (r == anchorLocal) continue;
                t.addItem(r, nb + r, 1);
                t.addItem(nb + r, r, -1);
            }
            m = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
            int count = 0;
            for (int c = 0; c < 2 * nb; c++) for (int k = m.col_idx[c]; k < m.col_idx[c + 1]; k++) {
                int r = m.nz_rows[k];
                if ((c >= nb && r == c - nb) || (c < nb && r == c + nb)) count++;
            }
            omegaPos = new int[count];
            count = 0;
            for (int c = 0; c < 2 * nb; c++) for (int k = m.col_idx[c]; k < m.col_idx[c + 1]; k++) {
                int r = m.nz_rows[k];
                if ((c >= nb && r == c - nb) || (c < nb && r == c + nb)) omegaPos[count++] = k;
            }
            DMatrixSparseCSC m0 = m.copy();
            for (int k : omegaPos) m0.nz_values[k] = 0;
            reduced = new ReducedResolvent(m0, this::applyP, w -> { factor(w); SparseLU f = lu; return f::solve; });
        }

        /** y = P x: the ω pattern of the 2n form (+1 at (r, nb + r), −1 at (nb + r, r), none on the anchor rows). */
        private void applyP(double[] x, double[] y) {
            int nb = idx.length;
            for (int r = 0; r < nb; r++) {
                if (r == anchorLocal) { y[r] = 0; y[nb + r] = 0; continue; }
                y[r] = x[nb + r];
                y[nb + r] = -x[r];
            }
        }

        /** z = (L − iω)^{-1}(u + iv) for each (u, v), scattered to full coordinates (see {@link ReducedResolvent}). */
        List<double[][]> resolve(double omega, List<double[][]> uv, double ahead) {
            int nb = idx.length;
            List<double[]> rhs = new ArrayList<>();
            for (double[][] y : uv) {
                double[] r = new double[2 * nb];
                for (int i = 0; i < nb; i++) { r[i] = y[0][idx[i]]; r[nb + i] = y[1][idx[i]]; }
                if (anchorLocal >= 0) { r[anchorLocal] = 0; r[nb + anchorLocal] = 0; }
                rhs.add(r);
            }
            List<double[][]> out = new ArrayList<>();
            for (double[] z : reduced.solve(omega, rhs, ahead)) {
                double[] zr = new double[l.numRows], zi = new double[l.numRows];
                for (int i = 0; i < nb; i++) { zr[idx[i]] = z[i]; zi[idx[i]] = z[nb + i]; }
                out.add(new double[][]{zr, zi});
            }
            return out;
        }

        void factor(double omega) {
            int nb = idx.length;
            for (int k : omegaPos) {
                // column c < nb, row c + nb holds −ω; column c ≥ nb, row c − nb holds +ω
                m.nz_values[k] = m.nz_rows[k] >= nb ? -omega : omega;
            }
            if (ordering == null) ordering = SparseLU.order(m);
            try {
                lu = SparseLU.factor(m, ordering);
            } catch (SparseLU.Singular e) {
                throw new ModelException("L - i omega is singular at omega = " + omega
                        + " (a purely imaginary Liouvillian eigenvalue, or a steady state that is not unique): " + e.getMessage());
            }
        }
    }
}
