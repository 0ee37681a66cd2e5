package cumulus.symbolic.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hermitian macroscopic letters of Eq. (5) in their canonical order: m_1^x &lt; m_1^y &lt; m_1^z
 * &lt; m_2^x &lt; ... &lt; x &lt; p. Commutators: [m_i^a, m_j^b] = (2i/N) δ_ij ε_abc m_i^c,
 * [x, p] = i/N, spins commute with x, p.
 */
public final class Letters {
    public final int ensembles;
    public final boolean boson;
    public final int count;
    private final List<String> names = new ArrayList<>();

    public Letters(int ensembles, boolean boson) {
        this.ensembles = ensembles;
        this.boson = boson;
        this.count = 3 * ensembles + (boson ? 2 : 0);
        for (int i = 1; i <= ensembles; i++) for (char c : new char[]{'x', 'y', 'z'}) names.add("m" + i + c);
        if (boson) { names.add("x"); names.add("p"); }
    }

    /** Letter index of m_ensemble^component (ensemble from 1, component 0,1,2 = x,y,z). */
    public int spin(int ensemble, int component) { return 3 * (ensemble - 1) + component; }
    public int x() { return 3 * ensembles; }
    public int p() { return 3 * ensembles + 1; }
    public boolean isSpin(int letter) { return letter < 3 * ensembles; }
    public String name(int letter) { return names.get(letter); }
    public List<String> names() { return List.copyOf(names); }
    public int index(String name) {
        int k = names.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("no letter " + name + " in " + names);
        return k;
    }

    @Override public boolean equals(Object o) { return o instanceof Letters l && l.ensembles == ensembles && l.boson == boson; }
    @Override public int hashCode() { return ensembles * 2 + (boson ? 1 : 0); }
}
