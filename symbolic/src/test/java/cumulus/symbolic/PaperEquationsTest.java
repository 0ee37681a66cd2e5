package cumulus.symbolic;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.models.Btc;
import cumulus.symbolic.algebra.ExprConverter;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;
import cumulus.symbolic.ops.OpMono;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The derived equations against SPEC.md's mean-field check value and the paper's supplement:
 * (S3) with SPEC.md's typo list corrected, term by term (exact difference 0), and (S7), where the
 * printed ω_α^(j) term K(p, m_j^τ) differs from the derivation's K(x, m_j^τ).
 */
class PaperEquationsTest {

    static Poly p(String expr) { return ExprConverter.toPoly(Expr.parse(expr)); }
    static Poly a(String name) { return Poly.atom(name); }
    static Poly c(long n, long d) { return Poly.constant(QI.of(n, d)); }
    static final String XYZ = "xyz";

    static int eps(int a, int b, int c) {
        if (a == b || b == c || a == c) return 0;
        return ((a - b) * (b - c) * (c - a)) / 2 > 0 ? 1 : -1; // ε_xyz = +1
    }

    static Poly m(int j, int a) { return a("m" + j + XYZ.charAt(a)); }

    @Test void btcMeanFieldEquationsEqualTheSpecCheckValueExactly() {
        EquationSystem s = Derivation.derive(new Btc().model(), 1).thermodynamicLimit();
        assertEquals(List.of("m1x", "m1y", "m1z"), s.unknowns());
        assertEquals(Poly.ZERO, s.rhsPoly("m1x").minus(p("kappa*m1x*m1z")));
        assertEquals(Poly.ZERO, s.rhsPoly("m1y").minus(p("-omega_x*m1z + kappa*m1y*m1z")));
        assertEquals(Poly.ZERO, s.rhsPoly("m1z").minus(p("omega_x*m1y - kappa*(m1x^2 + m1y^2)")));
    }

    @Test void btcMeanFieldAtFiniteNKeepsTheExactOneOverNTerms() {
        // order-1 closure of the exact Heisenberg equation: the 1/N terms come from S^+S^- ordering
        EquationSystem s = Derivation.derive(new Btc().model(), 1);
        assertEquals(Poly.ZERO, s.rhsPoly("m1x").minus(p("kappa*m1x*m1z - kappa*m1x/N")));
        assertEquals(Poly.ZERO, s.rhsPoly("m1z").minus(p("omega_x*m1y - kappa*(m1x^2 + m1y^2) - 2*kappa*m1z/N")));
    }

    /** (S3) with g_α (not g_β) and κ_b/2 (not k/2), for ensemble j and component γ. */
    static Poly s3Spin(int mEns, int j, int gam) {
        Poly sq = p("sqrt(2*omega_b)");
        Poly r = Poly.ZERO;
        for (int al = 0; al < 3; al++) for (int tau = 0; tau < 3; tau++) {
            int e = eps(al, gam, tau);
            if (e == 0) continue;
            Poly t = a("w" + j + XYZ.charAt(al)).times(m(j, tau)).plus(a("g" + XYZ.charAt(al)).times(sq).times(a("x")).times(m(j, tau)));
            r = r.minus(t.scale(QI.of(e)));
        }
        for (int i = 1; i <= mEns; i++) for (int al = 0; al < 3; al++) for (int be = 0; be < 3; be++) for (int tau = 0; tau < 3; tau++) {
            int e1 = eps(be, gam, tau), e2 = eps(al, gam, tau);
            if (e1 != 0) r = r.minus(a("W" + i + j + XYZ.charAt(al) + XYZ.charAt(be)).times(m(i, al)).times(m(j, tau)).scale(QI.of(e1)));
            if (e2 != 0) r = r.minus(a("W" + j + i + XYZ.charAt(al) + XYZ.charAt(be)).times(m(j, tau)).times(m(i, be)).scale(QI.of(e2)));
        }
        for (int al = 0; al < 3; al++) for (int be = 0; be < 3; be++) for (int tau = 0; tau < 3; tau++) {
            Poly g = ExprConverter.toPoly(GeneralModel.gamma(j, al, be)).scale(QI.I.times(QI.HALF));
            Poly t = m(j, tau).times(m(j, al)).scale(QI.of(eps(be, gam, tau))).plus(m(j, be).times(m(j, tau)).scale(QI.of(eps(gam, al, tau))));
            r = r.plus(g.times(t));
        }
        return r;
    }

