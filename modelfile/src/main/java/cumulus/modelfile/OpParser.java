package cumulus.modelfile;

import cumulus.api.Expr;
import cumulus.api.Op;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parser for operator expressions of model files: sums of products of the operators
 * {@code Sx(i) Sy(i) Sz(i) Sp(i) Sm(i) a adag} and coefficient expressions over parameters,
 * {@code N}, {@code S}, {@code t}, {@code I}, {@code pi}, numbers and {@code sqrt exp sin cos}
 * (the grammar of {@link cumulus.api.ExprParser} with operators as extra atoms). The result
 * keeps the operator order written; scalar sub-expressions become one {@link Expr}.
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := atom ('^' unary)?
 * atom    := number | name | name '(' args ')' | '(' sum ')'
 * </pre>
 */
final class OpParser {

    static final Set<String> SPIN_OPERATORS = Set.of("Sx", "Sy", "Sz", "Sp", "Sm");
    static final Set<String> BOSON_OPERATORS = Set.of("a", "adag");
    static final Set<String> RESERVED = Set.of("Sx", "Sy", "Sz", "Sp", "Sm", "a", "adag", "I", "pi", "N", "S", "t",
            "sqrt", "exp", "sin", "cos");
    private static final String OPERATORS = "Sx(i), Sy(i), Sz(i), Sp(i), Sm(i), a, adag";

    /** One product of the result: coefficient, operators in order, and the top-level term it came from. */
    record Term(Expr coefficient, List<Op> factors, int start, int end) {
        boolean isScalar() { return factors.isEmpty(); }
    }

    /**
     * What names mean: the declared coefficient symbols, the number of ensembles, the bosonic modes'
     * names in mode order (empty: no boson). {@code a}/{@code adag} act on the only mode of a one-mode
     * model; {@code a(k)}/{@code adag(k)} on mode k; a mode's name and name + "dag" on that mode.
     */
    record Context(Set<String> symbols, int ensembles, List<String> modes) {
        Context { modes = List.copyOf(modes); }
        boolean boson() { return !modes.isEmpty(); }
    }

    /** A problem at a character offset of the expression text. */
    static final class ParseError extends RuntimeException {
        final int offset;
        ParseError(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final String s;
    private final Context ctx;
    private int pos;
    private int depth;

    private OpParser(String s, Context ctx) { this.s = s; this.ctx = ctx; }

    /** The terms of {@code text}; an empty list is the zero operator. */
    static List<Term> parse(String text, Context ctx) {
        OpParser p = new OpParser(text, ctx);
        p.skip();
        if (p.pos >= text.length()) throw new ParseError(0, "empty expression: expected a sum of terms such as 'omega_x * Sx(1)' (write 0 for none)");
        List<Term> terms = p.sum(true);
        p.skip();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            if (Character.isLetterOrDigit(c) || c == '(' || c == '_')
                throw p.error("expected '*' between factors (or '+', '-', '/', '^', or the end of the expression)");
            if (c == ')') throw p.error("unbalanced ')': no '(' opens it");
            throw p.error("unexpected '" + c + "': expected an operator (+ - * / ^) or the end of the expression");
        }
        return dropZeros(terms);
    }

    /** A coefficient (no operators) such as a rate or a frequency. */
    static Expr coefficient(String text, Context ctx, String what) {
        List<Term> terms = parse(text, ctx);
        for (Term t : terms)
            if (!t.isScalar()) throw new ParseError(t.start(), what + " must be a coefficient, but '" + text.substring(t.start(), t.end()).strip() + "' contains the operator " + t.factors().get(0));
        return terms.isEmpty() ? Expr.ZERO : Expr.sum(terms.stream().map(Term::coefficient).toList());
    }

    private static List<Term> dropZeros(List<Term> terms) {
        return terms.stream().filter(t -> !t.coefficient().isZero()).toList();
    }

    private ParseError error(String what) { return new ParseError(pos, what); }

    private void skip() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

    private boolean eat(char c) {
        skip();
        if (pos < s.length() && s.charAt(pos) == c) { pos++; return true; }
        return false;
    }

