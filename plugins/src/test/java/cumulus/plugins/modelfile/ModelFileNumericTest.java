package cumulus.plugins.modelfile;

import cumulus.modelfile.ModelFile;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.SpectrumResult;
import cumulus.api.SteadyStateResult;
import cumulus.plugins.Cumulus;
import cumulus.symbolic.MeanFieldVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The exact engine gives the same spectrum and steady state for each example file and its plugin (small sizes). */
class ModelFileNumericTest {

    static Cumulus cumulus;

    @BeforeAll
    static void create() { cumulus = Cumulus.create(ModelFileNumericTest.class.getClassLoader()); }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "btc; N=6",
            "dephasing; N=6",
            "btc-pair; N=2",
            "btc-pair-unscaled; N=2",
            "dicke; N=2,cutoff=6",
            "dicke-unscaled; N=2,cutoff=6"})
    void sameSpectrumAndSteadyState(String name, String set) {
        Model plugin = cumulus.models().get(name);
        Model file = ModelFile.load(ModelFileExamplesTest.file(name));
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        for (String kv : set.split(",")) overrides.put(kv.split("=")[0], kv.split("=")[1]);
        Map<String, Double> pp = plugin.resolve(overrides), fp = file.resolve(overrides);
        assertEquals(pp, fp);

        SpectrumResult a = cumulus.spectrumSolver().spectrum(plugin, pp, 4), b = cumulus.spectrumSolver().spectrum(file, fp, 4);
        assertEquals(a.dimension(), b.dimension());
        assertEquals(a.eigenvalues().size(), b.eigenvalues().size());
        for (int k = 0; k < a.eigenvalues().size(); k++) close(a.eigenvalues().get(k), b.eigenvalues().get(k), name + " eigenvalue " + k);
        assertEquals(a.spectralGap(), b.spectralGap(), 1e-9 * Math.max(1, a.spectralGap()));

        SteadyStateResult s = cumulus.steadyStateSolver().steadyState(plugin, pp), t = cumulus.steadyStateSolver().steadyState(file, fp);
        assertEquals(s.expectations().keySet(), t.expectations().keySet());
        for (String k : s.expectations().keySet()) assertEquals(s.expectations().get(k), t.expectations().get(k), 1e-9, name + " " + k);
        assertEquals(s.cDiag(), t.cDiag(), 1e-9);
        assertEquals(s.cAll(), t.cAll(), 1e-9);
    }

    /** examples/models/local-btc-eq18.yaml declares local-btc as one Eq. 18 spin matrix (spin_channel). */
    @org.junit.jupiter.api.Test
    void eq18SpinChannelFileIsTheLocalBtc() {
        Model plugin = cumulus.models().get("local-btc");
        Model file = ModelFile.load(ModelFileExamplesTest.file("local-btc-eq18"));
        for (String n : new String[]{"5", "6"}) {
            Map<String, Double> pp = plugin.resolve(Map.of("N", n)), fp = file.resolve(Map.of("N", n));
            SpectrumResult a = cumulus.spectrumSolver().spectrum(plugin, pp, 6), b = cumulus.spectrumSolver().spectrum(file, fp, 6);
            for (int k = 0; k < a.eigenvalues().size(); k++) close(a.eigenvalues().get(k), b.eigenvalues().get(k), "N=" + n + " eigenvalue " + k);
        }
        // shared/refs/local_btc.csv, N = 10, omega_x = kappa = gamma_local = 1 (QuTiP PIQS re-implemented in float64)
        Map<String, Double> p10 = file.resolve(Map.of("N", "10"));
        SteadyStateResult s = cumulus.steadyStateSolver().steadyState(file, p10);
        assertEquals(-0.7627959864658812, s.expectations().get("m1z"), 1e-8);
        assertEquals(0.5969602463547855, s.expectations().get("m1y"), 1e-8);
        assertEquals(0.20445485017979168, s.cDiag(), 1e-8);
        assertEquals(-0.8535740397336627, cumulus.spectrumSolver().spectrum(file, p10, 4).lambda1().re(), 1e-8);
        assertTrue(MeanFieldVerifier.verify(file).meanfieldExact(), "off = kappa/(4S) falls as 1/N");
    }

    static void close(Complex x, Complex y, String what) {
        assertTrue(x.minus(y).abs() <= 1e-9 * Math.max(1, x.abs()), what + ": " + x + " vs " + y);
    }
}
