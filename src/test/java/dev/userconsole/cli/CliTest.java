package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.SettingsLoader;
import dev.userconsole.testing.FaultProxy;
import dev.userconsole.testing.FaultProxy.Fault;
import dev.userconsole.testing.LocalDynamoDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scriptable commands, run in-process against DynamoDB Local, with no terminal. */
class CliTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final Map<String, String> env = new HashMap<>(Map.of(
            "AWS_ENDPOINT_URL", LocalDynamoDb.server().endpoint().toString(), "USERS_TABLE", table, "BCRYPT_COST", "10"));
    @TempDir
    Path workingDir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SettingsLoader loader = new SettingsLoader(workingDir, env, Map.of(), p -> Optional.empty());
        Io io = new Io(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, loader::load, io, settings -> {
            err.write("console opened on " + settings.describeConnection());
            return 0;
        });
        return new Result(code, out.toString(), err.toString());
    }

    private Result run(String... args) {
        return withStdin("", args);
    }

    @BeforeEach
    void createTable() {
        Result created = run("create-table");
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.err().contains("Created table " + table + " (ACTIVE"), created.err());
    }

    private Result insert(String email) {
        return withStdin("a-password\n", "insert", "--email", email, "--first-name", "Bob", "--last-name", "Jones",
                "--password-stdin");
    }

    @Test
    void anInsertWhoseAnswerIsLostSaysWhatHappenedAndExitsWithFourWhenItCannotBeChecked() throws IOException {
        try (FaultProxy proxy = new FaultProxy(LocalDynamoDb.server().port())) {
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            env.put(SettingsLoader.TIMEOUT_SECONDS, "2");
            proxy.injectInto("PutItem", Fault.RESET_MID_RESPONSE, 1);
            Result created = insert("bob@example.com");
            assertEquals(0, created.exitCode(), created.err());
            assertTrue(created.err().contains("checked: the user was created.\nCreated user bob@example.com (Bob Jones)."),
                    created.err());

            proxy.inject(Fault.RESET_MID_RESPONSE);
            Result unknown = insert("carol@example.com");
            assertEquals(4, unknown.exitCode(), unknown.err());
            assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
            assertTrue(unknown.err().contains("is unknown: look up carol@example.com"), unknown.err());

            proxy.clear();
            Result found = run("get", "--email", "carol@example.com");
            assertEquals(0, found.exitCode(), found.err());
        }
    }

    private void insertAlice() {
        Result r = withStdin("alice-password\n", "insert", "--email", "Alice@Example.com", "--first-name", "Alice",
                "--last-name", "Smith", "--password-stdin");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void withoutACommandTheConsoleOpensWithTheGlobalOptions() {
        Result r = run("--table", "Other");
        assertEquals(0, r.exitCode());
        assertTrue(r.err().startsWith("console opened on table Other on endpoint "), r.err());
    }

    @Test
    void createTableAgainSaysItExists() {
        Result again = run("create-table", "--on-demand");
        assertEquals(0, again.exitCode());
        assertEquals("Table " + table + " already exists (ACTIVE).", again.err().strip());
    }

    @Test
    void describeTableSaysWhereItIsConnected() {
        insertAlice();
        Result r = run("describe-table");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Connection:   endpoint " + LocalDynamoDb.server().endpoint()), r.out());
        assertTrue(r.out().contains("Status:       ACTIVE"), r.out());
        assertTrue(r.out().contains("Billing mode: PROVISIONED (provisioned 5 read / 5 write)"), r.out());
        assertTrue(r.out().contains("Items:        1 "), r.out());
    }

    @Test
    void describeTableOfAMissingTableSaysSoWithExitCode3() {
        Result r = run("--table", "Missing_" + table, "describe-table");
        assertEquals(3, r.exitCode());
        assertTrue(r.out().contains("Status:       missing"), r.out());
        assertTrue(r.err().contains("does not exist yet"), r.err());
    }

    @Test
    void verboseSaysWhereBeforeRunning() {
        Result r = run("-v", "list");
        assertTrue(r.err().startsWith("Using table " + table + " on endpoint "), r.err());
        assertTrue(r.err().contains("credentials: placeholder keys"), r.err());
    }

    @Test
    void insertThenGetInEveryFormatWithoutTheHash() {
        insertAlice();
        Result table = run("get", "--email", "alice@example.com");
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("alice@example.com  Alice")), table.out());
        Result json = run("get", "--email", "alice@example.com", "--format", "json");
        assertTrue(json.out().startsWith("{\"emailAddress\":\"alice@example.com\",\"firstName\":\"Alice\","
                + "\"lastName\":\"Smith\",\"dateCreated\":\""), json.out());
        Result csv = run("get", "--email", "alice@example.com", "--format", "csv");
        assertEquals("emailAddress,firstName,lastName,dateCreated,dateUpdated", csv.out().lines().findFirst().get());
        for (Result r : new Result[] {table, json, csv, run("list", "--format", "jsonl")}) {
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("$2a$"), r.out());
            assertFalse(r.out().contains("password"), r.out());
        }
    }

    @Test
    void exitCodesSayWhatHappened() {
        insertAlice();
        assertEquals(1, withStdin("x-password\n", "insert", "--email", "alice@example.com", "--first-name", "A",
                "--last-name", "B", "--password-stdin").exitCode());
        assertEquals(0, withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode());
        Result wrong = withStdin("wrong-password\n", "check-password", "--email", "alice@example.com", "--password-stdin");
        assertEquals(1, wrong.exitCode());
        assertEquals("Password does not match.", wrong.err().strip());
        assertEquals(1, run("update", "--email", "ghost@example.com", "--first-name", "G").exitCode());
        assertEquals(2, run("update", "--email", "alice@example.com").exitCode());
        assertEquals(2, run("insert", "--email", "bad", "--first-name", "A", "--last-name", "B",
                "--password-stdin").exitCode());
        assertEquals(2, run("no-such-command").exitCode());
        assertEquals(3, run("--table", "Missing_" + table, "list").exitCode());
        assertEquals(0, run("delete", "--email", "alice@example.com", "--yes").exitCode());
        assertEquals(1, run("delete", "--email", "alice@example.com", "--yes").exitCode());
    }

    @Test
    void withoutATerminalPasswordsAndConfirmationsMustBeExplicit() {
        Result insert = run("insert", "--email", "bob@example.com", "--first-name", "Bob", "--last-name", "Jones");
        assertEquals(2, insert.exitCode());
        assertTrue(insert.err().contains("--password-stdin"), insert.err());
        insertAlice();
        Result delete = run("delete", "--email", "alice@example.com");
        assertEquals(2, delete.exitCode());
        assertTrue(delete.err().contains("--yes"), delete.err());
        assertEquals(0, run("get", "--email", "alice@example.com").exitCode(), "nothing was deleted");
    }

    @Test
    void invalidInputNamesTheFieldAndWritesNothing() {
        Result r = withStdin("short\n", "insert", "--email", "bob@example.com", "--first-name", "Bob", "--last-name",
                "Jones", "--password-stdin");
        assertEquals(2, r.exitCode());
        assertEquals("error: password: must be at least 8 characters", r.err().strip());
        Result tooLong = withStdin("p".repeat(73) + "\n", "insert", "--email", "bob@example.com", "--first-name", "Bob",
                "--last-name", "Jones", "--password-stdin");
        assertEquals(2, tooLong.exitCode());
        Result names = withStdin("password1\n", "insert", "--email", "bob@example.com", "--first-name", "\u001b[31mBob",
                "--last-name", "Jones", "--password-stdin");
        assertEquals(2, names.exitCode());
        assertTrue(names.err().contains("first name"), names.err());
        assertEquals("0 users.", run("list").err().strip());
    }

    @Test
    void updateChangesNamesAndPassword() {
        insertAlice();
        Result r = withStdin("new-password-1\n", "update", "--email", "ALICE@example.com", "--last-name", "Jones",
                "--new-password", "--password-stdin");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0, withStdin("new-password-1\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode());
        assertTrue(run("get", "--email", "alice@example.com", "--format", "jsonl").out()
                .contains("\"lastName\":\"Jones\""));
    }

    @Test
    void hostileStoredValuesAreEscapedInEveryFormat() {
        try (var raw = LocalDynamoDb.rawClient()) {
            raw.putItem(b -> b.tableName(table).item(Map.of(
                    "emailAddress", AttributeValue.fromS("evil@example.com"),
                    "firstName", AttributeValue.fromS("\u001b]0;owned\u0007\u009b2J"),
                    "lastName", AttributeValue.fromS("=HYPERLINK(\"x\")\u202e"))));
        }
        for (String format : new String[] {"table", "csv", "json", "jsonl"}) {
            Result r = run("list", "--format", format);
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e),
                    format + " output must carry no raw control characters: " + r.out());
        }
        assertTrue(run("list", "--format", "table").out().contains("\\x1b]0;owned\\x07\\x9b2J"));
        assertTrue(run("list", "--format", "csv").out().contains("'=HYPERLINK"));
        assertTrue(run("list", "--format", "json").out().contains("\\u001B]0;owned\\u0007\\u009b2J")
                || run("list", "--format", "json").out().contains("\\u001b]0;owned\\u0007\\u009b2J"));
    }

    @Test
    void exportWithHashesMakesAnOwnerOnlyFileThatImportsBackIntoAnotherTable() throws Exception {
        insertAlice();
        Path backup = workingDir.resolve("backup.jsonl");
        Result export = run("export", "--include-password-hashes", "--output", backup.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(backup)));
        assertTrue(Files.readString(backup).contains("\"passwordHash\":\"$2a$10$"));
        assertEquals(2, run("export", "--output", backup.toString()).exitCode(), "an existing file is not replaced");

        String other = "Copy_" + table;
        assertEquals(0, run("--table", other, "create-table").exitCode());
        Result imported = run("--table", other, "import", backup.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.err().contains("Imported 1, skipped 0"), imported.err());
        assertEquals(0, withStdin("alice-password\n", "--table", other, "check-password", "--email",
                "alice@example.com", "--password-stdin").exitCode(), "the hash came across intact");
        Result again = run("--table", other, "import", "--on-existing", "fail", backup.toString());
        assertEquals(1, again.exitCode(), again.err());
    }

    @Test
    void exportWithoutHashesLeavesThemOutAndImportReportsBadRowsWithExitCode2() throws Exception {
        insertAlice();
        Result export = run("export", "--format", "csv", "--segments", "3");
        assertEquals(0, export.exitCode(), export.err());
        assertEquals("emailAddress,firstName,lastName,dateCreated,dateUpdated", export.out().lines().findFirst().get());
        assertFalse(export.out().contains("$2a$"));
        Path bad = workingDir.resolve("bad.csv");
        Files.writeString(bad, "email,firstName,lastName,password\nbob@example.com,Bob,Ray,short\n");
        Result imported = run("import", bad.toString());
        assertEquals(2, imported.exitCode());
        assertTrue(imported.err().contains("line 2 (bob@example.com): password: must be at least 8 characters"),
                imported.err());
        assertFalse(imported.err().contains("short"), "the refused password is not echoed");
    }

    @Test
    void listStreamsEveryUserAndCounts() {
        insertAlice();
        withStdin("bob-password\n", "insert", "--email", "bob@example.com", "--first-name", "Bob", "--last-name",
                "Jones", "--password-stdin");
        Result r = run("list", "--format", "jsonl");
        assertEquals(2, r.out().lines().count(), r.out());
        assertEquals("2 users.", r.err().strip());
        run("delete", "--email", "alice@example.com", "--yes");
        run("delete", "--email", "bob@example.com", "--yes");
        assertEquals("[]", run("list", "--format", "json").out().strip());
        assertEquals("", run("list", "--format", "jsonl").out());
    }
}
