package cumulus.cli;

import cumulus.api.Complex;
import cumulus.api.FloquetResult;
import cumulus.api.ModelException;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "floquet", mixinStandardHelpOptions = true,
        description = "Floquet multipliers of a periodic model (largest |mu| first), floquet_gap = 1 - |mu1|, and the Floquet steady state.")
final class FloquetCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Option(names = "--count", defaultValue = "6", description = "number of multipliers to report (default ${DEFAULT-VALUE})")
    int count;

    @Mixin SolverOptions solver;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        if (count < 2) throw new ModelException("--count must be at least 2 (mu0 = 1 and mu1), got " + count);
        ModelOptions.Resolved r = model.resolve();
        Cumulus c = r.cumulus();
        FloquetResult f = c.floquet(solver.method).floquet(r.model(), r.parameters(), count);
        PrintWriter out = spec.commandLine().getOut();
        Output.warnings(spec.commandLine().getErr(), f.warnings());
        switch (solver.format) {
            case json -> {
                Map<String, Object> o = Output.head(f.model(), f.parameters(), f.dimension());
                o.put("period", f.period());
                o.put("multipliers", Output.complexList(f.multipliers()));
                o.put("floquet_gap", f.floquetGap());
                o.put("expectations", f.expectations());
                o.put("cumulants", f.cumulants());
                if (r.model().hasBoson()) o.put("top_fock_population", Output.num(f.topFockPopulation()));
                out.println(Output.json(Output.close(o, f.method(), f.seconds(), f.warnings())));
            }
            case csv -> {
                out.println("index,re,im,abs");
                for (int i = 0; i < f.multipliers().size(); i++) {
                    Complex z = f.multipliers().get(i);
                    out.println(i + "," + z.re() + "," + z.im() + "," + z.abs());
                }
            }
            case text -> {
                out.printf("model %s, dimension %d, period %.6f, method: %s (%.3f s)%n", f.model(), f.dimension(), f.period(), f.method(), f.seconds());
                for (int i = 0; i < f.multipliers().size(); i++) {
                    Complex z = f.multipliers().get(i);
                    out.printf("  mu%-3d %+.12e %+.12e i   |mu| = %.12f%n", i, z.re(), z.im(), z.abs());
                }
                out.printf("floquet_gap = %.12e%n", f.floquetGap());
                f.expectations().forEach((k, v) -> out.printf("  <%s> = %+.12e%n", k, v));
                f.cumulants().forEach((k, v) -> out.printf("  %s = %+.12e%n", k, v));
                if (r.model().hasBoson()) out.printf("top Fock population = %.3e%n", f.topFockPopulation());
            }
        }
        return 0;
    }
}
