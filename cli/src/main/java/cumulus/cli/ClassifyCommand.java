package cumulus.cli;

import cumulus.api.InitialState;
import cumulus.api.ModelException;
import cumulus.plugins.AttractorClassifier;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify the late-time dynamics: fixed-point, closed-orbits, limit-cycle, quasi-periodic, irregular or undecided, "
                + "with period, multiplicity and the measured number that decided it.")
final class ClassifyCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Option(names = "--method", defaultValue = "meanfield", description = "meanfield or cumulant2 (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--t-end", defaultValue = "400", description = "integration time; the second half is analysed, and a run to twice it when the first does not decide (default ${DEFAULT-VALUE})")
    double tEnd;

    @Option(names = "--dt", defaultValue = "0.01", description = "sampling interval (default ${DEFAULT-VALUE})")
    double dt;

    @Option(names = "--initial", defaultValue = "coherent:0.10017,0", description = "initial state (default ${DEFAULT-VALUE})")
    String initial;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default ${DEFAULT-VALUE})")
    Format format;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        if (!method.equals("meanfield") && !method.equals("cumulant2") && !method.equals("cumulant3"))
            throw new ModelException("--method for classify must be meanfield, cumulant2 or cumulant3, got '" + method + "'");
        if (!(dt > 0) || !(tEnd > 0)) throw new ModelException("--t-end and --dt must be positive");
        ModelOptions.Resolved r = model.resolve();
        Cumulus c = r.cumulus();
        InitialState init = InitialState.parse(initial, r.model());
        AttractorClassifier.Result res = AttractorClassifier.classify(c.dynamics(method), r.model(), r.parameters(), init, tEnd, dt);
        PrintWriter out = spec.commandLine().getOut();
        Double period = finite(res.period());
        Double suggested = finite(res.suggestedTEnd());
        AttractorClassifier.DecidedBy by = res.decidedBy();
        switch (format) {
            case json -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("model", r.model().name());
                o.put("method", method);
                o.put("attractor", res.attractor().label);
                o.put("period", period);
                o.put("multiplicity", res.multiplicity());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("kind", by.kind());
                d.put("value", finite(by.value()));
                d.put("t_end", by.tEnd());
                o.put("decided_by", d);
                o.put("suggested_t_end", suggested);
                o.put("observable", res.observable());
                o.put("maxima", res.maxima());
                o.put("details", res.details());
                out.println(Output.json(o));
            }
            case csv -> {
                out.println("attractor,period,multiplicity,decided_by,decided_by_value,decided_at_t_end,suggested_t_end");
                out.println(String.join(",", res.attractor().label, cell(period), String.valueOf(res.multiplicity()), by.kind(),
                        cell(finite(by.value())), cell(by.tEnd()), cell(suggested)));
            }
            case text -> {
                out.println(r.model().name() + " (" + method + "): " + res.attractor().label
                        + (period == null ? "" : String.format(Locale.ROOT, ", period %.6f, multiplicity %d", period, res.multiplicity()))
                        + String.format(Locale.ROOT, "; decided by %s = %.6g at t-end %s", by.kind(), by.value(), cell(by.tEnd()))
                        + (suggested == null ? "" : "; --t-end " + cell(suggested) + " would decide"));
                out.println("  " + res.details());
            }
        }
        return 0;
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    private static String cell(Double v) { return v == null ? "" : v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.valueOf(v); }
}
