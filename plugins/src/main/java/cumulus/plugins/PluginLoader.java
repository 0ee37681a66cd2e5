package cumulus.plugins;

import cumulus.api.ModelException;
import cumulus.api.ModelPlugin;
import cumulus.api.Progress;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads third-party model plugins without rebuilding Cumulus: a class loader over plugin jars
 * (and directories of them) in which {@link java.util.ServiceLoader} finds their
 * {@code META-INF/services/cumulus.api.ModelPlugin} entries, for {@link Cumulus#create(ClassLoader)}.
 * <p>
 * The command line scans {@code $cumulus.home/plugins/} (the {@code plugins} folder next to the
 * launcher) by default and adds the paths given with {@code cumulus --plugins DIR_OR_JAR}
 * through {@link #configure(List)}; {@link Cumulus#create()} then uses {@link #commandLineLoader()}.
 */
public final class PluginLoader {

    /** System property naming the installation (repository) root; its {@code plugins/} folder is scanned. */
    public static final String HOME_PROPERTY = "cumulus.home";
    /** The services file a plugin jar lists its {@code ModelPlugin} classes in. */
    public static final String SERVICES_ENTRY = "META-INF/services/cumulus.api.ModelPlugin";

    private static volatile List<Path> configured = List.of();
    private static ClassLoader cached;
    private static List<Path> cachedFor;

    private PluginLoader() { }

    /** Sets the extra plugin paths of this run (the {@code --plugins} option); null or empty for none. */
    public static synchronized void configure(List<Path> paths) {
        configured = paths == null ? List.of() : List.copyOf(paths);
        entries(configured); // fail early with a clear message
    }

    /** The paths set by {@link #configure(List)}. */
    public static List<Path> configured() { return configured; }

    /** {@code $cumulus.home/plugins} when the property is set and the folder exists, else null. */
    public static Path defaultDirectory() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) return null;
        Path dir = Path.of(home).resolve("plugins");
        return Files.isDirectory(dir) ? dir : null;
    }

    /**
     * The loader the command line uses: the default plugin folder plus the configured paths on
     * top of Cumulus's own class loader (which holds the built-in models), or that class loader
     * itself when there is nothing to add.
     */
    public static synchronized ClassLoader commandLineLoader() {
        List<Path> paths = new ArrayList<>();
        Path def = defaultDirectory();
        if (def != null) paths.add(def);
        paths.addAll(configured);
        if (cached != null && paths.equals(cachedFor)) return cached;
        cached = create(paths, PluginLoader.class.getClassLoader());
        cachedFor = paths;
        return cached;
    }

    /**
     * A class loader over {@code paths} with parent {@code parent}: each path is a {@code .jar}
     * file, a directory whose {@code *.jar} files are all used, or a class directory holding
     * {@code META-INF/services/cumulus.api.ModelPlugin}. Returns {@code parent} when no jar is found.
     * A missing path, a file that is not a jar, or a damaged jar is a {@link ModelException}.
     */
    public static ClassLoader create(List<Path> paths, ClassLoader parent) {
        List<Path> entries = entries(paths);
        if (entries.isEmpty()) return parent;
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ModelException("plugin path " + entries.get(i) + " cannot be used: " + e.getMessage());
            }
        }
        return new URLClassLoader("cumulus-plugins", urls, parent);
    }

    /** The jars (and class directories) that {@code paths} stand for, checked. */
    public static List<Path> entries(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            Path a = p.toAbsolutePath().normalize();
            if (!Files.exists(a))
                throw new ModelException("plugin path " + p + " does not exist: give a plugin .jar file or a directory of them with --plugins");
            if (Files.isDirectory(a)) {
                if (Files.isRegularFile(a.resolve(SERVICES_ENTRY))) {
                    out.add(a);
                    continue;
                }
                try (Stream<Path> files = Files.list(a)) {
                    for (Path j : files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                            .filter(Files::isRegularFile).sorted().toList()) {
                        checkJar(j);
                        out.add(j);
                    }
                } catch (IOException e) {
                    throw new ModelException("cannot list plugin directory " + p + ": " + e.getMessage());
                }
            } else {
                if (!a.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                    throw new ModelException("plugin path " + p + " is not a .jar file or a directory: give a plugin jar (built with its own pom, see examples/external-plugin) or a directory of jars");
                checkJar(a);
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The model plugin classes {@code loader} offers through {@link java.util.ServiceLoader}. A class
     * that a services file names but that cannot be loaded (missing, not a {@code ModelPlugin}, no
     * public no-arg constructor) is skipped with a warning naming it and its jar, so one broken jar
     * never takes the other models down; a plugin jar with no services entry gets a warning too.
     */
    public static List<Class<? extends ModelPlugin>> discover(ClassLoader loader) {
        List<Class<? extends ModelPlugin>> out = new ArrayList<>();
        Iterator<ServiceLoader.Provider<ModelPlugin>> it = ServiceLoader.load(ModelPlugin.class, loader).stream().iterator();
        for (int guard = 0; guard < 100_000; guard++) {
            try {
                if (!it.hasNext()) break;
                out.add(it.next().type());
            } catch (ServiceConfigurationError e) {
                Progress.get().warn(describe(e, loader) + "; skipped");
            }
        }
        if (loader instanceof URLClassLoader u && "cumulus-plugins".equals(u.getName()))
            for (URL url : u.getURLs()) {
                try {
                    Path jar = Path.of(url.toURI());
                    if (Files.isRegularFile(jar) && !hasServices(jar))
                        Progress.get().warn("plugin jar " + jar + " holds no model plugin (no " + SERVICES_ENTRY + " entry): nothing loaded from it");
                } catch (java.net.URISyntaxException | IllegalArgumentException ignored) {
                    // not a file URL: nothing to say about it
                }
            }
        return out;
    }

    /**
     * A discovered plugin constructed by its public no-argument constructor (the {@link ModelPlugin} contract). What the
     * constructor throws (or a class it cannot link) comes back as an IllegalStateException naming the class, which
     * {@link ModelRegistry} reports when it skips the plugin.
     */
    static ModelPlugin construct(Class<? extends ModelPlugin> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err && !(cause instanceof LinkageError)) throw err;
            throw new IllegalStateException(type.getName() + "() threw " + cause, cause);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no public no-argument constructor (a ModelPlugin needs one)");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " cannot be constructed: " + e);
        }
    }

    /** "plugin jar J: class C ..." from a ServiceLoader error, naming the jar whose services file lists C. */
    private static String describe(ServiceConfigurationError e, ClassLoader loader) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int colon = msg.indexOf(": ");
        String text = colon >= 0 ? msg.substring(colon + 2) : msg;
        String where = "a model plugin";
        if (loader instanceof URLClassLoader u)
            for (URL url : u.getURLs()) {
                try {
                    Path jar = Path.of(url.toURI());
                    if (Files.isRegularFile(jar))
                        for (String cls : servicesOf(jar))
                            if (text.contains(cls)) where = "plugin jar " + jar + ", class " + cls;
                } catch (java.net.URISyntaxException | IllegalArgumentException ignored) {
                    // not a file URL
                }
            }
        return where + ": " + text;
    }

    private static boolean hasServices(Path jar) { return !servicesOf(jar).isEmpty(); }

    /** The class names a jar's services file lists (comments and blanks dropped). */
    static List<String> servicesOf(Path jar) {
        List<String> out = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            var entry = j.getEntry(SERVICES_ENTRY);
            if (entry == null) return out;
            String text = new String(j.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\\R")) {
                String l = line.replaceAll("#.*", "").trim();
                if (!l.isEmpty()) out.add(l);
            }
        } catch (IOException e) {
            // checked when the jar was added
        }
        return out;
    }

    private static void checkJar(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            j.size(); // a jar without a services entry is fine: it may hold a plugin's libraries
        } catch (IOException e) {
            throw new ModelException("plugin jar " + jar + " is not a valid jar file: " + e.getMessage());
        }
    }
}
