package cumulus.symbolic.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A canonical operator word: the product of the letters in canonical order, letter k to the power
 * exps[k]. Also used as a multiset of letters (the key of a symmetrized moment or cumulant).
 */
public final class OpMono implements Comparable<OpMono> {
    final int[] exps;
    private final int hash;
    private final int degree;

    public OpMono(int[] exps) {
        this.exps = exps;
        this.hash = Arrays.hashCode(exps);
        int d = 0;
        for (int e : exps) d += e;
        this.degree = d;
    }

    public static OpMono identity(int letters) { return new OpMono(new int[letters]); }
    public static OpMono letter(int letters, int k) { int[] e = new int[letters]; e[k] = 1; return new OpMono(e); }

    public static OpMono ofLetters(int letters, List<Integer> ls) {
        int[] e = new int[letters];
        for (int l : ls) e[l]++;
        return new OpMono(e);
    }

    public int degree() { return degree; }
    public int exp(int letter) { return exps[letter]; }
    public int letterCount() { return exps.length; }

    /** The letters with repetition, in canonical order. */
    public List<Integer> letters() {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < exps.length; k++) for (int j = 0; j < exps[k]; j++) out.add(k);
        return out;
    }

    public String name(Letters l) {
        List<String> parts = new ArrayList<>();
        for (int k : letters()) parts.add(l.name(k));
        if (parts.isEmpty()) return "1";
        return parts.size() == 1 ? parts.get(0) : "K(" + String.join(",", parts) + ")";
    }

    @Override public boolean equals(Object o) { return o instanceof OpMono m && m.hash == hash && Arrays.equals(exps, m.exps); }
    @Override public int hashCode() { return hash; }

    /** By degree, then lexicographically by the letter sequence. */
    @Override public int compareTo(OpMono o) {
        if (degree != o.degree) return Integer.compare(degree, o.degree);
        List<Integer> a = letters(), b = o.letters();
        for (int k = 0; k < a.size(); k++) if (!a.get(k).equals(b.get(k))) return Integer.compare(a.get(k), b.get(k));
        return 0;
    }
}
