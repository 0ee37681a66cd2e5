package cumulus.solvers;

import cumulus.solvers.space.CMatrix;
import cumulus.solvers.space.LocalOperators;
import cumulus.solvers.dicke.NumericModel;
import cumulus.solvers.dicke.Liouvillian;

import cumulus.api.Complex;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.OpSum;
import cumulus.models.Btc;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dicke-basis operators obey su(2) ([S^x, S^y] = iS^z, S² = S(S+1), 1e-12); a non-Hermitian
 * Hamiltonian is rejected naming the term; spin-coherent amplitudes (log-binomial formula) are
 * normalised and point along (sinθ cosφ, sinθ sinφ, cosθ) even at N = 2000 (1e-10); the real
 * Liouvillian of btc at N = 1024 (1.05M unknowns) assembles in seconds.
 */
class AssemblyChecksTest {

    @Test
    void collectiveSpinOperatorsObeySu2() {
        int n = 7;
        CMatrix x = LocalOperators.sx(n), y = LocalOperators.sy(n), z = LocalOperators.sz(n);
        CMatrix comm = x.times(y).minus(y.times(x)).minus(z.scale(Complex.I));
        assertTrue(comm.maxAbs() < 1e-12);
        CMatrix cas = x.times(x).plus(y.times(y)).plus(z.times(z)).minus(CMatrix.identity(n + 1).scale(3.5 * 4.5));
        assertTrue(cas.maxAbs() < 1e-12);
        assertTrue(LocalOperators.splus(n).minus(x.plus(y.scale(Complex.I))).maxAbs() < 1e-12);
    }

    @Test
    void nonHermitianHamiltonianIsRejectedNamingTheTerm() {
        Model bad = Model.builder("bad").spinEnsembles(1, 4).real("w", 1, "w")
                .hamiltonian(OpSum.sx(1).plus(OpSum.sp(1).scale("w"))).jump("1/S", OpSum.sm(1)).build();
        ModelException e = assertThrows(ModelException.class, () -> new NumericModel(bad, bad.resolve(Map.of())));
        assertTrue(e.getMessage().contains("not Hermitian") && e.getMessage().contains("S1^+"), e.getMessage());
    }

    @Test
    void spinCoherentStatesAreNormalisedAndPointAlongThetaPhi() {
        for (int n : new int[]{6, 2000}) {
            double th = 1.1, ph = -0.4;
            double[][] a = cumulus.solvers.space.ProductStates.spinCoherent(n, th, ph);
            double norm = 0, mz = 0, mpr = 0, mpi = 0, s = n / 2.0;
            for (int i = 0; i <= n; i++) {
                double p = a[0][i] * a[0][i] + a[1][i] * a[1][i];
                norm += p;
                mz += (s - i) * p / s;
                if (i >= 1) { // <S^+> = Σ conj(c_{i-1}) c_i sqrt(...)
                    double m = s - i, f = Math.sqrt(s * (s + 1) - m * (m + 1)) / s;
                    mpr += f * (a[0][i - 1] * a[0][i] + a[1][i - 1] * a[1][i]);
                    mpi += f * (a[0][i - 1] * a[1][i] - a[1][i - 1] * a[0][i]);
                }
            }
            assertEquals(1, norm, 1e-10);
            assertEquals(Math.cos(th), mz, 1e-10);
            assertEquals(Math.sin(th) * Math.cos(ph), mpr, 1e-10);
            assertEquals(Math.sin(th) * Math.sin(ph), mpi, 1e-10);
        }
    }

    @Test
    void largeBtcLiouvillianAssemblesQuickly() {
        Model btc = new Btc().model();
        long t0 = System.nanoTime();
        Liouvillian l = Liouvillian.assemble(new NumericModel(btc, Refs.params(btc, "N", 1024)));
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(1025 * 1025, l.size());
        assertTrue(secs < 30, "assembly took " + secs + " s");
        System.out.printf("btc N=1024: %d unknowns, %d nonzeros, assembled in %.2f s%n", l.size(), l.matrix().nz_length, secs);
    }
}
