package cumulus.cli;

import cumulus.api.CorrelationResult;
import cumulus.api.NumericalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "correlate", mixinStandardHelpOptions = true,
        description = "Steady-state two-time correlation <A(tau)B(0)> by the quantum regression theorem (CSV: tau, re, im).")
final class CorrelateCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Mixin ObservablePair ab;

    @Option(names = "--tau-end", defaultValue = "10", description = "last delay tau (default ${DEFAULT-VALUE})")
    double tauEnd;

    @Option(names = "--dt", defaultValue = "0.1", description = "delay step (default ${DEFAULT-VALUE})")
    double dt;

    @Option(names = "--connected", description = "subtract <A><B>: the connected correlation <A(tau)B(0)> - <A><B>")
    boolean connected;

    @Mixin TableOutput output;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        ModelOptions.Resolved r = model.resolve();
        CorrelationResult c = r.cumulus().correlate(r.model(), r.parameters(), ab.a, ab.b, tauEnd, dt, connected);
        Output.warnings(spec.commandLine().getErr(), c.warnings());
        String text = switch (output.format) {
            case csv, text -> {
                StringBuilder sb = new StringBuilder("tau,re,im\n");
                for (int i = 0; i < c.tau().length; i++) sb.append(c.tau()[i]).append(',').append(c.re()[i]).append(',').append(c.im()[i]).append('\n');
                yield sb.toString();
            }
            case json -> {
                Map<String, Object> o = Output.head(c.model(), c.parameters(), -1);
                o.remove("dimension");
                o.put("a", c.a());
                o.put("b", c.b());
                o.put("connected", c.connected());
                o.put("mean_a", Output.complex(c.meanA()));
                o.put("mean_b", Output.complex(c.meanB()));
                o.put("tau", list(c.tau()));
                o.put("re", list(c.re()));
                o.put("im", list(c.im()));
                if (!c.complete()) o.put("failure", c.failure());
                yield Output.json(Output.close(o, c.method(), c.seconds(), c.warnings())) + "\n";
            }
        };
        output.emit(text, spec.commandLine().getOut());
        if (!c.complete()) {
            double last = c.tau().length == 0 ? Double.NaN : c.tau()[c.tau().length - 1];
            throw new NumericalException(c.failure() + " (the " + c.tau().length + " rows up to tau = " + last + " are kept)");
        }
        return 0;
    }

    static List<Object> list(double[] v) {
        List<Object> o = new ArrayList<>();
        for (double x : v) o.add(Output.num(x));
        return o;
    }
}
