package cumulus.cli;

import cumulus.api.InitialState;
import cumulus.api.ModelException;
import cumulus.api.NumericalException;
import cumulus.api.Progress;
import cumulus.api.Trajectory;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evolve", mixinStandardHelpOptions = true,
        description = "Time evolution of the observables (CSV: column t, then one column per observable).")
final class EvolveCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Option(names = "--method", defaultValue = "exact", description = "evolution method (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--t-end", defaultValue = "10", description = "final time (default ${DEFAULT-VALUE})")
    double tEnd;

    @Option(names = "--dt", defaultValue = "0.1", description = "output interval (default ${DEFAULT-VALUE})")
    double dt;

    @Option(names = "--initial",
            description = "initial state: up, down, coherent:THETA,PHI, dicke:M, squeezed:MU per ensemble separated by ';', then vacuum, boson-coherent:RE[,IM], boson-squeezed:R,PHI or boson-thermal:NBAR; or file:RHO.mtx (Matrix Market density matrix, exact method) (default up); "
                    + "repeat for several states at once (exact method: one factorization, rows with an 'initial' column 1, 2, ...)")
    List<String> initials = new ArrayList<>();

    @Option(names = "--tol", description = "exact method: target 2-norm of the error of the state rho (Hilbert-Schmidt) at every output time; "
            + "observables such as m1z err by about as much (default 1e-9)")
    Double tol;

    @Option(names = "--stroboscopic", description = "sample at t = nT for a periodic model (T its period); --t-end counts time, or use --periods")
    boolean stroboscopic;

    @Option(names = "--periods", description = "with --stroboscopic: number of periods (instead of --t-end)")
    Integer periods;

    @Mixin TableOutput output;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        ModelOptions.Resolved r = model.resolve();
        Cumulus c = r.cumulus();
        if (stroboscopic) {
            if (!r.model().isPeriodic())
                throw new ModelException("--stroboscopic needs a periodic model (dicke-floquet, kerr-floquet); " + r.model().name() + " has no schedule");
            double period = 0;
            for (double d : r.model().schedule().durations(r.parameters())) period += d;
            if (periods != null) {
                if (periods < 1) throw new ModelException("--periods must be at least 1, got " + periods);
                tEnd = periods * period;
            } else tEnd = Math.floor(tEnd / period + 1e-9) * period;
            if (!(tEnd > 0)) throw new ModelException("--t-end is shorter than one period T = " + period + ": raise it or give --periods");
            dt = period;
        } else if (periods != null) throw new ModelException("--periods applies only with --stroboscopic");
        if (!(tEnd > 0) || !Double.isFinite(tEnd)) throw new ModelException("--t-end must be a positive number, got " + tEnd);
        if (!(dt > 0) || !Double.isFinite(dt) || dt > tEnd * (1 + 1e-12)) throw new ModelException("--dt must be positive and at most --t-end, got " + dt);
        if (tEnd / dt > 1e6) throw new ModelException("--t-end/--dt asks for more than 10^6 output rows: raise --dt");
        long started = System.nanoTime();
        if (initials.isEmpty()) initials.add("up");
        List<InitialState> inits = new ArrayList<>();
        for (String s : initials) inits.add(InitialState.parse(s, r.model()));
        InitialState init = inits.get(0);
        boolean exactOptions = inits.size() > 1 || tol != null;
        if (exactOptions && !method.equals("exact"))
            throw new ModelException((tol != null ? "--tol" : "several --initial states") + " apply to --method exact only, not " + method + ": drop them or use --method exact");
        if (exactOptions && stroboscopic)
            throw new ModelException((tol != null ? "--tol" : "several --initial states") + " do not apply with --stroboscopic: drop them");
        if (tol != null && !(tol > 0 && tol < 1)) throw new ModelException("--tol must be in (0, 1), got " + tol + ": e.g. --tol 1e-8");
        // exact stroboscopic samples come from the one-period map itself (no integration between the samples)
        Trajectory tr = stroboscopic && method.equals("exact") && c.floquetMethods().contains("exact")
                ? c.floquet("exact").stroboscopic(r.model(), r.parameters(), init, (int) Math.round(tEnd / dt))
                : method.equals("exact") && c.dynamicsMethods().contains("exact")
                ? c.evolveExact(r.model(), r.parameters(), inits, tEnd, dt, tol == null ? Cumulus.EXACT_TOLERANCE : tol)
                : c.dynamics(method).evolve(r.model(), r.parameters(), init, tEnd, dt);
        // runs long enough to print progress also say which propagator they used (failures keep their one line);
        // a notice like the progress lines, so --quiet drops it too
        if (tr.method() != null && tr.complete() && System.nanoTime() - started > 2_000_000_000L)
            Progress.get().note("evolve: " + tr.method());
        Output.warnings(spec.commandLine().getErr(), tr.warnings());
        String text = switch (output.format) {
            case csv, text -> csv(tr);
            case json -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("model", r.model().name());
                o.put("method", tr.method() == null ? method : method + ": " + tr.method());
                o.put("columns", tr.columns());
                List<Object> rows = new ArrayList<>();
                for (double[] row : tr.rows()) {
                    List<Object> v = new ArrayList<>();
                    for (double x : row) v.add(Output.num(x));
                    rows.add(v);
                }
                o.put("rows", rows);
                o.put("warnings", tr.warnings());
                if (!tr.complete()) o.put("failure", tr.failure());
                yield Output.json(o) + "\n";
            }
        };
        output.emit(text, spec.commandLine().getOut());
        if (!tr.complete()) {
            double last = tr.rows().isEmpty() ? Double.NaN : tr.rows().get(tr.rows().size() - 1)[0];
            throw new NumericalException(tr.failure() + " (the " + tr.rows().size() + " rows up to t = " + last + " are kept)");
        }
        return 0;
    }

    static String csv(Trajectory tr) {
        // RFC 4180: a header such as K(m1x,m1y) holds a comma and is quoted
        StringBuilder sb = new StringBuilder(String.join(",", tr.columns().stream().map(Output::csvCell).toList())).append('\n');
        for (double[] row : tr.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(row[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
