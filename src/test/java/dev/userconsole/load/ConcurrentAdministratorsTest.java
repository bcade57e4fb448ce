package dev.userconsole.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.LocalDynamoDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Proof that concurrent administrators cannot corrupt each other's work: separate OS processes run the
 * scriptable commands at random over a few shared emails against one DynamoDB Local, and
 * {@link HistoryChecker} checks what they were told against each other and against the final table.
 * Size: {@code -Dload.processes=8 -Dload.operations=60} (the CI default); {@code scripts/load-test.sh --full}
 * runs 8 x 500. The report goes to {@code target/load-test/report.txt}.
 */
class ConcurrentAdministratorsTest {
    private static final int EMAILS = 50;

    @Test
    void concurrentAdministratorsNeverLoseAcknowledgedWork() throws Exception {
        int processes = Integer.getInteger("load.processes", 8);
        int operations = Integer.getInteger("load.operations", 60);
        long seed = Long.getLong("load.seed", System.currentTimeMillis());
        String table = LocalDynamoDb.freshTableName();
        try (var users = LocalDynamoDb.controller(table)) {
            users.createTable(true);
        }
        Path dir = Path.of("target", "load-test");
        Files.createDirectories(dir);
        List<Process> running = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            Path log = dir.resolve("admin-" + p + ".jsonl").toAbsolutePath();
            logs.add(log);
            running.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", System.getProperty("java.class.path"), AdminDriver.class.getName(),
                    LocalDynamoDb.server().endpoint().toString(), table, String.valueOf(EMAILS),
                    String.valueOf(operations), String.valueOf(seed + p), String.valueOf(p), log.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("admin-" + p + ".out").toFile()).start());
        }
        for (Process process : running) {
            assertTrue(process.waitFor(20, TimeUnit.MINUTES), "an administrator process did not finish");
            assertEquals(0, process.exitValue(), "an administrator process failed; see " + dir);
        }
        List<OpRecord> history = new ArrayList<>();
        for (Path log : logs) {
            Files.readAllLines(log).forEach(line -> history.add(OpRecord.fromJson(line)));
        }
        assertEquals(processes * operations, history.size());
        HistoryChecker.Report report = HistoryChecker.check(history, finalTable(table));
        String text = processes + " processes x " + operations + " operations over " + EMAILS + " emails, seed "
                + seed + "\n" + report.summary();
        Files.writeString(dir.resolve("report.txt"), text);
        System.out.print(text);
        assertEquals(List.of(), report.violations(), text);
        assertTrue(report.counts().get(HistoryChecker.Outcome.INSERTED) > 0, text);
        assertTrue(report.counts().get(HistoryChecker.Outcome.UPDATED) > 0, text);
        assertTrue(report.counts().get(HistoryChecker.Outcome.DELETED) > 0, text);
    }

    private static Map<String, Map<String, String>> finalTable(String table) throws IOException {
        Map<String, Map<String, String>> items = new HashMap<>();
        try (DynamoDbClient client = LocalDynamoDb.rawClient()) {
            client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> {
                Map<String, String> fields = new HashMap<>();
                item.forEach((name, value) -> fields.put(name, value.s()));
                items.put(item.get("emailAddress").s(), fields);
            });
        }
        return items;
    }
}
