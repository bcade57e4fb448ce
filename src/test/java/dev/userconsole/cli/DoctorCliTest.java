package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.SettingsLoader;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.CapturedOutput;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.UnhealthyTable;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code doctor} run in-process through the command line against DynamoDB Local, with no terminal. */
class DoctorCliTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final Map<String, String> env = new HashMap<>(Map.of(
            "AWS_ENDPOINT_URL", LocalDynamoDb.server().endpoint().toString(), "USERS_TABLE", table, "BCRYPT_COST", "10"));
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    @TempDir
    Path workingDir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SettingsLoader loader = new SettingsLoader(workingDir, env, Map.of(), p -> Optional.empty());
        Io io = new Io(new BufferedReader(new StringReader("")), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, loader::load, io, settings -> 0);
        CapturedOutput.record("DoctorCliTest, a command", out + "\n" + err);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void createTable() {
        assertEquals(0, run("create-table", "--on-demand").exitCode());
    }

    private Set<String> keys() {
        return raw.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .map(item -> item.get("emailAddress").s()).collect(Collectors.toSet());
    }

    @Test
    void aHealthyTableExitsWithZero() {
        raw.putItem(b -> b.tableName(table).item(UnhealthyTable.user("good@example.com", UnhealthyTable.GOOD_2A)));
        Result result = run("doctor");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Table " + table + ": 1 item scanned."), result.out());
        assertTrue(result.out().strip().endsWith("Healthy: no problems found."), result.out());
    }

    @Test
    void theReportGivesCountsThenEmailsCappedUnlessAllAndExitsWithOne() {
        UnhealthyTable.seed(raw, table);
        IntStream.range(0, 12).forEach(i -> raw.putItem(b -> b.tableName(table).item(
                UnhealthyTable.user("weak" + i + "@example.com", UnhealthyTable.WEAK_2A))));
        Result result = run("doctor");
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.out().contains("    13  bcrypt hashes with a cost below the minimum 10  [fix: lock]"),
                result.out());
        assertTrue(result.out().contains("          ... and 3 more (--all lists every one)"), result.out());
        assertTrue(result.out().contains("     2  keys that differ only by case or spaces (twins: a person must merge them)"),
                result.out());
        assertTrue(result.out().contains("          \" spaced@example.com \"".replace("\"", "")), result.out());
        assertTrue(result.out().contains("bcrypt revisions: $2a$ 24, $2b$ 1, $2y$ 1"), result.out());
        assertTrue(result.out().contains("Not healthy: "), result.out());
        assertFalse(result.out().contains(UnhealthyTable.WEAK_2A.substring(7)), "never a hash");

        Result all = run("doctor", "--all");
        assertFalse(all.out().contains("more (--all"), all.out());
        assertEquals(13, all.out().lines().filter(l -> l.contains(": bcrypt $2a$, cost 4")).count(), all.out());
    }

    @Test
    void theJsonReportIsOneObjectForScripts() throws Exception {
        UnhealthyTable.seed(raw, table);
        Result result = run("doctor", "--format", "json");
        assertEquals(1, result.exitCode(), result.err());
        Map<String, Object> json = AuditLines.parse(result.out().strip());
        assertEquals("false", json.get("healthy"));
        assertEquals((long) UnhealthyTable.ITEMS.size(), json.get("scanned"));
        assertEquals(9, ((List<?>) json.get("findings")).size());
    }

    @Test
    void theKeyFixIsPreviewedRefusedWithoutATerminalOrYesThenAppliedAndAudited() throws Exception {
        UnhealthyTable.seed(raw, table);
        Set<String> before = keys();
        Result unconfirmed = run("doctor", "--fix", "keys");
        assertEquals(2, unconfirmed.exitCode(), unconfirmed.err());
        assertTrue(unconfirmed.err().contains("add --yes"), unconfirmed.err());
        Result unknown = run("doctor", "--fix", "everything", "--yes");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("--fix: give lock, keys or dates."), unknown.err());
        Result readOnly = run("--read-only", "doctor", "--fix", "keys", "--yes");
        assertEquals(1, readOnly.exitCode(), readOnly.err());
        assertTrue(readOnly.err().contains("Read-only mode"), readOnly.err());
        assertEquals(before, keys(), "nothing changed");

        Result fixed = run("doctor", "--fix", "keys", "--yes");
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertTrue(fixed.err().contains("Move items to their normalised keys: 2 users in table " + table), fixed.err());
        assertTrue(fixed.out().contains("  Upper@Example.com: done (moved to upper@example.com)"), fixed.out());
        assertTrue(fixed.out().contains("Done 2, changed by someone else 0, not found 0, refused 0, failed 0."),
                fixed.out());
        Set<String> after = keys();
        assertEquals(before.size(), after.size(), "one item per user");
        assertTrue(after.containsAll(List.of("upper@example.com", "spaced@example.com", "Twin@Example.com",
                "twin@example.com")), after.toString());

        Result again = run("doctor", "--fix", "keys", "--yes", "--format", "json");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("Nothing to fix"), again.err());

        List<Map<String, Object>> audit = AuditLines.read(workingDir.resolve("logs/audit.jsonl"));
        List<Map<String, Object>> fixes = audit.stream().filter(r -> "fix-keys".equals(r.get("action"))).toList();
        assertEquals(List.of("refused", "refused", "ok", "ok", "ok"), fixes.stream().map(r -> r.get("outcome")).toList(),
                audit.toString());
        assertEquals(List.of("INVALID_INPUT", "READ_ONLY"), fixes.subList(0, 2).stream().map(r -> r.get("problem"))
                .toList(), "every attempt is audited, whatever stopped it");
    }

    @Test
    void theDateFixRepairsAndSaysWhatItDidToEachUser() {
        UnhealthyTable.seed(raw, table);
        Result fixed = run("doctor", "--fix", "dates", "--yes", "--format", "json");
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertTrue(fixed.out().contains("\"fix\":\"dates\",\"counts\":{\"done\":2,"), fixed.out());
        Map<String, AttributeValue> epoch = raw.getItem(b -> b.tableName(table)
                .key(Map.of("emailAddress", AttributeValue.fromS("epoch@example.com")))).item();
        assertEquals(AttributeValue.fromS("2023-09-20T14:03:11.123Z"), epoch.get("dateCreated"));
    }
}
