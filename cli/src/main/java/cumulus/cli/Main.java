package cumulus.cli;

import cumulus.api.ModelException;
import cumulus.api.NumericalException;
import cumulus.api.Progress;
import cumulus.plugins.PluginLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cumulus} command (SPEC.md "Command-line contract"). User errors print one line on
 * stderr and exit 2; set CUMULUS_DEBUG=1 to see stack traces of internal errors.
 */
@Command(name = "cumulus", mixinStandardHelpOptions = true, version = "cumulus 0.1.0",
        description = "Open quantum systems of collective spins and bosons: exact Lindbladians, cumulant hierarchies, time crystals.")
public final class Main implements java.util.concurrent.Callable<Integer> {

    /**
     * The commands by name, in the order the usage help lists them. They are registered in {@link #run}, not in the
     * {@code @Command} annotation, so that a run builds the option model of the one command it runs: picocli reads
     * every registered command's annotations by reflection at start-up, and the whole tree cost 60-90 ms of a
     * 0.5 s process (measured in a fresh JVM with a CDS archive: 225-290 ms for all commands against 160-197 ms for
     * one). {@code help}, {@code --help}, {@code --version} and an unknown name register all of them.
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("models", ModelsCommand.class);
        m.put("spectrum", SpectrumCommand.class);
        m.put("steady", SteadyCommand.class);
        m.put("evolve", EvolveCommand.class);
        m.put("floquet", FloquetCommand.class);
        m.put("classify", ClassifyCommand.class);
        m.put("sweep", SweepCommand.class);
        m.put("correlate", CorrelateCommand.class);
        m.put("psd", PsdCommand.class);
        m.put("derive", DeriveCommand.class);
        m.put("verify-mf", VerifyMfCommand.class);
        m.put("bench", BenchCommand.class);
        m.put("reproduce", cumulus.cli.reproduce.ReproduceCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /**
     * The command the arguments run, if the top-level options before it are only {@code --plugins DIR} and
     * {@code -q}; null when they ask for help or the version, name no known command, or name {@code help}.
     */
    static String commandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--plugins")) { i++; continue; }
            if (a.startsWith("--plugins=") || a.equals("-q") || a.equals("--quiet")) continue;
            if (a.startsWith("-")) return null;
            return COMMANDS.containsKey(a) && !a.equals("help") ? a : null;
        }
        return null;
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--plugins", paramLabel = "DIR_OR_JAR",
            description = "load third-party model plugins from this jar or directory of jars (repeatable; give it before the command). "
                    + "Jars in the plugins/ folder next to the launcher are always loaded.")
    List<Path> plugins = new ArrayList<>();

    /** The sink of this run, so that {@code --quiet} can reach it from any subcommand. */
    private StderrProgress progress;

    @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "no progress lines on stderr (warnings and errors are still printed)")
    void quiet(boolean q) { if (progress != null) progress.quiet(q); }

    /** {@code cumulus} with no command: the usage on stderr, exit 2 (nothing was asked, nothing was done). */
    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().println("cumulus: error: no command given: choose one of the commands above (see 'cumulus --help')");
        spec.commandLine().getErr().flush();
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        StderrProgress sink = new StderrProgress(err, StderrProgress.stderrIsTerminal());
        main.progress = sink;
        Progress.install(sink);
        CommandLine cl = new CommandLine(main);
        String command = commandOf(args);
        if (command != null) cl.addSubcommand(command, COMMANDS.get(command));
        else COMMANDS.forEach(cl::addSubcommand);
        cl.setExecutionStrategy(parsed -> {
            // --plugins is a top-level option: set up the plugin class loader that Cumulus.create() uses, then run the command
            try {
                PluginLoader.configure(main.plugins);
            } catch (ModelException e) {
                throw new CommandLine.ParameterException(cl, "--plugins: " + e.getMessage());
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            sink.finish();
            String cmd = ex.getCommandLine().getCommandName();
            err.println("cumulus: error: " + ex.getMessage() + " (see 'cumulus " + (cmd.equals("cumulus") ? "" : cmd + " ") + "--help')");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            sink.finish();
            if (ex instanceof ModelException) {
                err.println("cumulus: error: " + ex.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof NumericalException) {
                err.println("cumulus: numerical failure: " + ex.getMessage());
                err.flush();
                return 3;
            }
            err.println("cumulus: internal error: " + ex);
            if (System.getenv("CUMULUS_DEBUG") != null) ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        int code;
        try {
            code = cl.execute(args);
            sink.finish();
        } catch (OutOfMemoryError e) {
            sink.finish();
            err.println("cumulus: error: out of memory (max heap " + String.format("%.1f", Runtime.getRuntime().maxMemory() / 1e9)
                    + " GB): use a smaller N or cutoff, or raise the heap with CUMULUS_JAVA_OPTS=-Xmx16g");
            err.flush();
            code = 1;
        }
        out.flush();
        return code;
    }
}
