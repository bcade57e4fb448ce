package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.SettingsLoader;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.CapturedOutput;
import dev.userconsole.testing.FaultProxy;
import dev.userconsole.testing.FaultProxy.Fault;
import dev.userconsole.testing.LocalDynamoDb;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** backup and restore through the real command-line entry point, against DynamoDB Local, with no terminal. */
class BackupRestoreCliTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final String copy = "Copy_" + table;
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    @TempDir
    Path workingDir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result withEnv(Map<String, String> extraEnv, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", LocalDynamoDb.server().endpoint().toString(),
                "USERS_TABLE", table, "BCRYPT_COST", "10"));
        env.putAll(extraEnv);
        SettingsLoader loader = new SettingsLoader(workingDir, env, Map.of(), p -> Optional.empty());
        Io io = new Io(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, loader::load, io, settings -> 0);
        CapturedOutput.record("BackupRestoreCliTest, a command", out + "\n" + err);
        Result result = new Result(code, out.toString(), err.toString());
        assertFalse((result.out() + result.err()).contains("$2a$"), "no hash in the output: " + String.join(" ", args));
        return result;
    }

    private Result run(String... args) {
        return withEnv(Map.of(), "", args);
    }

    @BeforeEach
    void twoTablesAndTwoUsers() {
        assertEquals(0, run("create-table").exitCode());
        assertEquals(0, run("--table", copy, "create-table").exitCode());
        Result alice = withEnv(Map.of(), "alice-password\n", "insert", "--email", "alice@example.com",
                "--first-name", "Alice", "--last-name", "Smith", "--password-stdin");
        assertEquals(0, alice.exitCode(), alice.err());
        // as the original app stored it: a key today's rules refuse, no names, an extra attribute
        raw.putItem(b -> b.tableName(table).item(Map.of("emailAddress", AttributeValue.fromS("John Smith@Example"),
                "visits", AttributeValue.fromN("3"))));
    }

    @AfterEach
    void keepLogs() {
        CapturedOutput.keepDirectory(workingDir.resolve("logs"), "backup-cli-logs/" + table);
    }

    private Map<String, Map<String, AttributeValue>> scan(String name) {
        return raw.scanPaginator(b -> b.tableName(name).consistentRead(true)).items().stream()
                .collect(Collectors.toMap(item -> item.get("emailAddress").s(), item -> item));
    }

    @Test
    void aBackupRestoresExactlyAndARerunFindsEverythingAlreadyThere() throws Exception {
        Path file = workingDir.resolve("users.json.gz");
        Result backup = run("backup", "--output", file.toString(), "--segments", "2");
        assertEquals(0, backup.exitCode(), backup.err());
        assertEquals("", backup.out(), "never to standard output");
        assertEquals("Backed up 2 items to " + file + ".", backup.err().strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Result restore = run("--table", copy, "restore", file.toString());
        assertEquals(0, restore.exitCode(), restore.err());
        assertEquals("", restore.out());
        assertEquals("Restored 2, already there 0, conflicts 0 (kept), invalid 0, failed 0.", restore.err().strip());
        assertEquals(scan(table), scan(copy), "identical, item for item");
        assertEquals(0, withEnv(Map.of(), "alice-password\n", "--table", copy, "check-password", "--email",
                "alice@example.com", "--password-stdin").exitCode(), "the hash came across intact");

        Result again = run("--table", copy, "restore", file.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("Restored 0, already there 2, conflicts 0 (kept), invalid 0, failed 0.", again.err().strip());
        assertEquals(scan(table), scan(copy));

        List<Map<String, Object>> audit = AuditLines.read(workingDir.resolve("logs/audit.jsonl"));
        List<Map<String, Object>> restores = audit.stream().filter(r -> "restore".equals(r.get("action"))).toList();
        assertEquals(2, restores.size(), "one summary per run");
        assertEquals("ok", restores.get(1).get("outcome"));
        assertEquals(4, audit.stream().filter(r -> "restore-row".equals(r.get("action"))).count(), "one per row");
        assertTrue(audit.stream().anyMatch(r -> "restore-row".equals(r.get("action"))
                && "John Smith@Example".equals(r.get("email")) && "ALREADY_EXISTS".equals(r.get("problem"))));
    }

    @Test
    void anExistingFileIsRefusedWithExitCode2UnlessForced() throws Exception {
        Path file = workingDir.resolve("users.json");
        Files.writeString(file, "keep me\n");
        Result refused = run("backup", "--output", file.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("already exists; choose a new file name (or --force to replace it)"),
                refused.err());
        assertEquals("keep me\n", Files.readString(file));
        Result forced = run("backup", "--output", file.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(2, Files.readAllLines(file).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Result noOutput = run("backup");
        assertEquals(2, noOutput.exitCode());
        assertTrue(noOutput.err().contains("--output"), noOutput.err());
        Result stdout = run("backup", "--output", "-");
        assertEquals(2, stdout.exitCode());
        assertEquals("", stdout.out());
        assertTrue(stdout.err().contains("never written to standard output"), stdout.err());
        Result directory = run("backup", "--output", workingDir.toString(), "--force");
        assertEquals(2, directory.exitCode());
        assertTrue(directory.err().contains("is not a regular file"), directory.err());
    }

    @Test
    void aConflictExitsWith1AndAnInvalidLineWith2NamingTheLine() throws Exception {
        Path file = workingDir.resolve("users.json");
        assertEquals(0, run("backup", "-o", file.toString()).exitCode());
        Map<String, AttributeValue> theirs = Map.of("emailAddress", AttributeValue.fromS("John Smith@Example"),
                "visits", AttributeValue.fromN("4"));
        raw.putItem(b -> b.tableName(copy).item(theirs));
        Result conflict = run("--table", copy, "restore", file.toString());
        assertEquals(1, conflict.exitCode(), conflict.err());
        assertTrue(conflict.err().contains("(John Smith@Example): conflict: another item is stored under this key;"
                + " it was kept, untouched"), conflict.err());
        assertTrue(conflict.err().contains("Restored 1, already there 0, conflicts 1 (kept), invalid 0, failed 0."),
                conflict.err());
        assertEquals(theirs, scan(copy).get("John Smith@Example"), "their item was kept");

        Path bad = workingDir.resolve("bad.json");
        Files.writeString(bad, Files.readString(file) + "{\"Item\":{\"emailAddress\":{\"S\":\"x@example.com\"},"
                + "\"n\":{\"N\":\"one\"}}}\n");
        Result invalid = run("--table", copy, "restore", bad.toString());
        assertEquals(2, invalid.exitCode(), invalid.err());
        assertTrue(invalid.err().contains("line 3: Item.n: N must be numbers, like \"-12.5\" or \"1E+3\""),
                invalid.err());
        assertTrue(invalid.err().contains("already there 1, conflicts 1 (kept), invalid 1, failed 0."), invalid.err());
        assertFalse(scan(copy).containsKey("x@example.com"));
    }

    @Test
    void restoreIsRefusedInReadOnlyModeWithExitCode1AndBackupStillWorks() throws Exception {
        Path file = workingDir.resolve("users.json");
        Result backup = run("--read-only", "backup", "--output", file.toString());
        assertEquals(0, backup.exitCode(), "a backup is a read: " + backup.err());
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("READ_ONLY", "true"))) {
            String[] args = env.isEmpty() ? new String[] {"--read-only", "--table", copy, "restore", file.toString()}
                    : new String[] {"--table", copy, "restore", file.toString()};
            Result refused = withEnv(env, "", args);
            assertEquals(1, refused.exitCode(), refused.err());
            assertEquals("error: Read-only mode (--read-only or READ_ONLY=true): restoring a backup is refused;"
                    + " nothing was written.", refused.err().strip());
        }
        assertTrue(scan(copy).isEmpty(), "nothing was written");
        assertTrue(AuditLines.read(workingDir.resolve("logs/audit.jsonl")).stream().anyMatch(r ->
                "restore".equals(r.get("action")) && "READ_ONLY".equals(r.get("problem"))), "the refusal is audited");
    }

    @Test
    void lostAnswersFollowTheImportRulesAndARerunFinishesTheJob() throws Exception {
        Path file = workingDir.resolve("users.json");
        assertEquals(0, run("backup", "-o", file.toString()).exitCode());
        try (FaultProxy proxy = new FaultProxy(LocalDynamoDb.server().port())) {
            Map<String, String> viaProxy = Map.of("AWS_ENDPOINT_URL", proxy.endpoint().toString(),
                    SettingsLoader.TIMEOUT_SECONDS, "2");
            proxy.injectInto("BatchExecuteStatement", Fault.RESET_MID_RESPONSE, 1);
            Result once = withEnv(viaProxy, "", "--table", copy, "restore", file.toString());
            assertEquals(0, once.exitCode(), "a resend that finds the item it sent is no failure: " + once.err());
            assertTrue(once.err().contains("conflicts 0 (kept), invalid 0, failed 0."), once.err());
            assertEquals(scan(table), scan(copy));

            String third = "Third_" + table;
            assertEquals(0, run("--table", third, "create-table").exitCode());
            proxy.injectInto("BatchExecuteStatement", Fault.RESET_MID_RESPONSE, 1_000);
            Result lost = withEnv(viaProxy, "", "--table", third, "restore", file.toString());
            assertEquals(1, lost.exitCode(), lost.err());
            assertTrue(lost.err().contains("whether this item was written is unknown; run it again to finish"),
                    lost.err());
            assertTrue(lost.err().contains("Restored 0, already there 0, conflicts 0 (kept), invalid 0, failed 2."),
                    lost.err());
            proxy.clear();
            Result rerun = withEnv(viaProxy, "", "--table", third, "restore", file.toString());
            assertEquals(0, rerun.exitCode(), rerun.err());
            assertEquals(scan(table), scan(third), "the re-run finished the job");
        }
    }

    @Test
    void aMissingFileOrTableIsOneSentence() throws Exception {
        Result missingFile = run("restore", workingDir.resolve("none.json").toString());
        assertEquals(2, missingFile.exitCode());
        assertTrue(missingFile.err().startsWith("error: Cannot read "), missingFile.err());
        Path notGzip = workingDir.resolve("plain.json.gz");
        Files.writeString(notGzip, "{}\n");
        Result gz = run("restore", notGzip.toString());
        assertEquals(2, gz.exitCode());
        assertTrue(gz.err().contains("it is not a gzip file"), gz.err());

        Path file = workingDir.resolve("users.json");
        assertEquals(0, run("backup", "-o", file.toString()).exitCode());
        Path gzip = workingDir.resolve("users.json.gz");
        assertEquals(0, run("backup", "-o", gzip.toString()).exitCode());
        byte[] whole = Files.readAllBytes(gzip);
        Path cut = workingDir.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 12)); // the trailer and some data gone
        Result truncated = run("--table", copy, "restore", cut.toString());
        assertEquals(2, truncated.exitCode(), truncated.err());
        assertTrue(truncated.err().contains(": cannot be read, so the file ends here (EOFException"), truncated.err());
        assertTrue(truncated.err().contains("invalid 1, failed 0."), truncated.err());

        Result missingTable = run("--table", "Missing_" + table, "restore", file.toString());
        assertEquals(3, missingTable.exitCode(), missingTable.err());
        assertEquals(1, missingTable.err().strip().lines().count(), missingTable.err());
        assertTrue(missingTable.err().contains("does not exist yet; create it first (create-table)"),
                missingTable.err());
    }
}