    @Test void generalModelMeanFieldEqualsS3TermByTermWithTyposCorrected() {
        int mEns = 2;
        Model model = GeneralModel.build(mEns);
        EquationSystem s = Derivation.derive(model, 1).thermodynamicLimit();
        assertEquals(3 * mEns + 2, s.size());
        Poly sq = p("sqrt(2*omega_b)");
        assertEquals(Poly.ZERO, s.rhsPoly("x").minus(p("p - kappa_b/2*x")), "dx/dt (S3, kappa_b/2 for k/2)");
        Poly dp = p("-omega_b^2*x - kappa_b/2*p");
        for (int i = 1; i <= mEns; i++) for (int al = 0; al < 3; al++)
            dp = dp.minus(a("g" + XYZ.charAt(al)).times(sq).times(m(i, al)).scale(QI.HALF));
        assertEquals(Poly.ZERO, s.rhsPoly("p").minus(dp), "dp/dt (S3, g_alpha inside the sum over alpha)");
        for (int j = 1; j <= mEns; j++) for (int gam = 0; gam < 3; gam++) {
            Poly diff = s.rhsPoly("m" + j + XYZ.charAt(gam)).minus(s3Spin(mEns, j, gam));
            assertEquals(Poly.ZERO, diff, "dm" + j + XYZ.charAt(gam) + "/dt differs from (S3) by " + diff);
        }
        // S3 as printed (g_beta inside Σ_α, read as one fixed coupling g_y) differs from the derivation
        Poly printed = p("-omega_b^2*x - kappa_b/2*p");
        for (int i = 1; i <= mEns; i++) for (int al = 0; al < 3; al++)
            printed = printed.minus(a("gy").times(sq).times(m(i, al)).scale(QI.HALF));
        assertFalse(s.rhsPoly("p").minus(printed).isZero());
    }

