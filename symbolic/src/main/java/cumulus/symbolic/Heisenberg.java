package cumulus.symbolic;

import cumulus.api.Dissipator;
import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.symbolic.algebra.ExprConverter;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;
import cumulus.symbolic.ops.Letters;
import cumulus.symbolic.ops.MacroAlgebra;
import cumulus.symbolic.ops.OpPoly;

import java.util.ArrayList;
import java.util.List;

/**
 * The adjoint Lindbladian (Heisenberg picture, Eq. S1) of a model, exact at finite N, on the
 * macroscopic letters m_i^a = S_i^a/S, x, p of Eq. (5): for any operator O,
 * d⟨O⟩/dt = ⟨ i[H, O] + Σ_L rate (L† O L − ½{L†L, O}) + Σ_i (1/S) Σ_ab Γ_ab (S^b O S^a − ½{S^b S^a, O})
 * + Σ_local rate Σ_k (σ_k† O σ_k − ½{σ_k†σ_k, O}) ⟩; the local sums over single spins k map
 * polynomials in the collective letters to such polynomials exactly ({@link LocalDissipation}).
 * The model's operators are rewritten with S_i^a = (N/2) m_i^a, a_k = (sqrt(2Nω_k) x_k + i sqrt(2N/ω_k) p_k)/2 per mode.
 */
public final class Heisenberg {
    private record JumpChannel(Poly rate, OpPoly<Poly> l, OpPoly<Poly> ldag, OpPoly<Poly> ldagl) { }
    /** A Γ channel: row/column k acts on S^{k % 3} of ensemble {@code ensembles[k]} (Γ across ensembles, Eq. 4 generalised). */
    private record GammaChannel(int[] ensembles, Poly[][] gamma) {
        int ensemble() { return ensembles[0]; }
    }
    private record LocalChannel(int ensemble, Poly rate, QI[] jump) { }
    private final List<LocalChannel> locals = new ArrayList<>();
    private final List<GammaChannel> localGammas = new ArrayList<>();
    private LocalDissipation localAlgebra;

    public final Model model;
    public final Letters letters;
    public final MacroAlgebra<Poly> algebra;
    private final OpPoly<Poly> hamiltonian;
    private final List<JumpChannel> jumps = new ArrayList<>();
    private final List<GammaChannel> gammas = new ArrayList<>();
    private final Poly halfN = Poly.atom("N").scale(QI.HALF);

    public Heisenberg(Model model) {
        this.model = model;
        this.letters = new Letters(model.ensembles(), model.bosons().size());
        this.algebra = new MacroAlgebra<>(letters, Poly.RING);
        this.hamiltonian = convert(model.hamiltonian());
        for (Dissipator d : model.dissipators()) {
            if (d instanceof Dissipator.Jump j) {
                OpPoly<Poly> l = convert(j.operator()), ld = l.adjoint();
                jumps.add(new JumpChannel(ExprConverter.toPoly(j.rate()), l, ld, ld.times(l)));
            } else if (d instanceof Dissipator.GammaMatrix g) {
                int n = g.size();
                Poly[][] m = new Poly[n][n];
                for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) m[a][b] = ExprConverter.toPoly(g.get(a, b));
                int[] ens = new int[n];
                for (int k = 0; k < n; k++) ens[k] = g.ensembleOf(k);
                gammas.add(new GammaChannel(ens, m));
            } else if (d instanceof Dissipator.Local l) {
                locals.add(new LocalChannel(l.ensemble(), ExprConverter.toPoly(l.rate()), LocalDissipation.jump(l.process())));
            } else if (d instanceof Dissipator.LocalGamma g) {
                Poly[][] m = new Poly[3][3];
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) m[a][b] = ExprConverter.toPoly(g.get(a, b));
                localGammas.add(new GammaChannel(new int[]{g.ensemble(), g.ensemble(), g.ensemble()}, m));
            }
        }
    }

    public OpPoly<Poly> hamiltonian() { return hamiltonian; }

    /** An api operator sum in the macroscopic letters. */
    public OpPoly<Poly> convert(OpSum s) {
        OpPoly<Poly> r = algebra.zero();
        for (OpSum.Term t : s.terms()) {
            OpPoly<Poly> p = algebra.constant(ExprConverter.toPoly(t.coefficient()));
            for (Op op : t.factors()) p = p.times(convert(op));
            r = r.plus(p);
        }
        return r;
    }

    public OpPoly<Poly> convert(Op op) {
        if (op instanceof Op.Spin s) {
            OpPoly<Poly> mx = algebra.letter(letters.spin(s.ensemble(), 0)), my = algebra.letter(letters.spin(s.ensemble(), 1));
            OpPoly<Poly> r = switch (s.component()) {
                case X -> mx;
                case Y -> my;
                case Z -> algebra.letter(letters.spin(s.ensemble(), 2));
                case PLUS -> mx.plus(my.scale(Poly.constant(QI.I)));
                case MINUS -> mx.minus(my.scale(Poly.constant(QI.I)));
            };
            return r.scale(halfN);
        }
        Op.Boson b = (Op.Boson) op;
        Expr w = model.boson(b.mode()).frequency();
        Poly cx = ExprConverter.toPoly(Expr.sqrt(Expr.num(2).times(Expr.N).times(w))).scale(QI.HALF);
        Poly cp = ExprConverter.toPoly(Expr.sqrt(Expr.num(2).times(Expr.N).div(w))).scale(b.dagger() ? QI.of(-1, 2).times(QI.I) : QI.HALF.times(QI.I));
        return algebra.letter(letters.x(b.mode())).scale(cx).plus(algebra.letter(letters.p(b.mode())).scale(cp));
    }

    /** L†(O): the exact Heisenberg-picture generator applied to O. */
    public OpPoly<Poly> adjointGenerator(OpPoly<Poly> o) {
        OpPoly<Poly> r = hamiltonian.commutator(o).scale(Poly.constant(QI.I));
        for (JumpChannel j : jumps) {
            OpPoly<Poly> t = j.ldag.times(o).times(j.l).minus(j.ldagl.anticommutator(o).scale(Poly.constant(QI.HALF)));
            r = r.plus(t.scale(j.rate));
        }
        for (GammaChannel g : gammas) {
            OpPoly<Poly> t = algebra.zero();
            for (int a = 0; a < g.gamma.length; a++) for (int b = 0; b < g.gamma.length; b++) {
                if (g.gamma[a][b].isZero()) continue;
                OpPoly<Poly> sa = algebra.letter(letters.spin(g.ensembles[a], a % 3)), sb = algebra.letter(letters.spin(g.ensembles[b], b % 3));
                OpPoly<Poly> term = sb.times(o).times(sa).minus(sb.times(sa).anticommutator(o).scale(Poly.constant(QI.HALF)));
                t = t.plus(term.scale(g.gamma[a][b]));
            }
            // (1/S) Σ Γ_ab (S^b O S^a − ½{S^b S^a, O}) with S^a = (N/2) m^a: prefactor (2/N)(N/2)^2 = N/2
            r = r.plus(t.scale(halfN));
        }
        if (!locals.isEmpty() || !localGammas.isEmpty()) {
            if (localAlgebra == null) localAlgebra = new LocalDissipation(algebra, letters);
            for (LocalChannel c : locals) r = r.plus(localAlgebra.adjoint(c.ensemble, c.jump, o).scale(c.rate));
            for (GammaChannel g : localGammas) r = r.plus(localAlgebra.adjoint(g.ensemble(), g.gamma, o));
        }
        return r;
    }
}
