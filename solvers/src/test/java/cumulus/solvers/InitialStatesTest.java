package cumulus.solvers;

import cumulus.api.InitialState;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.models.Btc;
import cumulus.models.Dicke;
import cumulus.models.LocalBtc;
import cumulus.solvers.space.LiouvillianSpace;
import cumulus.solvers.space.Moments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The initial states beyond the coherent product, built by both exact spaces, have QuTiP 5.3.1's
 * moments (refs/initial_states.py: ⟨o⟩ and symmetrized K(a,b), to 1e-10).
 */
class InitialStatesTest {
    static final Model BTC = new Btc().model(), DICKE = new Dicke().model(), LOCAL = new LocalBtc().model();

    /** case → quantity → QuTiP value. */
    static Map<String, Map<String, Double>> refs() {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (Map<String, String> r : Refs.cells("initial_states.csv"))
            out.computeIfAbsent(r.get("case"), k -> new HashMap<>()).put(r.get("quantity"), Double.parseDouble(r.get("value")));
        return out;
    }

    static void assertMoments(Map<String, Double> ref, LiouvillianSpace space, String spec, double tol) {
        double[] x = space.initialState(InitialState.parse(spec, space.model()), new ArrayList<>());
        Moments mo = space.moments();
        Moments.Values v = mo.evaluate(x);
        Map<String, Double> mean = mo.expectations(v), k = mo.cumulants(v);
        int checked = 0;
        for (Map.Entry<String, Double> e : ref.entrySet()) {
            String q = e.getKey();
            double got;
            if (q.startsWith("K_")) {
                String[] ab = q.substring(2).split("_");
                Double g = k.get("K(" + ab[0] + "," + ab[1] + ")");
                if (g == null) g = k.get("K(" + ab[1] + "," + ab[0] + ")");
                if (g == null) continue; // an observable of the other subsystem
                got = g;
            } else {
                if (!mean.containsKey(q)) continue;
                got = mean.get(q);
            }
            assertEquals(e.getValue(), got, tol, spec + ": " + q);
            checked++;
        }
        assertTrue(checked >= 5, spec + ": only " + checked + " quantities compared");
    }

    static LiouvillianSpace space(Model m, String set) {
        Map<String, String> o = new HashMap<>();
        for (String kv : set.split(",")) o.put(kv.split("=")[0], kv.split("=")[1]);
        return Spaces.of(m, m.resolve(o));
    }

    @Test
    void dickeAndTwistedSpinStatesHaveQutipsMomentsInBothSpaces() {
        Map<String, Map<String, Double>> ref = refs();
        for (LiouvillianSpace s : List.of(space(BTC, "N=6"), space(LOCAL, "N=6"))) {
            assertMoments(ref.get("dicke:1"), s, "dicke:1", 1e-12);
            assertMoments(ref.get("squeezed:0.3"), s, "squeezed:0.3", 1e-12);
        }
        // analytic: K(m1x,m1x) of |S, M⟩ is (S(S+1) − M²)/(2S²); ⟨m1x⟩ of the twisted state is cos^(N−1)(μ/2)
        assertEquals((12.0 - 1) / 18, ref.get("dicke:1").get("K_m1x_m1x"), 1e-14);
        assertEquals(Math.pow(Math.cos(0.15), 5), ref.get("squeezed:0.3").get("m1x"), 1e-14);
    }

    @Test
    void gaussianBosonStatesHaveQutipsMoments() {
        Map<String, Map<String, Double>> ref = refs();
        LiouvillianSpace s = space(DICKE, "N=2,cutoff=40,omega_b=1");
        assertMoments(ref.get("boson-coherent:1.2 -0.7"), s, "up;boson-coherent:1.2,-0.7", 1e-10);
        assertMoments(ref.get("boson-squeezed:0.5 0.8"), s, "up;boson-squeezed:0.5,0.8", 1e-10);
        assertMoments(ref.get("boson-thermal:0.6"), s, "up;boson-thermal:0.6", 1e-10);
        assertEquals(1 / Math.sqrt(2 * 2 * 1.0) * 2 * 1.2, ref.get("boson-coherent:1.2 -0.7").get("x"), 1e-12);
    }

