package cumulus.cli;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.plugins.Cumulus;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model argument and {@code --set name=value[,name=value...]} shared by the model commands. */
public final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "model name (see 'cumulus models') or model file (.yaml, see docs/writing-a-model.md)")
    String model;

    @Option(names = "--set", paramLabel = "NAME=VALUE[,NAME=VALUE...]", description = "model parameters (repeatable)")
    List<String> set = new ArrayList<>();

    /** The overrides as name → text, in order; a malformed entry is an error naming it. */
    Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String group : set) {
            for (String item : group.split(",")) {
                int eq = item.indexOf('=');
                if (eq <= 0 || eq == item.length() - 1 || item.indexOf('=', eq + 1) >= 0)
                    throw new ModelException("malformed --set '" + item + "': expected NAME=VALUE, e.g. --set N=32,omega_x=2");
                String name = item.substring(0, eq).trim();
                if (out.containsKey(name))
                    throw new ModelException("--set gives " + name + " twice (" + name + "=" + out.get(name) + " and " + item.trim() + "): give each parameter once");
                out.put(name, item.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** The toolkit, the model and its resolved, checked parameter values. */
    Resolved resolve() {
        Cumulus cumulus = Cumulus.create();
        Model m = cumulus.model(model);
        return new Resolved(cumulus, m, m.resolve(overrides()));
    }

    record Resolved(Cumulus cumulus, Model model, Map<String, Double> parameters) { }
}
