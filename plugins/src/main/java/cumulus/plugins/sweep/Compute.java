package cumulus.plugins.sweep;

import cumulus.api.Model;
import cumulus.api.ModelException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a sweep computes at each point, and the results.csv columns each one fills (the single commands' JSON names). */
public enum Compute {
    STEADY("steady"), SPECTRUM("spectrum"), CLASSIFY("classify"), FLOQUET("floquet");

    public final String label;

    Compute(String label) { this.label = label; }

    /** {@code steady,spectrum,...}, in the order given. */
    public static List<Compute> parse(String list) {
        Set<Compute> out = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            Compute c = null;
            for (Compute k : values()) if (k.label.equals(s.trim())) c = k;
            if (c == null) throw new ModelException("--compute: unknown computation '" + s.trim() + "': choose from steady, spectrum, classify, floquet (comma-separated)");
            if (!out.add(c)) throw new ModelException("--compute lists " + c.label + " twice: give each once");
        }
        return List.copyOf(out);
    }

    /**
     * steady: the expectations of SPEC's observables ({@code m1x}, ..., {@code x}, {@code p}),
     * {@code C_diag}, {@code C_all} (and {@code top_fock_population} with a boson); spectrum:
     * {@code lambda1_re}, {@code lambda1_im}, {@code spectral_gap}; classify: {@code attractor},
     * {@code period}, {@code multiplicity}, {@code decided_by}, {@code decided_by_value},
     * {@code suggested_t_end}; floquet: {@code mu1_abs}, {@code floquet_gap}.
     */
    public List<String> columns(Model m) {
        List<String> out = new ArrayList<>();
        switch (this) {
            case STEADY -> {
                for (Model.Observable o : m.observables()) out.add(o.name());
                out.add("C_diag");
                out.add("C_all");
                if (m.hasBoson()) out.add("top_fock_population");
            }
            case SPECTRUM -> out.addAll(List.of("lambda1_re", "lambda1_im", "spectral_gap"));
            case CLASSIFY -> out.addAll(List.of("attractor", "period", "multiplicity", "decided_by", "decided_by_value", "suggested_t_end"));
            case FLOQUET -> out.addAll(List.of("mu1_abs", "floquet_gap"));
        }
        return out;
    }
}
