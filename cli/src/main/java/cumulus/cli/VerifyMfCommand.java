package cumulus.cli;

import cumulus.plugins.Cumulus;
import cumulus.api.MeanFieldVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify-mf", mixinStandardHelpOptions = true,
        description = "Decide symbolically whether mean field is exact as N -> infinity (paper Eq. S10): exact, not exact or undecided.")
final class VerifyMfCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default ${DEFAULT-VALUE})")
    Format format;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        ModelOptions.Resolved r = model.resolve();
        Cumulus c = r.cumulus();
        MeanFieldVerdict v = c.verifyMeanField(r.model());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("model", r.model().name());
                o.put("meanfield_exact", v.jsonValue());
                o.put("reasons", v.reasons());
                out.println(Output.json(o));
            }
            case csv -> {
                out.println("meanfield_exact,reason");
                if (v.reasons().isEmpty()) out.println(v.jsonValue() + ",");
                for (String s : v.reasons()) out.println(v.jsonValue() + "," + Output.csvCell(s));
            }
            case text -> {
                out.println(r.model().name() + switch (v.answer()) {
                    case EXACT -> ": mean field is exact as N -> infinity";
                    case NOT_EXACT -> ": mean field is NOT exact as N -> infinity";
                    case UNDECIDED -> ": UNDECIDED whether mean field is exact as N -> infinity (a coefficient's order in N is not known)";
                });
                for (String s : v.reasons()) out.println("  - " + s);
            }
        }
        return 0;
    }
}
