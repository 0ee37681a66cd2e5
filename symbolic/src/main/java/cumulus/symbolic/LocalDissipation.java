package cumulus.symbolic;

import cumulus.api.Dissipator;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;
import cumulus.symbolic.ops.Letters;
import cumulus.symbolic.ops.MacroAlgebra;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjoint of a local dissipator, Σ_k D†[σ_k](O) = Σ_k (σ_k† O σ_k − ½{σ_k†σ_k, O}) (paper Eq. 18
 * with γ^{jk} = δ_jk γ, i.e. the diagonal j = k terms of S13), exactly at finite N for O a
 * polynomial in the collective letters m^a = S^a/S of one ensemble.
 *
 * <p>Single-spin operators are elements X = x_0 1 + Σ_a x_a σ^a of the Pauli algebra (4 coefficients
 * in Q(i)). For a word w = m^{a_1} ... m^{a_n} of collective letters,
 * Σ_k A_k w B_k = Σ_k (AB)_k w + Σ_i Σ_k A_k (m^{a_1}..m^{a_{i-1}}) C^{(i)}_k (m^{a_{i+1}}..m^{a_n}),
 * C^{(i)} = [m^{a_i}, B_k] = (1/N)[σ^{a_i}, B]_k, recursively (the prefix shortens), ending in
 * Σ_k X_k = N x_0 + N Σ_a x_a m^a. Only single-spin sums remain, so no sums over distinct indices
 * (S14–S15) are needed for collective observables: D† maps the collective algebra to itself.
 */
final class LocalDissipation {
    private final MacroAlgebra<Poly> alg;
    private final Letters letters;
    private final Poly n = Poly.atom("N");
    private final Poly invN = Poly.atom("N", -2);
    private final Map<String, OpPoly<Poly>> cache = new HashMap<>();

    LocalDissipation(MacroAlgebra<Poly> alg, Letters letters) { this.alg = alg; this.letters = letters; }

    static final QI[] IDENTITY = {QI.ONE, QI.ZERO, QI.ZERO, QI.ZERO};

    /** The jump σ^-, σ^+ or σ^z as Pauli coefficients (1, x, y, z). */
    static QI[] jump(Dissipator.LocalProcess p) {
        return switch (p) {
            case EMISSION -> new QI[]{QI.ZERO, QI.HALF, QI.HALF.times(QI.I).negate(), QI.ZERO};   // (σ^x − iσ^y)/2
            case PUMPING -> new QI[]{QI.ZERO, QI.HALF, QI.HALF.times(QI.I), QI.ZERO};             // (σ^x + iσ^y)/2
            case DEPHASING -> new QI[]{QI.ZERO, QI.ZERO, QI.ZERO, QI.ONE};
        };
    }

    static QI[] dagger(QI[] x) { return new QI[]{x[0].conj(), x[1].conj(), x[2].conj(), x[3].conj()}; }

    /** (a_0 + a·σ)(b_0 + b·σ) = a_0 b_0 + a·b + (a_0 b + b_0 a + i a×b)·σ. */
    static QI[] mul(QI[] a, QI[] b) {
        QI[] r = new QI[4];
        r[0] = a[0].times(b[0]).plus(a[1].times(b[1])).plus(a[2].times(b[2])).plus(a[3].times(b[3]));
        for (int c = 1; c <= 3; c++) {
            int d = c % 3 + 1, e = d % 3 + 1; // (c, d, e) cyclic
            QI cross = a[d].times(b[e]).minus(a[e].times(b[d]));
            r[c] = a[0].times(b[c]).plus(b[0].times(a[c])).plus(QI.I.times(cross));
        }
        return r;
    }

    /** [σ^a, B] for a = 1, 2, 3 (x, y, z): 2i ε_{abc} b_b σ^c. */
    static QI[] commSigma(int a, QI[] b) {
        QI[] s = {QI.ZERO, QI.ZERO, QI.ZERO, QI.ZERO};
        s[a] = QI.ONE;
        QI[] ab = mul(s, b), ba = mul(b, s);
        return new QI[]{ab[0].minus(ba[0]), ab[1].minus(ba[1]), ab[2].minus(ba[2]), ab[3].minus(ba[3])};
    }

