package cumulus.symbolic.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hermitian macroscopic letters of Eq. (5) in their canonical order: m_1^x &lt; m_1^y &lt; m_1^z
 * &lt; m_2^x &lt; ... &lt; x_1 &lt; p_1 &lt; x_2 &lt; p_2 ... (one quadrature pair per bosonic mode, named
 * x, p for a single mode and x1, p1, x2, p2, ... for several). Commutators: [m_i^a, m_j^b] =
 * (2i/N) δ_ij ε_abc m_i^c, [x_k, p_l] = (i/N) δ_kl, spins commute with every x_k, p_k.
 */
public final class Letters {
    public final int ensembles;
    /** Whether there is at least one bosonic mode. */
    public final boolean boson;
    /** The number of bosonic modes. */
    public final int modes;
    public final int count;
    private final List<String> names = new ArrayList<>();

    /** One bosonic mode or none. */
    public Letters(int ensembles, boolean boson) { this(ensembles, boson ? 1 : 0); }

    public Letters(int ensembles, int modes) {
        this.ensembles = ensembles;
        this.modes = modes;
        this.boson = modes > 0;
        this.count = 3 * ensembles + 2 * modes;
        for (int i = 1; i <= ensembles; i++) for (char c : new char[]{'x', 'y', 'z'}) names.add("m" + i + c);
        if (modes == 1) { names.add("x"); names.add("p"); }
        else for (int k = 1; k <= modes; k++) { names.add("x" + k); names.add("p" + k); }
    }

    /** Letter index of m_ensemble^component (ensemble from 1, component 0,1,2 = x,y,z). */
    public int spin(int ensemble, int component) { return 3 * (ensemble - 1) + component; }
    /** x of the first mode. */
    public int x() { return x(1); }
    /** p of the first mode. */
    public int p() { return p(1); }
    /** x_k of mode k (from 1). */
    public int x(int mode) { return 3 * ensembles + 2 * (mode - 1); }
    /** p_k of mode k (from 1). */
    public int p(int mode) { return 3 * ensembles + 2 * (mode - 1) + 1; }
    public boolean isSpin(int letter) { return letter < 3 * ensembles; }
    public String name(int letter) { return names.get(letter); }
    public List<String> names() { return List.copyOf(names); }
    public int index(String name) {
        int k = names.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("no letter " + name + " in " + names);
        return k;
    }

    @Override public boolean equals(Object o) { return o instanceof Letters l && l.ensembles == ensembles && l.modes == modes; }
    @Override public int hashCode() { return ensembles * 31 + modes; }
}
