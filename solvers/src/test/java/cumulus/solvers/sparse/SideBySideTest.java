package cumulus.solvers.sparse;

import cumulus.api.Complex;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two side-by-side jobs (the symmetry blocks of one spectrum): once one is done, the other's kernels may split over both
 * cores, and the eigenvalues must not depend on whether they did.
 */
class SideBySideTest {
    /** Which threads ran the two halves of a split asked for by the job still running after its sibling finished. */
    private static String[] halvesAfterSibling(boolean siblingFirst) {
        AtomicReference<String> x = new AtomicReference<>(), y = new AtomicReference<>();
        Runnable quick = () -> { };
        Runnable late = () -> {
            long t0 = System.nanoTime();
            while (!DenseKernels.canSplit() && System.nanoTime() - t0 < 5_000_000_000L) Thread.onSpinWait();
            try { Thread.sleep(20); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }   // the sibling's thread is waiting by now
            DenseKernels.parallel(() -> x.set(Thread.currentThread().getName()), () -> y.set(Thread.currentThread().getName()));
        };
        if (siblingFirst) DenseKernels.sideBySide(quick, late); else DenseKernels.sideBySide(late, quick);
        return new String[]{x.get(), y.get()};
    }

    @Test
    void aJobWhoseSiblingFinishedGetsTheSecondCoreOnEitherThread() {
        for (boolean siblingFirst : new boolean[]{true, false}) {
            String[] h = halvesAfterSibling(siblingFirst);
            assertTrue(h[0] != null && h[1] != null, "both halves ran");
            if (DenseKernels.threads() == 2) assertNotEquals(h[0], h[1], "the halves ran on two threads (sibling first: " + siblingFirst + ")");
        }
    }

    @Test
    void whileBothRunNeitherSplits() {
        CountDownLatch bothIn = new CountDownLatch(2), bothAsked = new CountDownLatch(2);
        boolean[] could = new boolean[2];
        Runnable[] jobs = new Runnable[2];
        for (int k = 0; k < 2; k++) {
            int kk = k;
            jobs[k] = () -> {
                bothIn.countDown();
                try { bothIn.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                could[kk] = DenseKernels.canSplit();
                bothAsked.countDown();
                try { bothAsked.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            };
        }
        if (DenseKernels.threads() < 2) return;
        DenseKernels.sideBySide(jobs[0], jobs[1]);
        assertTrue(!could[0] && !could[1], "a job whose sibling still runs keeps to one core");
    }

    /**
     * The same search, once beside a sibling that finishes at once (its sweeps split over both cores) and once beside a
     * sibling that waits for it to end (they never split): the same eigenvalues to the last bit.
     */
    private static <T> void sameWhetherSplitOrNot(Supplier<T> search, java.util.function.Function<T, List<Complex>> values) {
        AtomicReference<T> alone = new AtomicReference<>(), beside = new AtomicReference<>();
        DenseKernels.sideBySide(() -> { }, () -> alone.set(search.get()));
        CountDownLatch done = new CountDownLatch(1);
        DenseKernels.sideBySide(() -> { beside.set(search.get()); done.countDown(); },
                () -> { try { done.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } });
        List<Complex> a = values.apply(alone.get()), b = values.apply(beside.get());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).re(), b.get(i).re(), 0.0, "Re lambda_" + i);
            assertEquals(a.get(i).im(), b.get(i).im(), 0.0, "Im lambda_" + i);
        }
    }

    @Test
    void rightmostEigenvaluesAreTheSameWhetherTheGramSchmidtSweepsSplitOrNot() {
        DMatrixSparseCSC btc = BtcFixture.liouvillian(140, 2.0, 1.0);   // 19881 unknowns: 20 chunks, enough to split
        RightmostEigen.Options o = RightmostEigen.Options.defaults().withOscillation(2.0);
        sameWhetherSplitOrNot(() -> RightmostEigen.compute(btc, 2, o), RightmostEigen.Result::values);
    }

    @Test
    void davidsonEigenvaluesAreTheSameWhetherItsSweepsSplitOrNot() {
        int n = 20000, p = 10000;
        Random rnd = new Random(7);
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 5 * n);
        for (int i = 0, k = 0; i < n; i++) {
            if (i == p) { t.addItem(p, p, -0.1); t.addItem(p, p + 1, 0.5); t.addItem(p + 1, p, -0.5); t.addItem(p + 1, p + 1, -0.1); i++; continue; }
            t.addItem(i, i, -0.2 - 0.01 * k++);
        }
        // block lower triangular, non-normal: the forward Gauss-Seidel sweep over the slabs is an exact inverse
        for (int i = 0; i < n; i++) for (int q = 0; q < 3; q++) {
            int j = i - 2 - rnd.nextInt(20);
            if (j >= 0 && !(i == p + 1 && j == p)) t.addItem(i, j, 0.3 * rnd.nextGaussian());
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        BlockGmres slabs = new BlockGmres(ShiftInvertEigen.shifted(a, 0.01), new int[]{0, 5000, 10000, 15000, 20000});
        sameWhetherSplitOrNot(() -> HarmonicDavidson.rightmost(a, 0.01, slabs::gaussSeidel, 3, 30, 20, 2000, null), r -> {
            assertTrue(r.converged());
            assertEquals(-0.1, r.values().get(0).re(), 1e-10);
            assertEquals(0.5, r.values().get(0).im(), 1e-10);
            return r.values();
        });
    }
}
