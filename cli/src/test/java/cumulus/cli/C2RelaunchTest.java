package cumulus.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The relaunch of a long steady state: the same command line, the C2 flags in place of C1-only, marked as a relaunch. */
class C2RelaunchTest {
    static final String C2 = "-XX:Tier4InvocationThreshold=50000 -XX:Tier4BackEdgeThreshold=4000000";

    @Test
    void c1OnlyIsReplacedByTheC2FlagsAndTheRestIsKept() {
        String[] args = {"-XX:SharedArchiveFile=/d/cumulus.jsa", "-XX:TieredStopAtLevel=1", "-Dcumulus.jit.c2=" + C2, "-Xss8m",
                "-jar", "/d/cumulus.jar", "steady", "btc-pair", "--set", "N=12", "-XX:TieredStopAtLevel=1"};
        assertEquals(List.of("/usr/bin/java", "-Dcumulus.relaunched=true", "-XX:SharedArchiveFile=/d/cumulus.jsa",
                        "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4BackEdgeThreshold=4000000", "-Dcumulus.jit.c2=" + C2, "-Xss8m",
                        "-jar", "/d/cumulus.jar", "steady", "btc-pair", "--set", "N=12", "-XX:TieredStopAtLevel=1"),
                C2Relaunch.commandLine("/usr/bin/java", args, C2), "an argument after -jar is the program's, untouched");
    }

    @Test
    void aJvmThatAlreadyRunsC2IsNotRelaunched() {
        // CUMULUS_JAVA_OPTS comes after the launcher's flags: its TieredStopAtLevel wins
        String[] args = {"-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-jar", "/d/cumulus.jar", "steady", "btc"};
        assertNull(C2Relaunch.commandLine("java", args, C2));
        assertNull(C2Relaunch.commandLine("java", new String[]{"-jar", "/d/cumulus.jar", "steady", "btc"}, C2));
    }
}
