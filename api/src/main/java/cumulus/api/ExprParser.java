package cumulus.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for coefficient expressions: numbers, names, {@code I} (or {@code i}
 * when not a declared name), {@code + - * / ^}, parentheses and the functions of {@link Expr.Fn}.
 * Errors carry the column (1-based) and what was expected.
 */
public final class ExprParser {
    private final String s;
    private int pos;

    private ExprParser(String s) { this.s = s; }

    public static Expr parse(String text) {
        ExprParser p = new ExprParser(text);
        Expr e = p.sum();
        p.skip();
        if (p.pos < p.s.length()) throw p.error("expected an operator or the end of the expression");
        return e;
    }

    private ModelException error(String what) {
        return new ModelException("in expression '" + s + "' at column " + (pos + 1) + ": " + what);
    }

    private void skip() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

    private boolean eat(char c) {
        skip();
        if (pos < s.length() && s.charAt(pos) == c) { pos++; return true; }
        return false;
    }

    private Expr sum() {
        List<Expr> terms = new ArrayList<>();
        terms.add(product());
        while (true) {
            if (eat('+')) terms.add(product());
            else if (eat('-')) terms.add(product().negate());
            else return Expr.sum(terms);
        }
    }

    private Expr product() {
        Expr acc = unary();
        while (true) {
            if (eat('*')) acc = acc.times(unary());
            else if (eat('/')) acc = acc.div(unary());
            else return acc;
        }
    }

    private Expr unary() {
        if (eat('-')) return unary().negate();
        if (eat('+')) return unary();
        return power();
    }

    private Expr power() {
        Expr base = atom();
        if (eat('^')) return base.pow(unary());
        return base;
    }

    private Expr atom() {
        skip();
        if (pos >= s.length()) throw error("expected a number, a name or '('");
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            Expr e = sum();
            if (!eat(')')) throw error("expected ')'");
            return e;
        }
        if (Character.isDigit(c) || c == '.') return number();
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            String name = s.substring(start, pos);
            if (eat('(')) {
                if (!Expr.Fn.NAMES.contains(name)) { pos = start; throw error("unknown function '" + name + "' (known: sqrt, exp, sin, cos)"); }
                Expr arg = sum();
                if (!eat(')')) throw error("expected ')' after the argument of " + name);
                return Expr.fn(name, arg);
            }
            if (name.equals("I")) return Expr.I;
            if (name.equals("pi")) return new Expr.Real(Math.PI);
            return Expr.sym(name);
        }
        throw error("unexpected character '" + c + "'");
    }

    private Expr number() {
        int start = pos;
        pos = scanNumber(s, pos);
        Expr e = literal(s.substring(start, pos));
        if (e == null) {
            pos = start;
            throw error("malformed number '" + s.substring(start, scanNumber(s, start)) + "'");
        }
        return e;
    }

    /** End index of the numeric literal starting at {@code start}: digits and '.', then an optional exponent. */
    public static int scanNumber(String s, int start) {
        int pos = start;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
            if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            } else pos = save;
        }
        return pos;
    }

    /**
     * A numeric literal as an exact rational where it is one (integers; decimals such as 0.35 = 35/100),
     * otherwise a finite floating constant; null when the text is not a finite number.
     */
    public static Expr literal(String t) {
        if (t.matches("\\d{1,15}")) return Expr.num(Long.parseLong(t));
        if (t.matches("\\d{1,9}\\.\\d{1,9}")) {
            String[] parts = t.split("\\.");
            long den = (long) Math.pow(10, parts[1].length());
            return Expr.rat(Long.parseLong(parts[0]) * den + Long.parseLong(parts[1]), den);
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? Expr.real(v) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
