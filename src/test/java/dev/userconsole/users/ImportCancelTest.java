package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.LocalDynamoDb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Progress moves row by row while passwords are hashed, and a cancel stops the import at once, cleanly. */
class ImportCancelTest {
    private final String table = LocalDynamoDb.freshTableName();

    @Test
    void progressCountsEachRowAndACancelEndsTheImportWithinASecondLeavingOnlyWholeUsers() throws Exception {
        // plaintext rows: each needs a bcrypt hash (the slow part), so the import takes many seconds
        List<ImportRow> rows = IntStream.range(0, 2000).mapToObj(i -> new ImportRow(2 + i, "c" + i + "@example.com",
                "Cancel", "Row" + i, "password-" + i, null, null)).collect(Collectors.toList());
        try (UserController users = LocalDynamoDb.controller(table)) {
            users.createTable(true);
            ImportProgress progress = new ImportProgress(rows.size());
            CompletableFuture<ImportReport> running = CompletableFuture.supplyAsync(
                    () -> users.importUsers(rows.iterator(), false, progress));
            while (progress.done() < 5 && !running.isDone()) {
                Thread.sleep(5);
            }
            assertTrue(progress.done() < 100, "the bar moves before a hundred rows are written: " + progress.done());
            progress.cancel();
            long cancelledAt = System.nanoTime();
            ImportReport report = running.get(30, TimeUnit.SECONDS);
            Duration stopping = Duration.ofNanos(System.nanoTime() - cancelledAt);
            assertTrue(stopping.compareTo(Duration.ofSeconds(1)) <= 0, "stopped in " + stopping.toMillis() + " ms");

            assertTrue(report.imported() >= 5 && report.imported() < rows.size(), report.toString());
            assertTrue(report.cancelled() > 0, report.toString());
            assertEquals(0, report.failed() + report.invalid() + report.skipped(), report.toString());
            List<Map<String, AttributeValue>> stored = LocalDynamoDb.rawClient()
                    .scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                    .collect(Collectors.toList());
            assertEquals(report.imported(), stored.size(), "the report says exactly what was written");
            assertTrue(stored.stream().allMatch(item -> item.size() == 6
                    && item.get(User.PASSWORD).s().startsWith("$2a$")), "every stored user is whole");
            long afterCancel = stored.size();
            Thread.sleep(300);
            assertEquals(afterCancel, (long) LocalDynamoDb.rawClient().scan(b -> b.tableName(table).select("COUNT")).count(),
                    "nothing is written after the import returned");
        }
    }
}
