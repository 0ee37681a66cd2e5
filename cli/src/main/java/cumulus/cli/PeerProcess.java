package cumulus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer benchmark script (QuTiP) with a wall-clock limit and reads the JSON object it prints.
 * The output goes to a temporary file, not a pipe: reading a pipe to its end blocks until the process
 * exits, so a limit checked afterwards would never fire.
 */
final class PeerProcess {
    private PeerProcess() { }

    /** The parsed JSON of the last line of stdout, or null on failure, non-zero exit or timeout. */
    static JsonNode json(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cumulus-peer", ".json");
        try {
            Process proc = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                proc.waitFor(10, TimeUnit.SECONDS);
                return null;
            }
            if (proc.exitValue() != 0) return null;
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) return null;
            String last = text.substring(text.lastIndexOf('\n') + 1);
            return new ObjectMapper().readTree(last);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
