package cumulus.codegen;

import cumulus.api.Expr;
import cumulus.api.ModelException;
import org.codehaus.janino.SimpleCompiler;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a system dy/dt = f(t, y; p) to bytecode with Janino. Compiled classes are cached by the
 * system's canonical form (its generated source), so re-deriving the same system costs nothing.
 */
public final class RhsCompiler {
    private static final Map<String, Constructor<? extends CompiledRhs>> CACHE = new ConcurrentHashMap<>();

    /** A compiled system: bind parameter values to get a right-hand side. */
    public record Compiled(List<String> unknowns, List<String> parameters, String source, Constructor<? extends CompiledRhs> constructor) {
        /** An instance with these parameter values (every name of {@link #parameters()} is required). */
        public CompiledRhs bind(Map<String, Double> values) {
            double[] p = new double[parameters.size()];
            for (int i = 0; i < p.length; i++) {
                Double v = values.get(parameters.get(i));
                if (v == null && parameters.get(i).equals("S") && values.containsKey("N")) v = values.get("N") / 2;
                if (v == null) throw new ModelException("no value for parameter '" + parameters.get(i) + "' of the compiled system");
                p[i] = v;
            }
            try {
                return constructor.newInstance((Object) p);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate the compiled right-hand side", e);
            }
        }
    }

    private RhsCompiler() { }

    /** The generated Java source (for inspection: {@code cumulus derive --emit-java}). */
    public static String source(String className, List<String> unknowns, List<String> parameters, List<Expr> rhs) {
        if (unknowns.size() != rhs.size()) throw new IllegalArgumentException(unknowns.size() + " unknowns but " + rhs.size() + " right-hand sides");
        return new JavaEmitter(unknowns, parameters).emit(className, rhs);
    }

    public static Compiled compile(List<String> unknowns, List<String> parameters, List<Expr> rhs) {
        String body = source("Rhs", unknowns, parameters, rhs);
        String key = sha(body);
        String className = "Rhs_" + key.substring(0, 16);
        String src = body.replace("public final class Rhs ", "public final class " + className + " ")
                .replace("    public Rhs(double[] p)", "    public " + className + "(double[] p)");
        Constructor<? extends CompiledRhs> ctor = CACHE.computeIfAbsent(key, k -> cook(className, src));
        return new Compiled(List.copyOf(unknowns), List.copyOf(parameters), src, ctor);
    }

    private static Constructor<? extends CompiledRhs> cook(String className, String src) {
        try {
            SimpleCompiler c = new SimpleCompiler();
            c.setParentClassLoader(CompiledRhs.class.getClassLoader());
            c.cook(src);
            Class<? extends CompiledRhs> cls = c.getClassLoader().loadClass(className).asSubclass(CompiledRhs.class);
            return cls.getConstructor(double[].class);
        } catch (Exception e) {
            throw new IllegalStateException("Janino could not compile the generated right-hand side: " + e.getMessage(), e);
        }
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int cacheSize() { return CACHE.size(); }
}
