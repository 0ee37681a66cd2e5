package cumulus.cli;

import cumulus.api.SteadyStateResult;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "steady", mixinStandardHelpOptions = true,
        description = "Steady state: expectations, symmetrized second cumulants, C_diag and C_all.")
final class SteadyCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Mixin SolverOptions solver;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        C2Relaunch.arm();
        ModelOptions.Resolved r = model.resolve();
        Cumulus c = r.cumulus();
        SteadyStateResult s = c.steadyState(solver.method).steadyState(r.model(), r.parameters());
        PrintWriter out = spec.commandLine().getOut();
        Output.warnings(spec.commandLine().getErr(), s.warnings());
        switch (solver.format) {
            case json -> {
                Map<String, Object> o = Output.head(s.model(), s.parameters(), s.dimension());
                o.put("expectations", s.expectations());
                o.put("cumulants", s.cumulants());
                o.put("C_diag", s.cDiag());
                o.put("C_all", s.cAll());
                if (r.model().hasBoson()) o.put("top_fock_population", Output.num(s.topFockPopulation()));
                out.println(Output.json(Output.close(o, s.method(), s.seconds(), s.warnings())));
            }
            case csv -> {
                out.println("name,value");
                s.expectations().forEach((k, v) -> out.println(k + "," + v));
                s.cumulants().forEach((k, v) -> out.println(Output.csvCell(k) + "," + v));
                out.println("C_diag," + s.cDiag());
                out.println("C_all," + s.cAll());
                if (r.model().hasBoson()) out.println("top_fock_population," + s.topFockPopulation());
            }
            case text -> {
                out.printf("model %s, dimension %d, method: %s (%.3f s)%n", s.model(), s.dimension(), s.method(), s.seconds());
                s.expectations().forEach((k, v) -> out.printf("  <%s> = %+.12e%n", k, v));
                s.cumulants().forEach((k, v) -> out.printf("  %s = %+.12e%n", k, v));
                out.printf("C_diag = %.12e%nC_all  = %.12e%n", s.cDiag(), s.cAll());
                if (r.model().hasBoson()) out.printf("top Fock population = %.3e%n", s.topFockPopulation());
            }
        }
        return 0;
    }
}
