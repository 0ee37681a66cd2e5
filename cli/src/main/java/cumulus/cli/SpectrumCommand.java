package cumulus.cli;

import cumulus.api.Complex;
import cumulus.api.ModelException;
import cumulus.api.SpectrumResult;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = "Liouvillian eigenvalues of largest real part, the gap eigenvalue lambda1 and spectral_gap = -Re(lambda1).")
final class SpectrumCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Option(names = "--count", defaultValue = "6", description = "number of eigenvalues to report (default ${DEFAULT-VALUE})")
    int count;

    @Mixin SolverOptions solver;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        if (count < 2) throw new ModelException("--count must be at least 2 (lambda0 = 0 and lambda1), got " + count);
        ModelOptions.Resolved r = model.resolve();
        Cumulus c = r.cumulus();
        SpectrumResult s = c.spectrum(solver.method).spectrum(r.model(), r.parameters(), count);
        PrintWriter out = spec.commandLine().getOut();
        Output.warnings(spec.commandLine().getErr(), s.warnings());
        switch (solver.format) {
            case json -> {
                Map<String, Object> o = Output.head(s.model(), s.parameters(), s.dimension());
                o.put("eigenvalues", Output.complexList(s.eigenvalues()));
                o.put("lambda1", Output.complex(s.lambda1()));
                o.put("spectral_gap", s.spectralGap());
                out.println(Output.json(Output.close(o, s.method(), s.seconds(), s.warnings())));
            }
            case csv -> {
                out.println("index,re,im");
                for (int i = 0; i < s.eigenvalues().size(); i++) {
                    Complex z = s.eigenvalues().get(i);
                    out.println(i + "," + z.re() + "," + z.im());
                }
            }
            case text -> {
                out.printf("model %s, dimension %d, method: %s (%.3f s)%n", s.model(), s.dimension(), s.method(), s.seconds());
                for (int i = 0; i < s.eigenvalues().size(); i++) {
                    Complex z = s.eigenvalues().get(i);
                    out.printf("  lambda%-3d %+.12e %+.12e i%n", i, z.re(), z.im());
                }
                out.printf("spectral_gap = %.12e%n", s.spectralGap());
            }
        }
        return 0;
    }
}
