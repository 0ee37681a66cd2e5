package cumulus.cli.reproduce;

import cumulus.api.Model;
import cumulus.plugins.Cumulus;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What figures share: the toolkit (models, solvers), where the QuTiP reference CSVs live (may be
 * absent), a line-based progress log on stderr, and a memo for results two figures both need
 * (e.g. the btc-pair decay fits of fig3c and figS1).
 */
public final class Context {
    private final Cumulus cumulus;
    private final Path refs;
    private final PrintWriter log;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();
    private volatile Path sweeps;

    public Context(Cumulus cumulus, Path refs, PrintWriter log) {
        this.cumulus = cumulus;
        this.refs = refs;
        this.log = log;
    }

    /** A toolkit with the reference folder found next to the repository (if any) and no progress output. */
    public static Context quiet() {
        return new Context(Cumulus.create(), findRefs(), new PrintWriter(Writer.nullWriter()));
    }

    public Cumulus cumulus() { return cumulus; }

    /** Where figures computed through {@code sweep} keep their resumable sweep folders (reproduce: OUT/sweeps). */
    public Context sweeps(Path dir) { this.sweeps = dir; return this; }

    /** The sweep folder of one figure; without {@link #sweeps(Path)} a fresh temporary folder. */
    public Path sweepDir(String name) {
        try {
            return sweeps != null ? sweeps.resolve(name) : Files.createTempDirectory("cumulus-sweep-" + name);
        } catch (java.io.IOException e) {
            throw new cumulus.api.ModelException("cannot create a temporary sweep folder: " + e.getMessage());
        }
    }

    public Model model(String name) { return cumulus.models().get(name); }

    /** Parameters of a model: defaults overridden by name/value pairs ("N", 8, "omega_x", 2). */
    public Map<String, Double> params(Model m, Object... kv) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            o.put((String) kv[i], v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString(d.longValue()) : String.valueOf(v));
        }
        return m.resolve(o);
    }

    /** A reference CSV of the repository's refs/, or null when the folder is not there. */
    public Path ref(String file) {
        if (refs == null) return null;
        Path p = refs.resolve(file);
        return Files.isRegularFile(p) ? p : null;
    }

    /** One progress line on stderr (indented under the figure's line). */
    public void progress(String fmt, Object... args) {
        log.println("    " + String.format(Locale.ROOT, fmt, args));
        log.flush();
    }

    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.put(key, v);
        }
        return (T) v;
    }

    /**
     * The QuTiP reference folder {@code refs/} of the repository: {@code -Dcumulus.refs}, else
     * refs/ in the launcher's folder ({@code cumulus.home}) or in the working directory.
     */
    public static Path findRefs() {
        String refs = System.getProperty("cumulus.refs");
        if (refs != null) return Files.isDirectory(Path.of(refs)) ? Path.of(refs) : null;
        Path home = Path.of(System.getProperty("cumulus.home", "."));
        return Files.isDirectory(home.resolve("refs")) ? home.resolve("refs") : null;
    }

    private static final class Writer {
        static java.io.Writer nullWriter() { return java.io.Writer.nullWriter(); }
    }
}
