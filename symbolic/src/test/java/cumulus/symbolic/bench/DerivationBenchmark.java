package cumulus.symbolic.bench;

import cumulus.api.Model;
import cumulus.api.ModelPlugin;
import cumulus.symbolic.Derivation;
import cumulus.symbolic.EquationSystem;

import java.util.ServiceLoader;

/**
 * Prints derivation times of btc-pair at orders 2 and 3, cold (first call in the JVM) and warm
 * (best of repeated calls). Not a test. Run with the models jar on the class path, e.g.
 * {@code java -cp symbolic.jar:api.jar:models.jar cumulus.symbolic.bench.DerivationBenchmark [model]}.
 */
public final class DerivationBenchmark {
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "btc-pair";
        Model model = null;
        for (ModelPlugin p : ServiceLoader.load(ModelPlugin.class)) if (p.model().name().equals(name)) model = p.model();
        if (model == null) throw new IllegalArgumentException("no model " + name + " on the class path");
        for (int order : new int[]{2, 3}) {
            long t0 = System.nanoTime();
            EquationSystem s = Derivation.derive(model, order);
            double cold = (System.nanoTime() - t0) / 1e9;
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 5; k++) {
                long t1 = System.nanoTime();
                Derivation.derive(model, order);
                best = Math.min(best, (System.nanoTime() - t1) / 1e9);
            }
            System.out.printf("%s order %d: %d unknowns, cold %.3f s, warm %.3f s%n", name, order, s.size(), cold, best);
        }
    }
}
