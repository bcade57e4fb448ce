package dev.userconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database opens no socket and reaches nothing: no listen, no connection, no name lookup (so no
 * telemetry), proven in a child JVM that records every network action while it starts and uses the database;
 * and {@code serve} talks to loopback only. With telemetry left on, the probe sees DynamoDB Local reach
 * cognito-identity.us-east-1.amazonaws.com:443, so the recording is known to catch it.
 */
class EmbeddedExposureTest {

    @Test
    void theEmbeddedDatabaseTouchesNoNetwork(@TempDir Path dir) throws Exception {
        List<String> lines = runProbe(dir);
        assertTrue(lines.contains("users 1"), String.join("\n", lines));
        List<String> embedded = lines.stream().filter(l -> l.startsWith("embedded ")).toList();
        assertEquals(List.of("embedded sockets 0"), embedded,
                "network actions while the embedded database ran:\n" + String.join("\n", lines));
        // serve: it listens, and talks to this machine's loopback only (its own client), never further
        List<String> serve = lines.stream().filter(l -> l.startsWith("serve attempt ")).toList();
        assertTrue(serve.stream().anyMatch(l -> l.startsWith("serve attempt listen")), String.join("\n", lines));
        assertTrue(serve.stream().allMatch(l -> l.startsWith("serve attempt listen")
                || l.matches("serve attempt ((connect|accept) 127\\.0\\.0\\.1:\\d+|lookup 127\\.0\\.0\\.1)")), String.join("\n", lines));
        // the control phase listens and connects on purpose: the recording must have seen both
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("control attempt listen")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("control attempt connect")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("control sockets [1-9].*")), String.join("\n", lines));
    }

    private static List<String> runProbe(Path dir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=allow", "-cp", System.getProperty("java.class.path"),
                NetworkProbe.class.getName(), "2000")
                .directory(dir.toFile()).redirectError(dir.resolve("probe.err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_"));
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("LOG_DIR", dir.resolve("logs").toString());
        env.put("BCRYPT_COST", "10");
        Process probe = builder.start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        assertEquals(0, probe.exitValue(), out);
        return out.lines().toList();
    }
}