    @Test
    void aMatrixMarketDensityMatrixIsReadInTheDickeFockBasis(@TempDir Path dir) throws Exception {
        // ρ = 0.3 |S, S⟩⟨S, S| + 0.7 |S, S−1⟩⟨S, S−1| + coherence 0.2 i between them, N = 2 (d = 3), as hermitian lower triangle
        Path f = Files.writeString(dir.resolve("rho.mtx"), String.join("\n",
                "%%MatrixMarket matrix coordinate complex hermitian", "% a test state", "3 3 3",
                "1 1 0.3 0", "2 2 0.7 0", "2 1 0 0.2", ""));
        LiouvillianSpace s = space(BTC, "N=2");
        double[] x = s.initialState(InitialState.parse("file:" + f, BTC), new ArrayList<>());
        Moments.Values v = s.moments().evaluate(x);
        Map<String, Double> mean = s.moments().expectations(v);
        // ρ_21 = 0.2i (row |1, 0⟩, column |1, 1⟩): ⟨S^+⟩ = Tr(S^+ ρ) = ⟨1,1|S^+|1,0⟩ ρ_21 = sqrt(2)·0.2i = ⟨S^x⟩ + i⟨S^y⟩, S = 1
        assertEquals(0.3, mean.get("m1z"), 1e-14);
        assertEquals(0, mean.get("m1x"), 1e-14);
        assertEquals(Math.sqrt(2) * 0.2, mean.get("m1y"), 1e-14);
        // array format, real general: the Dicke state |1, 0⟩ equals dicke:0
        Path g = Files.writeString(dir.resolve("d0.mtx"), "%%MatrixMarket matrix array real general\n3 3\n0\n0\n0\n0\n1\n0\n0\n0\n0\n");
        assertArrayEquals(s.initialState(InitialState.parse("dicke:0", BTC), new ArrayList<>()),
                s.initialState(InitialState.parse("file:" + g, BTC), new ArrayList<>()), 1e-15);
        LiouvillianSpace s4 = space(BTC, "N=4");
        assertArrayEquals(s4.initialState(InitialState.parse("dicke:0", BTC), new ArrayList<>()),
                s4.initialState(InitialState.parse("file:" + Refs.repoRoot().resolve("examples/states/dicke-n4-m0.mtx"), BTC), new ArrayList<>()), 1e-15);
        Path bad = Files.writeString(dir.resolve("bad.mtx"), "%%MatrixMarket matrix array real general\n3 3\n1\n0\n0\n0\n1\n0\n0\n0\n0\n");
        ModelException e = assertThrows(ModelException.class, () -> s.initialState(InitialState.parse("file:" + bad, BTC), new ArrayList<>()));
        assertTrue(e.getMessage().contains("trace 2"), e.getMessage());
        Path small = Files.writeString(dir.resolve("small.mtx"), "%%MatrixMarket matrix array real general\n2 2\n1\n0\n0\n0\n");
        e = assertThrows(ModelException.class, () -> s.initialState(InitialState.parse("file:" + small, BTC), new ArrayList<>()));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }

    @Test
    void statesThatDoNotExistOrDoNotFitAreRefused() {
        LiouvillianSpace s = space(BTC, "N=6");
        for (String spec : new String[]{"dicke:4", "dicke:0.5"}) {
            ModelException e = assertThrows(ModelException.class, () -> s.initialState(InitialState.parse(spec, BTC), new ArrayList<>()));
            assertTrue(e.getMessage().contains("does not exist for N = 6"), e.getMessage());
        }
        LiouvillianSpace b = space(DICKE, "N=2,cutoff=8");
        ModelException e = assertThrows(ModelException.class, () -> b.initialState(InitialState.parse("up;boson-thermal:3", DICKE), new ArrayList<>()));
        assertTrue(e.getMessage().contains("raise the cutoff"), e.getMessage());
        e = assertThrows(ModelException.class, () -> b.initialState(InitialState.parse("up;boson-squeezed:1.5,0", DICKE), new ArrayList<>()));
        assertTrue(e.getMessage().contains("raise the cutoff"), e.getMessage());
        e = assertThrows(ModelException.class, () -> space(LOCAL, "N=4").initialState(InitialState.parse("file:x.mtx", LOCAL), new ArrayList<>()));
        assertTrue(e.getMessage().contains("Dicke ⊗ Fock basis"), e.getMessage());
    }
}
