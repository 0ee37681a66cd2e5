package cumulus.symbolic.algebra;

import cumulus.api.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global registry of the commuting atoms of {@link Poly}: named real symbols (parameters, N, t,
 * unknowns such as m1x or K(m1x,m1y)), square roots of primes (exponent 1/2 only, the square is
 * folded into the rational coefficient) and opaque real atoms for subexpressions that are not
 * Laurent monomials (sqrt(kappa+gamma), 1/(a+b), exp(...), sin(...)), which keep their Expr in the
 * canonical form {@link ExprConverter} prints (no S: it is N/2 there). Every atom is real and taken
 * positive under square roots (principal branch).
 */
public final class Atoms {
    public enum Kind { SYMBOL, PRIME, OPAQUE }

    record Info(String name, Kind kind, long prime, Expr expr) { }

    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final List<Info> INFOS = new ArrayList<>();
    /** Copy-on-write snapshot for lock-free reads on the hot path (monomial products). */
    private static volatile Info[] snapshot = new Info[0];

    private Atoms() { }

    private static synchronized int register(String name, Kind kind, long prime, Expr expr) {
        Integer id = IDS.get(name);
        if (id != null) return id;
        INFOS.add(new Info(name, kind, prime, expr));
        int nid = INFOS.size() - 1;
        snapshot = INFOS.toArray(new Info[0]);
        IDS.put(name, nid);
        return nid;
    }

    public static int symbol(String name) {
        Integer id = IDS.get(name);
        return id != null ? id : register(name, Kind.SYMBOL, 0, null);
    }

    static int prime(long p) {
        String name = "sqrt(" + p + ")";
        Integer id = IDS.get(name);
        return id != null ? id : register(name, Kind.PRIME, p, null);
    }

    static int opaque(Expr e) {
        String name = "{" + e + "}";
        Integer id = IDS.get(name);
        return id != null ? id : register(name, Kind.OPAQUE, 0, e);
    }

    static Info info(int id) { return snapshot[id]; }

    public static String name(int id) { return info(id).name(); }
    public static Kind kind(int id) { return info(id).kind(); }
    public static long primeValue(int id) { return info(id).prime(); }
    public static Expr opaqueExpr(int id) { return info(id).expr(); }
    /** Whether the atom depends on N: N itself or an opaque atom whose expression contains N. */
    public static boolean dependsOnN(int id) {
        Info i = info(id);
        return i.kind() == Kind.SYMBOL ? i.name().equals("N") : i.kind() == Kind.OPAQUE && i.expr().symbols().contains("N");
    }
    public static int idOf(String name) { Integer id = IDS.get(name); return id == null ? -1 : id; }
}
