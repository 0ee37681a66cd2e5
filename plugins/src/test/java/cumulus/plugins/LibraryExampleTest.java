package cumulus.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import cumulus.api.Equations;
import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.api.SpectrumResult;
import cumulus.api.SpectrumSolver;
import cumulus.api.Trajectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** docs/using-cumulus-as-a-library.md, line for line, and a solver added by one class plus one binding. */
class LibraryExampleTest {

    @Test
    void theLibraryExampleOfTheDocsRunsAndMatchesQutip() {
        // --- docs/using-cumulus-as-a-library.md ---
        Model btc = Model.builder("my-btc")
                .spinEnsembles(1, 8)
                .real("omega_x", 2, "drive").real("kappa", 1, "decay")
                .hamiltonian(OpSum.sx(1).scale("omega_x"))           // H = omega_x S^x
                .jump("kappa/S", OpSum.sm(1))                        // (kappa/S) D[S^-]
                .build();
        Cumulus cumulus = Cumulus.create();
        Map<String, Double> p = btc.resolve(Map.of("N", "8"));
        Equations mf = cumulus.derive(btc, 1, true);                                     // dm/dt, N -> infinity
        Trajectory tr = cumulus.dynamics("meanfield").evolve(btc, p, InitialState.parse("up", btc), 20, 0.1);
        SpectrumResult s = cumulus.spectrumSolver().spectrum(btc, p, 4);                 // exact, finite N
        // --- end ---
        assertEquals(List.of("m1x", "m1y", "m1z"), mf.unknowns());
        assertEquals(201, tr.rows().size());
        assertEquals(-0.15304426446240843, s.lambda1().re(), 1e-9, "refs/btc_spectrum.csv, N = 8");
    }

    /** A new spectrum solver: one class ... */
    static final class DenseOnly implements SpectrumSolver {
        @Override public String method() { return "dense"; }
        @Override public SpectrumResult spectrum(Model model, Map<String, Double> parameters, int count) {
            return new cumulus.solvers.ExactEngine(Integer.MAX_VALUE).spectrum(model, parameters, count);
        }
    }

    @Test
    void aNewSolverIsOneClassPlusOneBinding() {
        Cumulus c = Cumulus.create(getClass().getClassLoader(), new AbstractModule() {
            @Override protected void configure() {
                Multibinder.newSetBinder(binder(), SpectrumSolver.class).addBinding().to(DenseOnly.class);   // ... plus one binding
            }
        });
        assertEquals(java.util.Set.of("dense", "exact", "rightmost"), c.spectrumMethods());
        Model btc = c.models().get("btc");
        Map<String, Double> p = btc.resolve(Map.of("N", "8"));
        assertEquals(c.spectrum("exact").spectrum(btc, p, 4).lambda1().re(), c.spectrum("dense").spectrum(btc, p, 4).lambda1().re(), 1e-10);
    }
}
