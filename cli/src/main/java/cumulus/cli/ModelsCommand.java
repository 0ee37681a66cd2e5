package cumulus.cli;

import cumulus.api.Model;
import cumulus.api.Parameter;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models with their parameters and defaults.")
final class ModelsCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default ${DEFAULT-VALUE})")
    Format format;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Cumulus c = Cumulus.create();
        switch (format) {
            case json -> {
                List<Object> list = new ArrayList<>();
                for (Model m : c.models().all().values()) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("name", m.name());
                    o.put("description", m.description());
                    List<Object> ps = new ArrayList<>();
                    for (Parameter p : m.parameters()) {
                        Map<String, Object> q = new LinkedHashMap<>();
                        q.put("name", p.name());
                        q.put("default", p.defaultValue());
                        q.put("description", p.description());
                        ps.add(q);
                    }
                    o.put("parameters", ps);
                    list.add(o);
                }
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("models", list);
                o.put("methods", methods(c));
                out.println(Output.json(o));
            }
            case csv -> {
                out.println("model,parameter,default,description");
                for (Model m : c.models().all().values())
                    for (Parameter p : m.parameters())
                        out.println(m.name() + "," + p.name() + "," + p.defaultValue() + "," + Output.csvCell(p.description()));
            }
            case text -> {
                for (Model m : c.models().all().values()) {
                    out.println(m.name() + ": " + m.description());
                    for (Parameter p : m.parameters())
                        out.printf("    %-10s %-8s %s%n", p.name(), fmt(p.defaultValue()), p.description());
                }
                out.println("methods (--method):");
                methods(c).forEach((k, v) -> out.printf("    %-10s %s%n", k, String.join(", ", v)));
            }
        }
        return 0;
    }

    /** The solvers registered for each command, by name. */
    static Map<String, java.util.Set<String>> methods(Cumulus c) {
        Map<String, java.util.Set<String>> m = new LinkedHashMap<>();
        m.put("spectrum", c.spectrumMethods());
        m.put("steady", c.steadyStateMethods());
        m.put("evolve", c.dynamicsMethods());
        m.put("floquet", c.floquetMethods());
        return m;
    }

    static String fmt(double x) { return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x); }
}
