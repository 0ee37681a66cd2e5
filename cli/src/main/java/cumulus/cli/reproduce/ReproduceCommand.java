package cumulus.cli.reproduce;

import cumulus.api.ModelException;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code cumulus reproduce [FIGURE...] [--quick] [--out DIR]}: the paper's figures as PNG + CSV and
 * a summary.md (SPEC.md). With no FIGURE, all of them plus the diagnosis table. Progress goes to
 * stderr one line at a time; finished figures are skipped, so an interrupted run resumes.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the paper's figures: FIGURE.png + FIGURE.csv per figure and summary.md in DIR.",
                "Figures: fig1 fig2a fig2b fig3a fig3b fig3c figS1 fig4a fig4b figS2, and diagnosis (the Eq. 11 table); default: all.",
                "Figures already complete in DIR (same or full mode) are skipped; an interrupted run resumes where it stopped."})
public final class ReproduceCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FIGURE", description = "figures to make (default: all)")
    List<String> names = new ArrayList<>();

    @Option(names = "--quick", description = "smaller N and shorter times (about 2 minutes in all); a later full run redoes quick figures")
    boolean quick;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--force", description = "recompute figures even if they are complete in DIR")
    boolean force;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        Set<String> wanted = new LinkedHashSet<>(names);
        for (String n : wanted)
            if (Figures.byName(n) == null)
                throw new ModelException("unknown figure '" + n + "': known figures are " + String.join(", ", Figures.names()));
        List<Figure> figs = new ArrayList<>();
        for (Figure f : Figures.all()) if (wanted.isEmpty() || wanted.contains(f.name())) figs.add(f);
        PrintWriter err = spec.commandLine().getErr();
        Context ctx = new Context(Cumulus.create(), Context.findRefs(), err).sweeps(out.resolve("sweeps"));
        Map<String, Reproducer.Outcome> r = new Reproducer(figs, out, quick ? Mode.QUICK : Mode.FULL, ctx, err, force).run();
        return r.containsValue(Reproducer.Outcome.FAILED) ? 3 : 0;
    }
}
