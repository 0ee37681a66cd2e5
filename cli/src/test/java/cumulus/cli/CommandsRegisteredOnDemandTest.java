package cumulus.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Main registers only the command a run names; help, the version and a misspelt name still see every command. */
class CommandsRegisteredOnDemandTest {

    @Test
    void everyCommandIsRegisteredUnderItsAnnotatedName() {
        for (Map.Entry<String, Class<?>> e : Main.COMMANDS.entrySet())
            assertEquals(e.getKey(), e.getValue().getAnnotation(Command.class).name(), e.getValue().getName());
    }

    @Test
    void theNamedCommandIsFoundBehindTheTopLevelOptions() {
        assertEquals("steady", Main.commandOf(new String[]{"steady", "btc", "--set", "N=8"}));
        assertEquals("spectrum", Main.commandOf(new String[]{"--plugins", "spectrum", "spectrum", "btc"}));
        assertEquals("spectrum", Main.commandOf(new String[]{"--plugins=x.jar", "-q", "spectrum", "btc"}));
        assertNull(Main.commandOf(new String[]{"help", "steady"}));
        assertNull(Main.commandOf(new String[]{"--help"}));
        assertNull(Main.commandOf(new String[]{"-V", "steady"}));
        assertNull(Main.commandOf(new String[]{"stedy", "btc"}));
        assertNull(Main.commandOf(new String[]{"--plugins"}));
        assertNull(Main.commandOf(new String[0]));
    }

    @Test
    void theUsageStillListsEveryCommandAndAMisspeltOneIsOneLine() {
        CommandLineContractTest.Run help = CommandLineContractTest.run("--help");
        assertEquals(0, help.code(), help.err());
        for (String name : Main.COMMANDS.keySet()) assertTrue(help.out().contains("  " + name + " "), name + " missing from\n" + help.out());
        CommandLineContractTest.Run helpSteady = CommandLineContractTest.run("help", "steady");
        assertEquals(0, helpSteady.code(), helpSteady.err());
        assertTrue(helpSteady.out().contains("Usage: cumulus steady"), helpSteady.out());
        CommandLineContractTest.Run typo = CommandLineContractTest.run("stedy", "btc");
        assertEquals(2, typo.code());
        assertTrue(typo.err().startsWith("cumulus: error: ") && typo.err().contains("'stedy'") && typo.err().lines().count() == 1, typo.err());
    }

    @Test
    void aNamedCommandRunsAsBefore() {
        CommandLineContractTest.Run r = CommandLineContractTest.run("-q", "steady", "btc", "--set", "N=4", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("name,value"), r.out());
    }
}
