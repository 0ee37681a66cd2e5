package cumulus.symbolic;

import cumulus.api.Model;
import cumulus.symbolic.algebra.Mono;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.algebra.QI;
import cumulus.symbolic.ops.OpMono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The paper's proof of mean-field exactness, checked symbolically: with the exact (unclosed)
 * cumulant equations at finite N and the scaling of an uncorrelated initial state (S10:
 * K2 = O(1/N), K3 = O(1/N²), generally K_n = O(N^(1−n))), mean field is exact as N → ∞ when
 * (a) every first-order rate is N-independent in the macroscopic variables (no term of dm/dt,
 * dx/dt, dp/dt grows with N) and (b) every dK2/dt vanishes as N → ∞ (no term of order N^0 or
 * higher), so correlations are not generated. Reasons name each offending term with its order.
 */
public final class MeanFieldVerifier {
    private MeanFieldVerifier() { }

    public static MeanFieldVerdict verify(Model model) {
        Heisenberg h = new Heisenberg(model);
        CumulantEngine eng = new CumulantEngine(h, CumulantEngine.UNBOUNDED);
        ToIntFunction<String> letters = name -> {
            OpMono m = eng.multiset(name);
            return m == null ? 0 : m.degree();
        };
        List<String> reasons = new ArrayList<>();
        boolean ok = true;
        int n = h.letters.count;
        int worstFirst = Integer.MIN_VALUE;
        for (int l = 0; l < n; l++) {
            OpMono u = OpMono.letter(n, l);
            Poly r = eng.cumulantRhs(u);
            for (Map.Entry<Mono, QI> t : r.sortedTerms()) {
                int w = Asymptotics.orderHalves(t.getKey(), letters);
                worstFirst = Math.max(worstFirst, w);
                if (w > 0) {
                    ok = false;
                    reasons.add("d/dt " + eng.name(u) + ": term " + Poly.term(t.getValue(), t.getKey()) + " is O(" + Asymptotics.orderText(w)
                            + "): a first-order rate grows with N (a coupling lacks its 1/S or 1/sqrt(N) scaling)");
                }
            }
        }
        int worstSecond = Integer.MIN_VALUE;
        int pairs = 0;
        for (int a = 0; a < n; a++) for (int b = a; b < n; b++) {
            int[] e = new int[n];
            e[a]++; e[b]++;
            OpMono u = new OpMono(e);
            pairs++;
            Poly r = eng.cumulantRhs(u);
            for (Map.Entry<Mono, QI> t : r.sortedTerms()) {
                int w = Asymptotics.orderHalves(t.getKey(), letters);
                worstSecond = Math.max(worstSecond, w);
                if (w >= 0) {
                    ok = false;
                    reasons.add("d/dt " + eng.name(u) + ": term " + Poly.term(t.getValue(), t.getKey()) + " is O(" + Asymptotics.orderText(w)
                            + ") with K2 = O(1/N), K3 = O(1/N^2): it does not vanish as N -> infinity, so correlations are generated");
                }
            }
        }
        if (ok) {
            reasons.add("every first-order rate is N-independent: leading order of dm/dt (and dx/dt, dp/dt) is " + Asymptotics.orderText(worstFirst));
            reasons.add("every dK2/dt vanishes as N -> infinity: leading order over the " + pairs + " second cumulants is " + Asymptotics.orderText(worstSecond)
                    + " (with K2 = O(1/N), K3 = O(1/N^2))");
        }
        return new MeanFieldVerdict(ok, reasons);
    }
}
