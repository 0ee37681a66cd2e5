package cumulus.cli.reproduce;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cumulus.solvers.Refs;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-figure compute functions at small sizes against the QuTiP reference CSVs. */
class FigureReferenceTest {
    static Context ctx;

    @BeforeAll static void setUp() { ctx = Context.quiet(); }

    @Test void fig2aDynamicsMatchesQutipN8() {
        FigureData d = new Fig2a().compute(ctx, new int[]{8}, 20, 0.1);
        Series s = d.panels().get(0).series("N = 8");
        int checked = 0;
        for (Map<String, Double> r : Refs.read("btc_dynamics_N8.csv")) {
            int i = (int) Math.round(r.get("t") / 0.1);
            assertEquals(r.get("t"), s.x()[i], 1e-9);
            assertEquals(r.get("C_diag"), s.y()[i], 2e-6, "C_diag at t = " + r.get("t"));
            checked++;
        }
        assertTrue(checked > 150);
    }

    @Test void fig2bNessMatchesQutip() {
        double[] omegas = {0.5, 1.0, 2.0};
        int[] ns = {4, 8, 16};
        FigureData d = new Fig2b().compute(ctx, ns, omegas);
        for (int n : ns) {
            Series s = d.panels().get(0).series("N = " + n);
            for (int i = 0; i < omegas.length; i++) {
                double expected = Refs.where("btc_ness.csv", "omega_x", omegas[i], "N", n).get(0).get("C_diag");
                assertEquals(expected, s.y()[i], 1e-7, "C_diag at omega_x = " + omegas[i] + ", N = " + n);
            }
        }
    }

    @Test void figS2GapsMatchQutip() {
        int[] ns = {4, 8, 16};
        double[] gammas = {1, 10};
        FigureData d = new FigS2().compute(ctx, ns, gammas, new int[]{4}, 4, 2.0);
        for (double g : gammas) {
            Series re = d.panels().get(0).series("Re λ1·N, γ = " + FigS2.fmt(g));
            Series im = d.panels().get(1).series("Im λ1, γ = " + FigS2.fmt(g));
            for (int i = 0; i < ns.length; i++) {
                Map<String, Double> r = Refs.where("dephasing_spectrum.csv", "gamma", g, "N", ns[i]).get(0);
                assertEquals(r.get("re1") * ns[i], re.y()[i], 1e-7, "Re λ1·N, γ = " + g + ", N = " + ns[i]);
                assertEquals(Math.abs(r.get("im1")), im.y()[i], 1e-7, "Im λ1, γ = " + g + ", N = " + ns[i]);
            }
        }
    }

    @Test void fig4bFloquetGapsAndCumulantsMatchQutip() {
        int[] ns = {10, 20};
        FigureData d = new Fig4b().compute(ctx, ns, 30, 10);
        Series gap = d.panels().get(1).series("Floquet gap");
        Series kxx = d.panels().get(0).series("K(x,x)");
        Series kxp = d.panels().get(0).series("K(x,p) + K(p,x)");
        for (int i = 0; i < ns.length; i++) {
            Map<String, Double> r = Refs.where("kerr_floquet.csv", "N", ns[i], "cutoff", 100).get(0);
            assertEquals(r.get("floquet_gap"), gap.y()[i], 1e-5 * r.get("floquet_gap"), "floquet gap N = " + ns[i]);
            assertEquals(r.get("K_xx"), kxx.y()[i], 1e-6);
            assertEquals(r.get("K_xp_plus_K_px"), kxp.y()[i], 1e-6);
            // the truncation guard raised the cutoff from 30 at least once (convergence check)
            assertTrue(d.number("cutoff_N" + ns[i]) >= 40);
        }
    }

    @Test void fig4aStroboscopicMatchesQutip() {
        assertNotNull(ctx.ref("kerr_floquet_stroboscopic_N60.csv"), "reproduce finds refs/ at run time");
        List<Map<String, Double>> ref = Refs.read("kerr_floquet_stroboscopic_N60.csv");
        FigureData d = new Fig4a().compute(ctx, 60, 65, 4);
        Series x = d.panels().get(0).series("exact <x>(nT)");
        for (int n = 0; n <= 4; n++) assertEquals(ref.get(n).get("x"), x.y()[n], 1e-6, "x(nT) at n = " + n);
        assertTrue(x.y()[1] < 0 && x.y()[2] > 0, "period doubling: the sign alternates");
    }

    @Test void csvIsLongFormat() {
        FigureData d = new FigureData("figX", "t");
        d.panel(new Panel("p, with comma", "x", "y")).add(Series.line("s", new double[]{1, 2}, new double[]{3, Double.NaN}));
        assertEquals("figure,panel,series,x,y\nfigX,\"p, with comma\",s,1.0,3.0\nfigX,\"p, with comma\",s,2.0,\n", d.csv());
    }
}
