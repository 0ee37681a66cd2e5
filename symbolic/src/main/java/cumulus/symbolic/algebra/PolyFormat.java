package cumulus.symbolic.algebra;

import cumulus.api.Expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Text and LaTeX printing of {@link Poly}. */
final class PolyFormat {
    private PolyFormat() { }

    static String text(Poly p) {
        if (p.isZero()) return "0";
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Mono, QI> e : p.sortedTerms()) {
            QI c = e.getValue();
            boolean neg = c.isReal() ? c.re.signum() < 0 : (c.re.signum() == 0 && c.im.signum() < 0);
            QI abs = neg ? c.negate() : c;
            String f = monoText(e.getKey());
            String coef = abs.isOne() && !f.isEmpty() ? "" : abs.toString();
            String t = coef.isEmpty() ? f : f.isEmpty() ? coef : coef + "*" + f;
            if (sb.length() == 0) sb.append(neg ? "-" : "").append(t);
            else sb.append(neg ? " - " : " + ").append(t);
        }
        return sb.toString();
    }

    static String atomText(int id, int h) {
        String n = Atoms.name(id);
        int a = Math.abs(h);
        if (Atoms.kind(id) == Atoms.Kind.PRIME && a == 1) return n;
        if (Atoms.kind(id) == Atoms.Kind.OPAQUE) {
            Expr e = Atoms.opaqueExpr(id);
            String inner = exprText(e);
            if (a == 1) return "sqrt(" + inner + ")";
            n = e instanceof Expr.Fn || e instanceof Expr.Pow ? inner : "(" + inner + ")";
        }
        if (a == 2) return n;
        if (a == 1) return "sqrt(" + n + ")";
        return a % 2 == 0 ? n + "^" + (a / 2) : n + "^(" + a + "/2)";
    }

    /** An opaque atom's expression with its parts printed as the polynomials they are: exp(c/N), (1 + N^3)^(1/3). */
    static String exprText(Expr e) {
        if (e instanceof Expr.Fn f) return f.name() + "(" + text(ExprConverter.toPoly(f.arg())) + ")";
        if (e instanceof Expr.Pow p) {
            String x = p.exponent() instanceof Expr.Rat r && r.den() == 1 && r.num() >= 0 ? r.toString() : "(" + text(ExprConverter.toPoly(p.exponent())) + ")";
            return "(" + text(ExprConverter.toPoly(p.base())) + ")^" + x;
        }
        return text(ExprConverter.toPoly(e));
    }

    static String monoText(Mono m) {
        List<String> num = new ArrayList<>(), den = new ArrayList<>();
        for (int k = 0; k < m.size(); k++) (m.halves(k) > 0 ? num : den).add(atomText(m.id(k), m.halves(k)));
        num.sort(null); den.sort(null);
        String s = String.join("*", num);
        if (!den.isEmpty()) s = (s.isEmpty() ? "1" : s) + "/" + (den.size() == 1 ? den.get(0) : "(" + String.join("*", den) + ")");
        return s;
    }

    static String latexName(String n) {
        if (n.startsWith("sqrt(") && n.endsWith(")")) return n.substring(5, n.length() - 1);
        if (n.startsWith("{")) return "\\left(" + n.substring(1, n.length() - 1) + "\\right)";
        if (n.matches("m\\d+[xyz]")) return "m_{" + n.substring(1, n.length() - 1) + "}^{" + n.charAt(n.length() - 1) + "}";
        if (n.matches("[xp]\\d+")) return n.charAt(0) + "_{" + n.substring(1) + "}";   // quadratures of mode k
        if (n.startsWith("K(")) {
            String[] parts = n.substring(2, n.length() - 1).split(",");
            List<String> l = new ArrayList<>();
            for (String q : parts) l.add(latexName(q));
            return "K(" + String.join(", ", l) + ")";
        }
        String[] greek = {"omega", "kappa", "gamma", "Gamma", "alpha", "beta", "delta", "epsilon", "theta", "lambda", "mu", "sigma", "phi", "chi"};
        int us = n.indexOf('_');
        String head = us < 0 ? n : n.substring(0, us), tail = us < 0 ? "" : n.substring(us + 1);
        for (String g : greek) if (head.equals(g)) head = "\\" + g;
        return tail.isEmpty() ? head : head + "_{" + tail.replace("_", ",") + "}";
    }

    static String latexAtom(int id, int h) {
        String n = latexName(Atoms.name(id));
        boolean prime = Atoms.kind(id) == Atoms.Kind.PRIME;
        int a = Math.abs(h);
        if (a == 2) return n;
        if (a == 1) return "\\sqrt{" + n + "}";
        String base = n.contains(" ") || n.startsWith("K(") ? "\\left(" + n + "\\right)" : "{" + n + "}";
        return prime ? n : a % 2 == 0 ? base + "^{" + (a / 2) + "}" : base + "^{" + a + "/2}";
    }

    static String latexFrac(BigInteger n, BigInteger d) {
        return d.equals(BigInteger.ONE) ? n.toString() : "\\frac{" + n + "}{" + d + "}";
    }

    static String latexCoef(QI c) {
        if (c.isReal()) return latexFrac(c.re, c.den);
        String im = (c.im.abs().equals(c.den) ? "" : latexFrac(c.im.abs(), c.den)) + "i";
        if (c.re.signum() == 0) return (c.im.signum() < 0 ? "-" : "") + im;
        return "\\left(" + latexFrac(c.re, c.den) + (c.im.signum() < 0 ? " - " : " + ") + im + "\\right)";
    }

    static boolean isVariable(String n) { return n.matches("m\\d+[xyz]") || n.matches("[xp]\\d*") || n.startsWith("K("); }

    static String latex(Poly p) {
        if (p.isZero()) return "0";
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Mono, QI> e : p.sortedTerms()) {
            QI c = e.getValue();
            boolean neg = c.isReal() ? c.re.signum() < 0 : (c.re.signum() == 0 && c.im.signum() < 0);
            QI abs = neg ? c.negate() : c;
            Mono m = e.getKey();
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < m.size(); k++) order.add(k);
            // parameters before the dynamical variables (m_i^a, x, p, cumulants), each group by name
            order.sort(java.util.Comparator.comparing((Integer k) -> isVariable(Atoms.name(m.id(k)))).thenComparing(k -> Atoms.name(m.id(k))));
            List<String> num = new ArrayList<>(), den = new ArrayList<>();
            for (int k : order) (m.halves(k) > 0 ? num : den).add(latexAtom(m.id(k), m.halves(k)));
            String f = String.join(" ", num);
            if (!den.isEmpty()) f = "\\frac{" + (f.isEmpty() ? "1" : f) + "}{" + String.join(" ", den) + "}";
            String coef = abs.isOne() && !f.isEmpty() ? "" : latexCoef(abs);
            String t = coef.isEmpty() ? f : f.isEmpty() ? coef : coef + " " + f;
            if (sb.length() == 0) sb.append(neg ? "-" : "").append(t);
            else sb.append(neg ? " - " : " + ").append(t);
        }
        return sb.toString();
    }
}