    private List<Term> sum(boolean top) {
        List<Term> terms = new ArrayList<>();
        skip();
        int start = pos;
        terms.addAll(span(product(), top, start));
        while (true) {
            skip();
            int opAt = pos;
            if (eat('+')) {
                skip();
                int termAt = pos;
                terms.addAll(span(product(), top, termAt));
            }
            else if (eat('-')) terms.addAll(span(scale(product(), Expr.num(-1)), top, opAt));
            else break;
        }
        return collapse(terms);
    }

    /** Marks top-level terms with their source span. */
    private List<Term> span(List<Term> terms, boolean top, int start) {
        if (!top) return terms;
        int end = pos;
        return terms.stream().map(t -> new Term(t.coefficient(), t.factors(), start, end)).toList();
    }

    /** A sum of scalars becomes one scalar term, so that coefficients stay whole expressions. */
    private static List<Term> collapse(List<Term> terms) {
        if (terms.size() <= 1 || !terms.stream().allMatch(Term::isScalar)) return terms;
        Term first = terms.get(0);
        Expr sum = Expr.sum(terms.stream().map(Term::coefficient).toList());
        return List.of(new Term(sum, List.of(), first.start(), terms.get(terms.size() - 1).end()));
    }

    private static List<Term> scale(List<Term> terms, Expr c) {
        return terms.stream().map(t -> new Term(c.times(t.coefficient()), t.factors(), t.start(), t.end())).toList();
    }

    private static boolean scalar(List<Term> v) { return v.stream().allMatch(Term::isScalar); }

    private static Expr value(List<Term> v) {
        return v.isEmpty() ? Expr.ZERO : Expr.sum(v.stream().map(Term::coefficient).toList());
    }

    private static List<Term> ofScalar(Expr e, int at) { return List.of(new Term(e, List.of(), at, at)); }

    /** Operator product x · y, distributed, order kept. */
    private static List<Term> times(List<Term> x, List<Term> y) {
        List<Term> out = new ArrayList<>();
        for (Term a : x) for (Term b : y) {
            List<Op> f = new ArrayList<>(a.factors());
            f.addAll(b.factors());
            out.add(new Term(a.coefficient().times(b.coefficient()), f, a.start(), a.end()));
        }
        return out;
    }

    private List<Term> product() {
        List<Term> acc = unary();
        while (true) {
            if (eat('*')) acc = times(acc, unary());
            else if (eat('/')) {
                skip();
                int divisorAt = pos;
                List<Term> d = unary();
                if (!scalar(d)) throw new ParseError(divisorAt, "cannot divide by an operator: only coefficients may stand after '/'");
                Expr dv = value(d);
                if (dv.isZero()) throw new ParseError(divisorAt, "division by zero");
                Expr inverse = Expr.ONE.div(dv);
                acc = acc.stream().map(t -> new Term(t.coefficient().times(inverse), t.factors(), t.start(), t.end())).toList();
            } else return acc;
        }
    }

    private List<Term> unary() {
        skip();
        if (++depth > 200) throw error("the expression is nested too deeply (more than 200 levels)");
        try {
            if (eat('-')) return scale(unary(), Expr.num(-1));
            if (eat('+')) return unary();
            return power();
        } finally {
            depth--;
        }
    }

    private List<Term> power() {
        skip();
        int baseAt = pos;
        List<Term> base = atom();
        skip();
        int caretAt = pos;
        if (!eat('^')) return base;
        skip();
        int expAt = pos;
        List<Term> exp = unary();
        if (!scalar(exp)) throw new ParseError(expAt, "an exponent must be a coefficient, not an operator");
        Expr e = value(exp);
        if (scalar(base)) return ofScalar(value(base).pow(e), baseAt);
        if (!(e instanceof Expr.Rat r) || r.den() != 1 || r.num() < 0 || r.num() > 16)
            throw new ParseError(caretAt, "an operator can only be raised to a whole power from 0 to 16, such as ^2");
        List<Term> acc = ofScalar(Expr.ONE, baseAt);
        for (long k = 0; k < r.num(); k++) acc = times(acc, base);
        return acc;
    }

