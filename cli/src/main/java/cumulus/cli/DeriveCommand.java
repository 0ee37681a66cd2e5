package cumulus.cli;

import cumulus.api.ModelException;
import cumulus.api.Equations;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "derive", mixinStandardHelpOptions = true,
        description = "Derive the closed equations of motion at cumulant order 1 (mean field), 2 or 3.")
final class DeriveCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Option(names = "--order", defaultValue = "1", description = "closure order: 1, 2 or 3 (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--format", defaultValue = "text", description = "text, latex or json (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--limit", description = "take the N -> infinity limit of the equations (the mean-field system at order 1)")
    boolean limit;

    @Option(names = "--emit-java", paramLabel = "DIR", description = "also write the generated Java right-hand side (as compiled by Janino) to DIR")
    java.nio.file.Path emitJava;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        if (order < 1 || order > 3) throw new ModelException("--order must be 1, 2 or 3, got " + order);
        if (!format.equals("text") && !format.equals("latex") && !format.equals("json"))
            throw new ModelException("--format for derive must be text, latex or json, got '" + format + "'");
        ModelOptions.Resolved r = model.resolve();
        Cumulus c = r.cumulus();
        Equations sys = c.derive(r.model(), order, limit);
        if (emitJava != null) {
            String cls = "Rhs_" + r.model().name().replaceAll("[^A-Za-z0-9]", "_") + "_order" + order + (limit ? "_limit" : "");
            String src = c.javaSource(sys, cls);
            String header = "// model " + r.model().name() + ", order " + order + (limit ? ", N -> infinity" : "") + "\n"
                    + "// unknowns y[k]: " + sys.unknowns() + "\n// parameters p[j]: " + sys.parameters() + "\n";
            AtomicFiles.write(emitJava.resolve(cls + ".java"), header + src);
            spec.commandLine().getErr().println("cumulus: wrote " + emitJava.resolve(cls + ".java"));
        }
        String text = switch (format) {
            case "latex" -> sys.latex();
            case "json" -> Output.json(sys.json());
            default -> sys.text();
        };
        spec.commandLine().getOut().println(text);
        return 0;
    }
}
