package cumulus.symbolic;

import cumulus.api.MeanFieldVerdict;
import cumulus.api.Model;
import cumulus.symbolic.algebra.Growth;
import cumulus.symbolic.algebra.NSeries;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.OpMono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The paper's proof of mean-field exactness, checked symbolically: with the exact (unclosed)
 * cumulant equations at finite N and the scaling of an uncorrelated initial state (S10:
 * K2 = O(1/N), K3 = O(1/N²), generally K_n = O(N^(1−n))), mean field is exact as N → ∞ when
 * (a) every first-order rate is N-independent in the macroscopic variables (no term of dm/dt,
 * dx/dt, dp/dt grows with N) and (b) every dK2/dt vanishes as N → ∞ (no term of order N^0 or
 * higher), so correlations are not generated. Each coefficient's order comes from its expansion
 * in 1/N ({@link Asymptotics}), so finite-size forms such as kappa/(S+1) or sqrt(N(N+1))/S count
 * with their true order.
 *
 * <p>Three answers. NOT_EXACT when a term breaks (a) or (b) with a leading coefficient that is
 * nonzero wherever its parameters are (a product such as omega_xx·kappa: it vanishes only when
 * that coupling is switched off). UNDECIDED, naming the term, when no term does that but some
 * term's order is not known: a coefficient that is not expanded (a symbolic power N^a, exp or
 * sin of a growing argument, ...), a leading coefficient that is a sum such as a − b (the order
 * then depends on whether a = b: a parameter-dependent cancellation), or an expansion that
 * divided by such a sum (1/((a − b)N + 1)). EXACT otherwise; never when an order is unknown.
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
        Predicate<String> isUnknown = name -> eng.multiset(name) != null;
        int n = h.letters.count;
        Check first = new Check(0, "a first-order rate grows with N (a coupling lacks its 1/S or 1/sqrt(N) scaling)");
        for (int l = 0; l < n; l++) {
            OpMono u = OpMono.letter(n, l);
            first.add(eng.name(u), Asymptotics.terms(eng.cumulantRhs(u), isUnknown), letters);
        }
        Check second = new Check(-1, "with K2 = O(1/N), K3 = O(1/N^2) it does not vanish as N -> infinity, so correlations are generated");
        int pairs = 0;
        for (int a = 0; a < n; a++) for (int b = a; b < n; b++) {
            int[] e = new int[n];
            e[a]++; e[b]++;
            OpMono u = new OpMono(e);
            pairs++;
            second.add(eng.name(u), Asymptotics.terms(eng.cumulantRhs(u), isUnknown), letters);
        }
        List<String> reasons = new ArrayList<>();
        reasons.addAll(first.broken);
        reasons.addAll(second.broken);
        reasons.addAll(first.undecided);
        reasons.addAll(second.undecided);
        MeanFieldVerdict.Answer answer = !first.broken.isEmpty() || !second.broken.isEmpty() ? MeanFieldVerdict.Answer.NOT_EXACT
                : !first.undecided.isEmpty() || !second.undecided.isEmpty() ? MeanFieldVerdict.Answer.UNDECIDED : MeanFieldVerdict.Answer.EXACT;
        if (answer != MeanFieldVerdict.Answer.NOT_EXACT) {
            String other = answer == MeanFieldVerdict.Answer.EXACT ? "" : " (of the terms whose order is known)";
            reasons.add("every first-order rate is N-independent" + other + ": leading order of dm/dt (and dx/dt, dp/dt) is " + Asymptotics.orderText(first.worst));
            reasons.add("every dK2/dt vanishes as N -> infinity" + other + ": leading order over the " + pairs + " second cumulants is "
                    + Asymptotics.orderText(second.worst) + " (with K2 = O(1/N), K3 = O(1/N^2))");
        }
        return new MeanFieldVerdict(answer, reasons);
    }

    /** Terms of one family of equations against the largest order (halves) they may have. */
    private static final class Check {
        final int allowed;
        final String why;
        final List<String> broken = new ArrayList<>(), undecided = new ArrayList<>();
        int worst = Integer.MIN_VALUE;

        Check(int allowed, String why) { this.allowed = allowed; this.why = why; }

        void add(String unknown, List<Asymptotics.Term> terms, ToIntFunction<String> letters) {
            for (Asymptotics.Term t : terms) {
                Growth g = t.growth();
                int w = Asymptotics.cumulantHalves(t.unknowns(), letters);
                String head = "d/dt " + unknown + ": term " + t.exact();
                switch (g.kind()) {
                    case ZERO -> { }
                    case LEADING -> {
                        int order = g.halves() + w;
                        String leading = t.expanded() ? " (leading term " + t.leadingTerm() + ")" : "";
                        String assumed = g.assumed().isEmpty() ? "" : ", assuming " + nonzero(g);
                        if (order > allowed) {
                            if (g.definite()) broken.add(head + " is O(" + Asymptotics.orderText(order) + ")" + leading + ": " + why);
                            else undecided.add(head + " is O(" + Asymptotics.orderText(order) + ")" + leading
                                    + (g.leading().isDefinite() ? "" : " unless " + t.vanishing()) + assumed
                                    + ": whether it breaks the mean-field scaling depends on the parameters (a parameter-dependent cancellation)");
                        } else {
                            worst = Math.max(worst, order);
                            if (!g.assumed().isEmpty())
                                undecided.add(head + " is O(" + Asymptotics.orderText(order) + ")" + leading + " only for " + nonzero(g)
                                        + ": where that vanishes its order in N is higher (a parameter-dependent cancellation in a denominator)");
                        }
                    }
                    case BOUND -> {
                        if (g.halves() + w > allowed)
                            undecided.add(head + ": its expansion in 1/N cancels to every computed order, down to O("
                                    + NSeries.powerText(g.halves() + w) + "), so its order is not known");
                    }
                    case UNKNOWN -> undecided.add(head + ": its order in N is not known: " + g.reason());
                }
            }
        }

        private static String nonzero(Growth g) {
            return g.assumed().stream().map(p -> p + " != 0").collect(Collectors.joining(" and "));
        }
    }
}