    private List<Term> atom() {
        skip();
        int start = pos;
        if (pos >= s.length()) throw error("unexpected end of the expression: expected a number, a parameter, an operator (" + OPERATORS + ") or '('");
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            skip();
            if (pos < s.length() && s.charAt(pos) == ')') throw error("empty parentheses: expected an expression inside '( )'");
            List<Term> inner = sum(false);
            if (!eat(')')) throw error("expected ')' to close the '(' at offset " + (start + 1));
            return inner;
        }
        if (Character.isDigit(c) || c == '.') return ofScalar(number(), start);
        if (Character.isLetter(c) || c == '_') {
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            String name = s.substring(start, pos);
            skip();
            boolean call = pos < s.length() && s.charAt(pos) == '(';
            if (call) return call(name, start);
            return name(name, start);
        }
        throw error("unexpected '" + c + "': expected a number, a parameter, an operator (" + OPERATORS + ") or '('");
    }

    private List<Term> call(String name, int start) {
        int open = pos;
        pos++; // '('
        if (Expr.Fn.NAMES.contains(name)) {
            skip();
            if (pos < s.length() && s.charAt(pos) == ')') throw error(name + "() needs an argument, e.g. " + name + "(kappa/S)");
            int argAt = pos;
            List<Term> arg = sum(false);
            if (!scalar(arg)) throw new ParseError(argAt, name + "() takes a coefficient, not an operator: write e.g. sqrt(kappa/S) * Sm(1)");
            skip();
            if (pos < s.length() && s.charAt(pos) == ',') throw error(name + "() takes exactly one argument");
            if (!eat(')')) throw error("expected ')' after the argument of " + name + "()");
            return ofScalar(Expr.fn(name, value(arg)), start);
        }
        if (SPIN_OPERATORS.contains(name)) {
            int close = matching(open);
            String inside = s.substring(open + 1, close < 0 ? s.length() : close);
            if (close < 0) throw new ParseError(open, "expected ')' to close " + name + "(");
            int args = inside.isBlank() ? 0 : countArgs(inside);
            if (args != 1)
                throw new ParseError(start, "wrong number of arguments: " + name + " takes exactly one ensemble index, e.g. " + name + "(1), but got " + args);
            String idx = inside.strip();
            int idxAt = open + 1 + (inside.length() - inside.stripLeading().length());
            if (!idx.matches("\\d{1,9}"))
                throw new ParseError(idxAt, "expected an ensemble index (a whole number from 1 to " + Math.max(1, ctx.ensembles()) + ") in " + name + "(...), got '" + idx + "'");
            int i = Integer.parseInt(idx);
            if (ctx.ensembles() == 0)
                throw new ParseError(idxAt, "ensemble index " + i + " is out of range: the model declares no spin ensembles (set 'ensembles:')");
            if (i < 1 || i > ctx.ensembles())
                throw new ParseError(idxAt, "ensemble index " + i + " is out of range: the model has " + ctx.ensembles()
                        + (ctx.ensembles() == 1 ? " ensemble, index 1" : " ensembles, numbered 1.." + ctx.ensembles()));
            pos = close + 1;
            Op.Component comp = switch (name) {
                case "Sx" -> Op.Component.X;
                case "Sy" -> Op.Component.Y;
                case "Sz" -> Op.Component.Z;
                case "Sp" -> Op.Component.PLUS;
                default -> Op.Component.MINUS;
            };
            return List.of(new Term(Expr.ONE, List.of(new Op.Spin(i, comp)), start, start));
        }
        if (BOSON_OPERATORS.contains(name)) {
            int close = matching(open);
            if (close < 0) throw new ParseError(open, "expected ')' to close " + name + "(");
            String inside = s.substring(open + 1, close).strip();
            int idxAt = open + 1 + (s.substring(open + 1, close).length() - s.substring(open + 1, close).stripLeading().length());
            if (!ctx.boson()) throw new ParseError(start, "operator '" + name + "' acts on a boson, but the model declares none: add a 'boson:' or 'bosons:' section");
            if (!inside.matches("\\d{1,9}"))
                throw new ParseError(idxAt, "expected a mode number (1 to " + ctx.modes().size() + ") in " + name + "(...), got '" + inside + "'");
            int k = Integer.parseInt(inside);
            if (k < 1 || k > ctx.modes().size())
                throw new ParseError(idxAt, "mode " + k + " is out of range: the model has " + ctx.modes().size()
                        + (ctx.modes().size() == 1 ? " bosonic mode, number 1" : " bosonic modes, numbered 1.." + ctx.modes().size()));
            pos = close + 1;
            return List.of(new Term(Expr.ONE, List.of(new Op.Boson(k, name.equals("adag"))), start, start));
        }
        if (modeOperator(name) != null)
            throw new ParseError(open, "wrong number of arguments: the operator '" + name + "' of a named mode takes none: write " + name + ", not " + name + "(...)");
        if (ctx.symbols().contains(name))
            throw new ParseError(open, "'" + name + "' is a parameter, not a function: write '*' for a product, e.g. " + name + " * (...)");
        pos = start;
        throw error("unknown operator or function '" + name + "': expected one of " + OPERATORS + " or a function sqrt, exp, sin, cos" + suggest(name, allCallables()));
    }