    static boolean isZero(QI[] x) { return x[0].isZero() && x[1].isZero() && x[2].isZero() && x[3].isZero(); }

    /** Σ_k X_k = N x_0 + N Σ_a x_a m_e^a. */
    private OpPoly<Poly> collective(int ensemble, QI[] x) {
        OpPoly<Poly> r = alg.constant(n.times(Poly.constant(x[0])));
        for (int a = 1; a <= 3; a++) if (!x[a].isZero())
            r = r.plus(alg.letter(letters.spin(ensemble, a - 1)).scale(n.times(Poly.constant(x[a]))));
        return r;
    }

    /** Σ_k A_k (w_0 ... w_{len-1}) B_k for letters w (of any ensemble; only ensemble e's spins act on site k). */
    private OpPoly<Poly> sandwich(int ensemble, QI[] a, List<Integer> w, QI[] b) {
        if (isZero(a) || isZero(b)) return alg.zero();
        String key = ensemble + "|" + java.util.Arrays.toString(a) + "|" + w + "|" + java.util.Arrays.toString(b);
        OpPoly<Poly> cached = cache.get(key);
        if (cached != null) return cached;
        OpPoly<Poly> r = collective(ensemble, mul(a, b)).times(alg.orderedProduct(w));
        for (int i = 0; i < w.size(); i++) {
            int l = w.get(i);
            if (!letters.isSpin(l) || l / 3 != ensemble - 1) continue; // other ensembles and the boson commute with σ_k
            QI[] c = commSigma(l % 3 + 1, b);
            if (isZero(c)) continue;
            OpPoly<Poly> inner = sandwich(ensemble, a, w.subList(0, i), c).scale(invN);
            r = r.plus(inner.times(alg.orderedProduct(w.subList(i + 1, w.size()))));
        }
        cache.put(key, r);
        return r;
    }

    /** σ^x, σ^y, σ^z (a = 0, 1, 2) as Pauli coefficients. */
    static QI[] pauli(int a) {
        QI[] s = {QI.ZERO, QI.ZERO, QI.ZERO, QI.ZERO};
        s[a + 1] = QI.ONE;
        return s;
    }

    /**
     * The adjoint of the local γ-matrix channel Σ_k Σ_ab γ_ab (σ_k^a ρ σ_k^b − ½{σ_k^b σ_k^a, ρ}) (Eq. 18, j = k
     * terms; S13): Σ_k Σ_ab γ_ab (σ_k^b O σ_k^a − ½{σ_k^b σ_k^a, O}).
     */
    OpPoly<Poly> adjoint(int ensemble, Poly[][] gamma, OpPoly<Poly> o) {
        OpPoly<Poly> r = alg.zero();
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) {
            if (gamma[a][b].isZero()) continue;
            QI[] sa = pauli(a), sb = pauli(b);
            OpPoly<Poly> part = collective(ensemble, mul(sb, sa)).anticommutator(o).scale(Poly.constant(QI.HALF).negate());
            for (Map.Entry<OpMono, Poly> t : o.terms().entrySet())
                part = part.plus(sandwich(ensemble, sb, t.getKey().letters(), sa).scale(t.getValue()));
            r = r.plus(part.scale(gamma[a][b]));
        }
        return r;
    }

    /** Σ_k (σ_k† O σ_k − ½{σ_k†σ_k, O}) for the local jump σ (Pauli coefficients) on ensemble e. */
    OpPoly<Poly> adjoint(int ensemble, QI[] jump, OpPoly<Poly> o) {
        QI[] dag = dagger(jump);
        OpPoly<Poly> ldl = collective(ensemble, mul(dag, jump));
        OpPoly<Poly> r = ldl.anticommutator(o).scale(Poly.constant(QI.HALF).negate());
        for (Map.Entry<OpMono, Poly> t : o.terms().entrySet())
            r = r.plus(sandwich(ensemble, dag, t.getKey().letters(), jump).scale(t.getValue()));
        return r;
    }
}
