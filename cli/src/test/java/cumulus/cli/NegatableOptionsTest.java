package cumulus.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Options that are on by default turn off with their --no- form. (picocli sets a negatable option whose default is
 * true back to its fallback value, false unless given, when the --no- form is used: without fallbackValue = "true",
 * --no-peer left the QuTiP peer running and --peer switched it off.)
 */
class NegatableOptionsTest {

    @Test void benchSwitchesOffPeerWarmAndProcessRuns() {
        BenchCommand b = new BenchCommand();
        new CommandLine(b).parseArgs();
        assertTrue(b.peer && b.warm && b.process, "all on by default");
        b = new BenchCommand();
        new CommandLine(b).parseArgs("--no-peer", "--no-warm", "--no-process");
        assertFalse(b.peer || b.warm || b.process, "--no-peer --no-warm --no-process");
        b = new BenchCommand();
        new CommandLine(b).parseArgs("--peer", "--warm", "--process");
        assertTrue(b.peer && b.warm && b.process, "the positive forms keep them on");
    }

    @Test void sweepSwitchesOffItsPlot() {
        SweepCommand s = new SweepCommand();
        new CommandLine(s).parseArgs("btc", "--grid", "N=4,8", "--compute", "steady", "--out", "x", "--no-plot");
        assertFalse(s.plot);
        s = new SweepCommand();
        new CommandLine(s).parseArgs("btc", "--grid", "N=4,8", "--compute", "steady", "--out", "x");
        assertTrue(s.plot);
    }
}