    /** (S7) for dK(x, m_j^γ)/dt in ordered cumulants of Eq. (6); {@code printed} keeps the paper's K(p m_j^τ). */
    static Poly s7(CumulantEngine eng, int mEns, int j, int gam, boolean printed) {
        var L = eng.letters;
        int x = L.x(), pp = L.p();
        java.util.function.Function<List<Integer>, Poly> K = eng::orderedCumulant;
        java.util.function.BiFunction<Integer, Integer, Integer> ml = (e, comp) -> L.spin(e, comp);
        Poly sq = p("sqrt(2*omega_b)");
        int mg = ml.apply(j, gam);
        Poly r = K.apply(List.of(pp, mg)).minus(K.apply(List.of(x, mg)).times(p("kappa_b/2")));
        for (int al = 0; al < 3; al++) for (int tau = 0; tau < 3; tau++) {
            int e = eps(al, gam, tau);
            if (e == 0) continue;
            int mt = ml.apply(j, tau);
            r = r.minus(a("w" + j + XYZ.charAt(al)).times(K.apply(List.of(printed ? pp : x, mt))).scale(QI.of(e)));
            // g term: K(x,x,m^τ) + K(x,x)K(m^τ) + K(x,m^τ)K(x)
            Poly g = K.apply(List.of(x, x, mt)).plus(K.apply(List.of(x, x)).times(K.apply(List.of(mt)))).plus(K.apply(List.of(x, mt)).times(K.apply(List.of(x))));
            r = r.minus(a("g" + XYZ.charAt(al)).times(sq).times(g).scale(QI.of(e)));
        }
        for (int i = 1; i <= mEns; i++) for (int al = 0; al < 3; al++) for (int be = 0; be < 3; be++) for (int tau = 0; tau < 3; tau++) {
            int e1 = eps(be, gam, tau), e2 = eps(al, gam, tau);
            int mia = ml.apply(i, al), mjt = ml.apply(j, tau), mib = ml.apply(i, be);
            if (e1 != 0) {
                Poly t = K.apply(List.of(x, mia, mjt)).plus(K.apply(List.of(x, mia)).times(K.apply(List.of(mjt)))).plus(K.apply(List.of(x, mjt)).times(K.apply(List.of(mia))));
                r = r.minus(a("W" + i + j + XYZ.charAt(al) + XYZ.charAt(be)).times(t).scale(QI.of(e1)));
            }
            if (e2 != 0) {
                Poly t = K.apply(List.of(x, mjt, mib)).plus(K.apply(List.of(x, mjt)).times(K.apply(List.of(mib)))).plus(K.apply(List.of(x, mib)).times(K.apply(List.of(mjt))));
                r = r.minus(a("W" + j + i + XYZ.charAt(al) + XYZ.charAt(be)).times(t).scale(QI.of(e2)));
            }
        }
        for (int al = 0; al < 3; al++) for (int be = 0; be < 3; be++) for (int tau = 0; tau < 3; tau++) {
            Poly g = ExprConverter.toPoly(GeneralModel.gamma(j, al, be)).scale(QI.I.times(QI.HALF));
            int mt = ml.apply(j, tau), ma = ml.apply(j, al), mb = ml.apply(j, be);
            Poly t1 = K.apply(List.of(x, mt, ma)).plus(K.apply(List.of(x, mt)).times(K.apply(List.of(ma)))).plus(K.apply(List.of(x, ma)).times(K.apply(List.of(mt))));
            Poly t2 = K.apply(List.of(x, mb, mt)).plus(K.apply(List.of(x, mb)).times(K.apply(List.of(mt)))).plus(K.apply(List.of(x, mt)).times(K.apply(List.of(mb))));
            r = r.plus(g.times(t1.scale(QI.of(eps(be, gam, tau))).plus(t2.scale(QI.of(eps(gam, al, tau))))));
        }
        return r;
    }

    @Test void s7AsCorrectedIsExactAtFiniteNButThePrintedOmegaTermDiffers() {
        int mEns = 2;
        Model model = GeneralModel.build(mEns);
        CumulantEngine eng = new CumulantEngine(new Heisenberg(model), CumulantEngine.UNBOUNDED);
        int n = eng.letters.count;
        for (int j = 1; j <= mEns; j++) for (int gam = 0; gam < 3; gam++) {
            Poly derived = eng.cumulantRhs(OpMono.ofLetters(n, List.of(eng.letters.x(), eng.letters.spin(j, gam))));
            Poly corrected = s7(eng, mEns, j, gam, false);
            assertEquals(Poly.ZERO, derived.minus(corrected), "dK(x,m" + j + XYZ.charAt(gam) + ")/dt vs corrected (S7)");
            Poly printedDiff = derived.minus(s7(eng, mEns, j, gam, true));
            // the printed (S7) has -Σ ε ω_α K(p, m^τ) where the derivation has -Σ ε ω_α K(x, m^τ)
            Poly expectedDiff = Poly.ZERO;
            for (int al = 0; al < 3; al++) for (int tau = 0; tau < 3; tau++) {
                int e = eps(al, gam, tau);
                if (e == 0) continue;
                Poly kx = eng.orderedCumulant(List.of(eng.letters.x(), eng.letters.spin(j, tau)));
                Poly kp = eng.orderedCumulant(List.of(eng.letters.p(), eng.letters.spin(j, tau)));
                expectedDiff = expectedDiff.minus(a("w" + j + XYZ.charAt(al)).times(kx.minus(kp)).scale(QI.of(e)));
            }
            assertFalse(printedDiff.isZero());
            assertEquals(expectedDiff, printedDiff, "the printed (S7) differs exactly in the omega_alpha^(j) term");
            assertTrue(printedDiff.atomNames().stream().anyMatch(s -> s.startsWith("K(") && s.contains(",p")));
        }
    }
}
