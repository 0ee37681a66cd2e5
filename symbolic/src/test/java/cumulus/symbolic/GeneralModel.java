package cumulus.symbolic;

import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.OpSum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The general model of Eq. (2)–(4) with every coupling symbolic, declared with the api builder:
 * ω_a^(i) = "w{i}{a}", ω_ab^(ij) = "W{i}{j}{a}{b}", g_a = "g{a}", ω_b = "omega_b", κ_b = "kappa_b",
 * Γ^(i): diagonal "G{i}{a}{a}", off-diagonal Γ_ab = R{i}{a}{b} + i I{i}{a}{b} = conj(Γ_ba) for a &lt; b.
 */
final class GeneralModel {
    static final String XYZ = "xyz";

    private GeneralModel() { }

    static OpSum spin(int i, int a) { return a == 0 ? OpSum.sx(i) : a == 1 ? OpSum.sy(i) : OpSum.sz(i); }

    /** Γ^(i)_ab as an expression. */
    static Expr gamma(int i, int a, int b) {
        if (a == b) return Expr.sym("G" + i + XYZ.charAt(a) + XYZ.charAt(a));
        int lo = Math.min(a, b), hi = Math.max(a, b);
        Expr re = Expr.sym("R" + i + XYZ.charAt(lo) + XYZ.charAt(hi)), im = Expr.sym("I" + i + XYZ.charAt(lo) + XYZ.charAt(hi));
        return a < b ? re.plus(Expr.I.times(im)) : re.minus(Expr.I.times(im));
    }

    static Model build(int m) {
        Model.Builder b = Model.builder("general-" + m).description("Eq. (2) with symbolic couplings").spinEnsembles(m, 2);
        OpSum h = OpSum.ZERO;
        for (int i = 1; i <= m; i++) for (int a = 0; a < 3; a++) {
            String n = "w" + i + XYZ.charAt(a);
            b.real(n, 0.3, "");
            h = h.plus(spin(i, a).scale(Expr.sym(n)));
        }
        for (int i = 1; i <= m; i++) for (int j = 1; j <= m; j++) for (int a = 0; a < 3; a++) for (int c = 0; c < 3; c++) {
            String n = "W" + i + j + XYZ.charAt(a) + XYZ.charAt(c);
            b.real(n, 0.1, "");
            h = h.plus(spin(i, a).times(spin(j, c)).scale(Expr.sym(n).div(Expr.S)));
        }
        b.real("omega_b", 1, "").real("kappa_b", 0.5, "");
        for (int a = 0; a < 3; a++) b.real("g" + XYZ.charAt(a), 0.4, "");
        h = h.plus(OpSum.adag().times(OpSum.a()).scale(Expr.sym("omega_b")));
        for (int i = 1; i <= m; i++) for (int a = 0; a < 3; a++)
            h = h.plus(OpSum.a().plus(OpSum.adag()).times(spin(i, a)).scale(Expr.sym("g" + XYZ.charAt(a)).div(Expr.sqrt(Expr.N))));
        for (int i = 1; i <= m; i++) {
            for (int a = 0; a < 3; a++) b.real("G" + i + XYZ.charAt(a) + XYZ.charAt(a), 1, "");
            for (int a = 0; a < 3; a++) for (int c = a + 1; c < 3; c++) {
                b.real("R" + i + XYZ.charAt(a) + XYZ.charAt(c), 0, "");
                b.real("I" + i + XYZ.charAt(a) + XYZ.charAt(c), 0, "");
            }
        }
        b.boson(Expr.sym("omega_b"), 12).hamiltonian(h).bosonLoss(Expr.sym("kappa_b"));
        for (int i = 1; i <= m; i++) {
            Expr[][] g = new Expr[3][3];
            for (int a = 0; a < 3; a++) for (int c = 0; c < 3; c++) g[a][c] = gamma(i, a, c);
            b.gamma(i, g);
        }
        return b.build();
    }

    /** Random values for every parameter (N given). */
    static Map<String, Double> randomValues(Model model, long seed, int n) {
        Random r = new Random(seed);
        Map<String, Double> v = new LinkedHashMap<>();
        for (var p : model.parameters()) v.put(p.name(), 0.2 + r.nextDouble());
        v.put("N", (double) n);
        v.put("cutoff", 12.0);
        return v;
    }

    static List<String> letters(int m) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i <= m; i++) for (char c : XYZ.toCharArray()) out.add("m" + i + c);
        out.add("x"); out.add("p");
        return out;
    }
}
