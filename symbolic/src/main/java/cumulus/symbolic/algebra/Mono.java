package cumulus.symbolic.algebra;

import java.util.Arrays;

/**
 * A commutative Laurent monomial Π atom^(halves/2): atom ids ascending, exponents in halves, none
 * zero. Square roots of primes keep exponent 1/2 only (the rest goes into the coefficient).
 */
public final class Mono implements Comparable<Mono> {
    final int[] ids;
    final int[] halves;
    private final int hash;

    public static final Mono ONE = new Mono(new int[0], new int[0]);

    Mono(int[] ids, int[] halves) {
        this.ids = ids; this.halves = halves;
        this.hash = 31 * Arrays.hashCode(ids) + Arrays.hashCode(halves);
    }

    public static Mono of(int id, int halves) {
        return halves == 0 ? ONE : new Mono(new int[]{id}, new int[]{halves});
    }

    public int size() { return ids.length; }
    public int id(int k) { return ids[k]; }
    public int halves(int k) { return halves[k]; }

    /** Exponent (in halves) of the atom, 0 if absent. */
    public int halvesOf(int id) {
        int k = Arrays.binarySearch(ids, id);
        return k >= 0 ? halves[k] : 0;
    }

    public boolean isOne() { return ids.length == 0; }

    /** Product; the numeric factor from folding prime square roots is returned in {@code factor[0]}. */
    Mono times(Mono o, QI[] factor) {
        factor[0] = QI.ONE;
        if (o.ids.length == 0) return this;
        if (ids.length == 0) return o;
        int[] ri = new int[ids.length + o.ids.length], rh = new int[ri.length];
        int i = 0, j = 0, n = 0;
        while (i < ids.length || j < o.ids.length) {
            int id, h;
            if (j >= o.ids.length || (i < ids.length && ids[i] < o.ids[j])) { id = ids[i]; h = halves[i++]; }
            else if (i >= ids.length || o.ids[j] < ids[i]) { id = o.ids[j]; h = o.halves[j++]; }
            else { id = ids[i]; h = halves[i++] + o.halves[j++]; }
            if (h != 0 && Atoms.kind(id) == Atoms.Kind.PRIME) {
                long p = Atoms.primeValue(id);
                while (h >= 2) { factor[0] = factor[0].times(QI.of(p)); h -= 2; }
                while (h < 0) { factor[0] = factor[0].times(QI.of(1, p)); h += 2; }
            }
            if (h != 0) { ri[n] = id; rh[n++] = h; }
        }
        return new Mono(Arrays.copyOf(ri, n), Arrays.copyOf(rh, n));
    }

    /** Power with an integer exponent; prime roots folded as in {@link #times}. */
    Mono pow(int e, QI[] factor) {
        Mono r = ONE;
        QI f = QI.ONE;
        QI[] tmp = new QI[1];
        Mono b = e >= 0 ? this : inverseRaw();
        for (int k = 0; k < Math.abs(e); k++) { r = r.times(b, tmp); f = f.times(tmp[0]); }
        factor[0] = f;
        return r;
    }

    /** Exponents negated (prime roots then normalized by the caller through times). */
    Mono inverseRaw() {
        int[] h = new int[halves.length];
        for (int k = 0; k < h.length; k++) h[k] = -halves[k];
        return new Mono(ids.clone(), h);
    }

    /** Exponents times {@code num/den} if all stay in halves; null otherwise. */
    Mono scaleExponents(int num, int den) {
        int[] h = new int[halves.length];
        for (int k = 0; k < h.length; k++) {
            long v = (long) halves[k] * num;
            if (v % den != 0) return null;
            h[k] = (int) (v / den);
        }
        return new Mono(ids.clone(), h);
    }

    /** The monomial with one atom removed. */
    public Mono without(int id) {
        int k = Arrays.binarySearch(ids, id);
        if (k < 0) return this;
        int[] ri = new int[ids.length - 1], rh = new int[ids.length - 1];
        for (int a = 0, b = 0; a < ids.length; a++) if (a != k) { ri[b] = ids[a]; rh[b++] = halves[a]; }
        return new Mono(ri, rh);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Mono m && hash == m.hash && Arrays.equals(ids, m.ids) && Arrays.equals(halves, m.halves);
    }
    @Override public int hashCode() { return hash; }

    /** Order by atom names then exponents (deterministic printing independent of registration order). */
    @Override public int compareTo(Mono o) {
        String a = sortKey(), b = o.sortKey();
        return a.compareTo(b);
    }

    private String sortKey() {
        String[] parts = new String[ids.length];
        for (int k = 0; k < ids.length; k++) parts[k] = Atoms.name(ids[k]) + "\u0001" + (char) ('a' + 64 + halves[k]);
        Arrays.sort(parts);
        return String.join("\u0002", parts);
    }

}
