package cumulus.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failing training command would leave the launcher without its class-data archive, silently: each must succeed. */
class CdsTrainingTest {
    @Test
    void everyTrainingCommandSucceeds() {
        for (String[] run : CdsTraining.RUNS) {
            CommandLineContractTest.Run r = CommandLineContractTest.run(run);
            assertEquals(0, r.code(), String.join(" ", run) + ": " + r.err());
        }
    }
}
