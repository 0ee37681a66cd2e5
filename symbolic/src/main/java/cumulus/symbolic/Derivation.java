package cumulus.symbolic;

import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Parameter;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.OpMono;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives the closed cumulant equations of a model at order k (1 = mean field, S3; 2 = S7–S9; 3 ...):
 * starts from the model's observables (m_i^a, x, p) and adds every cumulant the right-hand sides
 * need until the system is closed (as QuantumCumulants' {@code complete}).
 */
public final class Derivation {
    private Derivation() { }

    public static EquationSystem derive(Model model, int order) {
        if (order < 1) throw new ModelException("closure order must be 1, 2 or 3 (or higher), got " + order);
        Heisenberg h = new Heisenberg(model);
        checkNames(model, h);
        CumulantEngine eng = new CumulantEngine(h, order);
        Set<OpMono> found = new LinkedHashSet<>();
        Deque<OpMono> queue = new ArrayDeque<>();
        for (int l = 0; l < h.letters.count; l++) {
            OpMono m = OpMono.letter(h.letters.count, l);
            found.add(m);
            queue.add(m);
        }
        close(eng, found, queue);
        // first moments that close exactly (linear equations) need no cumulant; a closure of order >= 2
        // still evolves the second cumulants K(a,b) of every pair of observables, so that cumulant2/3
        // print their K and C columns
        if (order >= 2 && found.stream().allMatch(m -> m.degree() < 2)) {
            for (int a = 0; a < h.letters.count; a++) for (int b = a; b < h.letters.count; b++) {
                OpMono m = OpMono.ofLetters(h.letters.count, List.of(a, b));
                if (found.add(m)) queue.add(m);
            }
            close(eng, found, queue);
        }
        List<OpMono> sorted = new ArrayList<>(found);
        sorted.sort(null);
        List<String> names = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        List<Poly> rhs = new ArrayList<>();
        for (OpMono u : sorted) {
            names.add(eng.name(u));
            orders.add(u.degree());
            Poly r = eng.cumulantRhs(u);
            rhs.add(r);
        }
        return new EquationSystem(model.name(), order, names, orders, parameterNames(model, rhs, names), rhs);
    }

    /** Adds every cumulant the right-hand sides of the queued ones need, until none is missing. */
    private static void close(CumulantEngine eng, Set<OpMono> found, Deque<OpMono> queue) {
        while (!queue.isEmpty()) {
            OpMono u = queue.poll();
            Poly r = eng.cumulantRhs(u);
            List<OpMono> needed = new ArrayList<>(eng.subBlocks(u));
            for (String a : r.atomNames()) {
                OpMono m = eng.multiset(a);
                if (m != null) needed.add(m);
            }
            for (OpMono m : needed) if (found.add(m)) queue.add(m);
        }
    }

    /** Parameter names must not collide with the unknowns' names (m1x, x, p, K(...)) or N's role. */
    static void checkNames(Model model, Heisenberg h) {
        for (Parameter p : model.parameters()) {
            if (h.letters.names().contains(p.name()) || p.name().startsWith("K(") || p.name().matches("m\\d+[xyz]"))
                throw new ModelException("model " + model.name() + ": parameter '" + p.name() + "' has the name of an observable or cumulant (m1x, x, p, K(...)): rename it");
        }
    }

    static List<String> parameterNames(Model model, List<Poly> rhs, List<String> unknowns) {
        Set<String> symbols = new TreeSet<>();
        for (Poly r : rhs) symbols.addAll(r.symbolNames());
        unknowns.forEach(symbols::remove);
        symbols.remove("t");
        List<String> out = new ArrayList<>();
        for (Parameter p : model.parameters()) if (symbols.remove(p.name())) out.add(p.name());
        out.addAll(symbols);
        return out;
    }
}