    private List<Term> name(String name, int start) {
        if (SPIN_OPERATORS.contains(name))
            throw new ParseError(start, "wrong number of arguments: " + name + " takes exactly one ensemble index, e.g. " + name + "(1), but got none");
        if (Expr.Fn.NAMES.contains(name)) throw new ParseError(start, "function " + name + " needs an argument in parentheses, e.g. " + name + "(x)");
        Op.Boson named = modeOperator(name);
        if (named != null) return List.of(new Term(Expr.ONE, List.of(named), start, start));
        if (BOSON_OPERATORS.contains(name)) {
            if (!ctx.boson()) throw new ParseError(start, "operator '" + name + "' acts on the boson, but the model declares none: add a 'boson:' section");
            if (ctx.modes().size() > 1)
                throw new ParseError(start, "operator '" + name + "' is ambiguous: the model has " + ctx.modes().size() + " bosonic modes; write " + name + "(1) .. "
                        + name + "(" + ctx.modes().size() + ") or a mode's name (" + String.join(", ", ctx.modes()) + ")");
            return List.of(new Term(Expr.ONE, List.of(new Op.Boson(name.equals("adag"))), start, start));
        }
        if (name.equals("I")) return ofScalar(Expr.I, start);
        if (name.equals("pi")) return ofScalar(new Expr.Real(Math.PI), start);
        if (ctx.symbols().contains(name)) return ofScalar(Expr.sym(name), start);
        if (name.equals("N") || name.equals("S"))
            throw new ParseError(start, "unknown parameter '" + name + "': " + name + " exists only when the model has spin ensembles or declares N");
        Set<String> known = new TreeSet<>(ctx.symbols());
        if (known.isEmpty())
            throw new ParseError(start, "unknown name '" + name + "': only numbers, pi, I and the functions sqrt, exp, sin, cos may appear here");
        throw new ParseError(start, "unknown parameter '" + name + "': declare it under 'parameters:' (declared: " + String.join(", ", known) + ")"
                + suggest(name, known));
    }

    /** The operator a mode's name (annihilation) or name + "dag" (creation) stands for, or null. */
    private Op.Boson modeOperator(String name) {
        for (int k = 0; k < ctx.modes().size(); k++) {
            String m = ctx.modes().get(k);
            if (name.equals(m)) return new Op.Boson(k + 1, false);
            if (name.equals(m + "dag")) return new Op.Boson(k + 1, true);
        }
        return null;
    }

    private Set<String> allCallables() {
        Set<String> out = new TreeSet<>(SPIN_OPERATORS);
        out.addAll(Expr.Fn.NAMES);
        return out;
    }

    /** The index of the ')' closing the '(' at {@code open}, or -1. */
    private int matching(int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return k;
        }
        return -1;
    }

    private static int countArgs(String inside) {
        int depth = 0, n = 1;
        for (char c : inside.toCharArray()) {
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) n++;
        }
        return n;
    }

    private Expr number() {
        int start = pos;
        pos = cumulus.api.ExprParser.scanNumber(s, pos);
        String t = s.substring(start, pos);
        Expr e = cumulus.api.ExprParser.literal(t);
        if (e == null) throw new ParseError(start, "malformed number '" + t + "'");
        return e;
    }

    /** ", did you mean 'x'?" for a close name (edit distance at most 2, or the same ignoring case). */
    static String suggest(String name, Collection<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known) {
            int d = k.equalsIgnoreCase(name) ? 0 : distance(name, k);
            if (d >= 3 && name.length() >= 3 && (k.startsWith(name) || name.startsWith(k))) d = 2;
            if (d < bestD) { bestD = d; best = k; }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
