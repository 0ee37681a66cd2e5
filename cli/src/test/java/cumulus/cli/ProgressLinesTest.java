package cumulus.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 14 (5): progress on stderr, a redrawn bar on a terminal, silenced by --quiet; stdout untouched. */
class ProgressLinesTest {

    @Test void onATerminalAStageRedrawsOneLineAndANoticeStartsAFreshOne() {
        StringWriter buf = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(buf), true);
        p.progress("LU factorization:  10% front 1 of 10 (2 s)");
        p.progress("LU factorization:  50% front 5 of 10 (3 s)");
        p.note("LU factorization: done");
        p.finish();
        String s = buf.toString();
        assertEquals(1, s.chars().filter(c -> c == '\n').count(), "two redraws and one line: " + s.replace("\r", "\\r"));
        assertTrue(s.startsWith("\r\033[2Kcumulus: LU factorization:  10%"), s);
        assertTrue(s.endsWith("\r\033[2Kcumulus: LU factorization: done" + System.lineSeparator()), s);
    }

    @Test void elsewhereEveryProgressLineStays() {
        StringWriter buf = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(buf), false);
        p.progress("a");
        p.progress("b");
        assertEquals("cumulus: a" + System.lineSeparator() + "cumulus: b" + System.lineSeparator(), buf.toString());
    }

    @Test void quietDropsProgressAndNoticesButKeepsWarnings() {
        StringWriter buf = new StringWriter();
        StderrProgress p = new StderrProgress(new PrintWriter(buf), false);
        p.quiet(true);
        p.progress("a");
        p.note("b");
        p.warn("c");
        assertEquals("cumulus: warning: c" + System.lineSeparator(), buf.toString());
    }

    @Test void quietAfterTheCommandSilencesTheEstimateButNotTheError() {
        String[] args = {"steady", "dicke", "--set", "kappa_b=0,g=0"};
        String loud = stderr(args);
        assertTrue(loud.contains("(estimate)"), "a run estimated over 20 s is announced: " + loud);
        String quiet = stderr("steady", "dicke", "--set", "kappa_b=0,g=0", "--quiet");
        assertFalse(quiet.contains("(estimate)"), quiet);
        assertTrue(quiet.startsWith("cumulus: error: the steady state is not unique"), quiet);
        assertEquals(1, quiet.lines().count(), quiet);
    }

    private static String stderr(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertEquals("", out.toString(), "stdout stays clean");
        return err.toString();
    }
}
