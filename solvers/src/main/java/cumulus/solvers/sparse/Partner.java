package cumulus.solvers.sparse;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The second core's thread for {@link DenseKernels#parallel}: one daemon thread that takes one job at a time from a
 * slot, spinning briefly before it parks, and a caller that spins briefly before it parks while it waits.
 *
 * <p>Why not an {@code ExecutorService}: a fixed pool parks its thread on a blocking queue after every job, and waking
 * it took 50 µs a hand-over on this 2-core machine (measured: 100,000 empty {@code parallel} calls, 48–58 µs each).
 * The explicit propagator hands over twelve products a step, each ~0.5 ms at btc N = 1024, 7,160 steps: 86,000
 * hand-overs, ~4 s of a 60 s run with one core idle. Spinning for up to {@link #SPIN_NANOS} before parking makes a
 * hand-over within a run of products cost about a microsecond and burns at most that long when the work stops.
 *
 * <p>Only one job runs at a time: a caller that finds the partner busy (another thread's job) runs both halves on its
 * own thread, so nothing queues and nothing can wait on itself. A call from the partner itself hands its second half
 * back to the thread waiting for the partner's job, if one is waiting ({@link #await} serves it): when the caller's own
 * half of a {@link DenseKernels#sideBySide} pair finished first, the partner's longer half gets both cores for its rest.
 */
final class Partner {
    private Partner() {}

    /** How long either side spins before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final class Job {
        final Runnable work;
        final Thread caller;
        volatile boolean done;
        /** Set when the caller has finished its own half and waits in {@link #await}, where it runs {@link #HELP} jobs. */
        volatile boolean waiting;
        volatile Throwable failure;

        Job(Runnable work, Thread caller) { this.work = work; this.caller = caller; }
    }

    private static final AtomicReference<Job> SLOT = new AtomicReference<>();
    /** A half of the partner's for the caller of the partner's job, once that caller waits in {@link #await}. */
    private static final AtomicReference<Job> HELP = new AtomicReference<>();
    private static volatile Thread thread;

    private static Thread thread() {
        Thread t = thread;
        if (t == null) {
            synchronized (Partner.class) {
                t = thread;
                if (t == null) {
                    t = new Thread(Partner::serve, "cumulus-partner");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
        return t;
    }

    /** Runs a here and b on the partner, and returns when both are done (b's failure is rethrown after a's). */
    static void run(Runnable a, Runnable b) {
        Thread partner = thread();
        Job job = new Job(b, Thread.currentThread());
        if (Thread.currentThread() == partner) {
            // the job the partner is running (still in SLOT): its caller, if idle in await, stays there until this returns
            Job current = SLOT.get();
            if (current == null || !current.waiting || !HELP.compareAndSet(null, job)) { a.run(); b.run(); return; }
            LockSupport.unpark(current.caller);
        } else if (!SLOT.compareAndSet(null, job)) { a.run(); b.run(); return; }
        else LockSupport.unpark(partner);
        try {
            a.run();
        } finally {
            await(job);
        }
        Throwable f = job.failure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error er) throw er;
        if (f != null) throw new IllegalStateException(f);
    }

    private static void await(Job job) {
        long start = System.nanoTime();
        boolean interrupted = false;
        boolean serves = Thread.currentThread() != thread;   // waiting for the partner's job: may run the partner's halves
        job.waiting = true;
        while (!job.done) {
            Job h = serves ? HELP.get() : null;
            if (h != null) {
                runJob(h, HELP);
                start = System.nanoTime();
            } else if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
            else {
                LockSupport.park(job);
                if (Thread.interrupted()) interrupted = true;   // b is running: wait for it, then restore the flag
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Runs a job taken from slot, records its failure, frees the slot and wakes its caller. */
    private static void runJob(Job job, AtomicReference<Job> slot) {
        try {
            job.work.run();
        } catch (Throwable e) {
            job.failure = e;
        }
        slot.set(null);   // free before done: the caller may hand over its next job as soon as it sees done
        job.done = true;
        LockSupport.unpark(job.caller);
    }

    private static void serve() {
        while (true) {
            Job job = SLOT.get();
            if (job == null) {
                long start = System.nanoTime();
                while ((job = SLOT.get()) == null && System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                if (job == null) { LockSupport.park(Partner.class); continue; }
            }
            runJob(job, SLOT);
        }
    }
}
