package cumulus.plugins.sweep;

import cumulus.api.Complex;
import cumulus.api.FloquetResult;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.NumericalException;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.plugins.AttractorClassifier;
import cumulus.plugins.Cumulus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One grid point: the single commands' computations with the same solvers and options, so each
 * row equals what {@code steady}, {@code spectrum}, {@code classify} and {@code floquet} print for
 * that point. A failure is that point's status, in the single command's one-line wording, prefixed
 * by the computation that failed; the cells computed before it are kept.
 */
final class PointRunner {
    /** A finished point: its output cells (empty where not computed), wall seconds and status ({@code ok} or the error). */
    record Outcome(List<String> cells, double seconds, String status) { }

    private final Cumulus cumulus;
    private final Model model;
    private final SweepRequest request;
    private final int width;

    PointRunner(Cumulus cumulus, Model model, SweepRequest request) {
        this.cumulus = cumulus;
        this.model = model;
        this.request = request;
        int w = 0;
        for (Compute c : request.compute()) w += c.columns(model).size();
        this.width = w;
    }

    Outcome run(Grid.Point p) {
        long t0 = System.nanoTime();
        List<String> cells = new ArrayList<>();
        String status = "ok";
        Compute current = null;
        try {
            Map<String, String> overrides = new LinkedHashMap<>(request.fixed());
            p.values().forEach((k, v) -> overrides.put(k, Cells.number(v)));
            Map<String, Double> params = model.resolve(overrides);
            for (Compute c : request.compute()) {
                current = c;
                cells.addAll(compute(c, params));
            }
        } catch (ModelException e) {
            status = prefix(current) + "error: " + e.getMessage();
        } catch (NumericalException e) {
            status = prefix(current) + "numerical failure: " + e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            status = prefix(current) + "internal error: " + e;
        } catch (OutOfMemoryError e) {
            status = prefix(current) + "error: out of memory (max heap " + String.format("%.1f", Runtime.getRuntime().maxMemory() / 1e9) + " GB)";
        }
        while (cells.size() < width) cells.add("");
        return new Outcome(cells, (System.nanoTime() - t0) / 1e9, status);
    }

    private static String prefix(Compute c) { return c == null ? "" : c.label + ": "; }

    private List<String> compute(Compute c, Map<String, Double> params) {
        List<String> out = new ArrayList<>();
        switch (c) {
            case STEADY -> {
                SteadyStateResult s = cumulus.steadyState(request.method()).steadyState(model, params);
                for (Model.Observable o : model.observables()) out.add(Cells.number(s.expectations().getOrDefault(o.name(), Double.NaN)));
                out.add(Cells.number(s.cDiag()));
                out.add(Cells.number(s.cAll()));
                if (model.hasBoson()) out.add(Cells.number(s.topFockPopulation()));
            }
            case SPECTRUM -> {
                SpectrumResult s = cumulus.spectrum(request.method()).spectrum(model, params, request.count());
                out.add(Cells.number(s.lambda1().re()));
                out.add(Cells.number(s.lambda1().im()));
                out.add(Cells.number(s.spectralGap()));
            }
            case CLASSIFY -> {
                String m = request.classifyMethod();
                if (!m.equals("meanfield") && !m.equals("cumulant2") && !m.equals("cumulant3"))
                    throw new ModelException("--classify-method must be meanfield, cumulant2 or cumulant3, got '" + m + "'");
                InitialState init = InitialState.parse(request.initial(), model);
                AttractorClassifier.Result r = AttractorClassifier.classify(cumulus.dynamics(m), model, params, init, request.tEnd(), request.dt());
                out.add(r.attractor().label);
                out.add(Cells.number(r.period()));
                out.add(String.valueOf(r.multiplicity()));
                out.add(r.decidedBy().kind());
                out.add(Cells.number(r.decidedBy().value()));
                out.add(Cells.number(r.suggestedTEnd()));
            }
            case FLOQUET -> {
                FloquetResult f = cumulus.floquet(request.method()).floquet(model, params, request.count());
                List<Complex> mu = f.multipliers();
                out.add(Cells.number(mu.size() > 1 ? mu.get(1).abs() : Double.NaN));
                out.add(Cells.number(f.floquetGap()));
            }
        }
        return out;
    }
}
