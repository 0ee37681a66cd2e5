package cumulus.cli.reproduce;

import cumulus.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bookkeeping of {@code reproduce}: skipping complete figures, quick vs full markers, resuming after an interruption. */
class ReproducerTest {

    /** A cheap stand-in figure that counts its computations and can be told to fail (an "interruption"). */
    static final class Fake implements Figure {
        final String name;
        final AtomicInteger computed = new AtomicInteger();
        volatile boolean fail;

        Fake(String name) { this.name = name; }

        @Override public String name() { return name; }
        @Override public String caption() { return "fake " + name; }

        @Override public FigureData compute(Mode mode, Context ctx) {
            computed.incrementAndGet();
            if (fail) throw new IllegalStateException("interrupted");
            FigureData d = new FigureData(name, "fake");
            d.panel(new Panel("p", "x", "y")).add(Series.line("s", new double[]{0, 1, 2}, new double[]{1, 2, mode == Mode.QUICK ? 3 : 4}));
            d.note("fake note for %s", name).number("k", 1);
            return d;
        }
    }

    static Map<String, Reproducer.Outcome> run(List<Figure> figs, Path out, Mode mode) {
        StringWriter log = new StringWriter();
        PrintWriter pw = new PrintWriter(log);
        Map<String, Reproducer.Outcome> r = new Reproducer(figs, out, mode, null, pw, false).run();
        pw.flush();
        assertFalse(log.toString().contains("\r"), "line-based progress only");
        return r;
    }

    @Test void secondRunSkipsCompletedFigures(@TempDir Path out) throws Exception {
        Fake a = new Fake("fig1"), b = new Fake("fig2a");
        Map<String, Reproducer.Outcome> first = run(List.of(a, b), out, Mode.QUICK);
        assertEquals(Reproducer.Outcome.COMPUTED, first.get("fig1"));
        for (String f : List.of("fig1.png", "fig1.csv", "fig2a.png", "fig2a.csv", "summary.md"))
            assertTrue(Files.size(out.resolve(f)) > 0, f + " written and non-empty");
        assertEquals("quick", Reproducer.completedMode(out, "fig1"));
        Map<String, Reproducer.Outcome> second = run(List.of(a, b), out, Mode.QUICK);
        assertEquals(Reproducer.Outcome.SKIPPED, second.get("fig1"));
        assertEquals(Reproducer.Outcome.SKIPPED, second.get("fig2a"));
        assertEquals(1, a.computed.get());
        assertEquals(1, b.computed.get());
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("![fig1](fig1.png)") && summary.contains("fake note for fig2a"), summary);
    }

    @Test void fullRunDoesNotAcceptQuickResultsButQuickAcceptsFull(@TempDir Path out) {
        Fake a = new Fake("fig1");
        run(List.of(a), out, Mode.QUICK);
        assertEquals(Reproducer.Outcome.COMPUTED, run(List.of(a), out, Mode.FULL).get("fig1"));
        assertEquals("full", Reproducer.completedMode(out, "fig1"));
        assertEquals(Reproducer.Outcome.SKIPPED, run(List.of(a), out, Mode.QUICK).get("fig1"));
        assertEquals(Reproducer.Outcome.SKIPPED, run(List.of(a), out, Mode.FULL).get("fig1"));
        assertEquals(2, a.computed.get());
    }

    @Test void interruptedRunResumesWithoutRedoingFinishedWork(@TempDir Path out) throws Exception {
        Fake a = new Fake("fig1"), b = new Fake("fig2a"), c = new Fake("fig2b");
        b.fail = true; // the run dies on the second figure
        Map<String, Reproducer.Outcome> first = run(List.of(a, b, c), out, Mode.FULL);
        assertEquals(Reproducer.Outcome.FAILED, first.get("fig2a"));
        assertEquals(null, Reproducer.completedMode(out, "fig2a"));
        // a killed process can leave a temp file and a half-written figure without marker
        Files.writeString(out.resolve(".fig2a.png.123.part"), "junk");
        Files.writeString(out.resolve("fig2a.csv"), "figure,panel,series,x,y\n");
        Files.delete(Reproducer.marker(out, "fig2b")); // interrupted after writing fig2b's files but before its marker
        b.fail = false;
        Map<String, Reproducer.Outcome> second = run(List.of(a, b, c), out, Mode.FULL);
        assertEquals(Reproducer.Outcome.SKIPPED, second.get("fig1"));
        assertEquals(Reproducer.Outcome.COMPUTED, second.get("fig2a"));
        assertEquals(Reproducer.Outcome.COMPUTED, second.get("fig2b"));
        assertEquals(1, a.computed.get());
        assertFalse(Files.exists(out.resolve(".fig2a.png.123.part")), "stale temp files are removed");
        assertTrue(Files.readString(out.resolve("fig2a.csv")).contains("fig2a,p,s,2.0,4.0"));
    }

    @Test void aFullRecomputeKilledMidwayNeverLeavesTheQuickMarkerOnMixedFiles(@TempDir Path out) {
        Fake a = new Fake("fig1");
        run(List.of(a), out, Mode.QUICK);
        assertEquals("quick", Reproducer.completedMode(out, "fig1"));
        a.fail = true; // the full recompute dies after it started replacing the quick files
        assertEquals(Reproducer.Outcome.FAILED, run(List.of(a), out, Mode.FULL).get("fig1"));
        assertEquals(null, Reproducer.completedMode(out, "fig1"), "the marker went before any file was replaced");
        a.fail = false;
        assertEquals(Reproducer.Outcome.COMPUTED, run(List.of(a), out, Mode.QUICK).get("fig1"), "the next run redoes it instead of saying 'already complete'");
    }

    @Test void anUnwritableOutputFolderIsAOneLineErrorWithExitCode2(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        for (String dir : new String[]{"/proc/cumulus-x", file.resolve("sub").toString(), ""}) {
            StringWriter err = new StringWriter(), o = new StringWriter();
            int code = Main.run(new String[]{"reproduce", "fig1", "--quick", "--out", dir}, new PrintWriter(o), new PrintWriter(err));
            String e = err.toString().strip();
            assertEquals(2, code, e);
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.contains("cannot write") || e.contains("output folder is empty"), e);
        }
        try (var files = Files.list(tmp)) { assertEquals(1, files.count(), "nothing but afile: no temporary file left"); }
    }

    @Test void unknownFigureIsAOneLineErrorWithExitCode2(@TempDir Path out) {
        StringWriter err = new StringWriter(), o = new StringWriter();
        int code = Main.run(new String[]{"reproduce", "fig9", "--quick", "--out", out.toString()}, new PrintWriter(o), new PrintWriter(err));
        assertEquals(2, code);
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("unknown figure 'fig9'") && e.contains("fig1"), e);
    }
}
