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
import dev.userconsole.testing.ThrottlingProxy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
        return withEnv(Map.of(), stdin, args);
    }

    private Result withEnv(Map<String, String> extraEnv, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        SettingsLoader loader = new SettingsLoader(workingDir, all, Map.of(), p -> Optional.empty());
        Io io = new Io(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, loader::load, io, settings -> {
            err.write("console opened on " + settings.describeConnection());
            return 0;
        });
        CapturedOutput.record("CliTest, a command (its arguments are input, not output)", out + "\n" + err);
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
        assertTrue(created.err().contains("Created the trash table " + table + "-trash: deleted users are kept there"
                + " until they expire."), created.err());
    }

    @AfterEach
    void keepLogs() {
        CapturedOutput.keepDirectory(workingDir.resolve("logs"), "cli-logs/" + table);
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

    @Test
    void anInsertRefusedByAPolicyExitsWithThreeAndSaysWhyNotThatTheAnswerWasLost() throws IOException {
        try (FaultProxy proxy = new FaultProxy(LocalDynamoDb.server().port())) {
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            proxy.answer("PutItem", 403, "text/xml", "<ErrorResponse><Error><Code>AccessDenied</Code><Message>User: ops"
                    + " is not authorized to perform: dynamodb:PutItem</Message></Error></ErrorResponse>");
            Result refused = insert("bob@example.com");
            assertEquals(3, refused.exitCode(), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertTrue(refused.err().contains("Access denied: these credentials may not perform dynamodb:PutItem on table "
                    + table + "."), refused.err());
            assertTrue(refused.err().strip().endsWith("Nothing was written."), refused.err());

            proxy.clear();
            assertEquals(1, run("get", "--email", "bob@example.com").exitCode());
            Map<String, Object> audited = AuditLines.read(workingDir.resolve("logs/audit.jsonl")).stream()
                    .filter(r -> "insert".equals(r.get("action"))).reduce((a, b) -> b).orElseThrow();
            assertEquals("refused", audited.get("outcome"), audited.toString());
            assertEquals("ACCESS_DENIED", audited.get("problem"), audited.toString());
        }
    }

    @Test
    void aDeleteDeniedInDynamoDbsOwnWordsNamesThePrincipalTheActionAndTheTableAndLeavesTheUser() throws IOException {
        insertAlice();
        try (FaultProxy proxy = new FaultProxy(LocalDynamoDb.server().port())) {
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            // a delete keeps the user in the trash in one TransactWriteItems; DynamoDB names the item's action
            proxy.answer("TransactWriteItems", 400, "application/x-amz-json-1.0", "{\"__type\":\"com.amazon.coral.service#"
                    + "AccessDeniedException\",\"message\":\"User: arn:aws:iam::123456789012:user/ops is not authorized"
                    + " to perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/" + table
                    + " because no identity-based policy allows the dynamodb:DeleteItem action\"}");
            Result refused = run("delete", "--email", "alice@example.com", "--yes");
            assertEquals(3, refused.exitCode(), refused.err());
            assertEquals("error: Access denied: these credentials (arn:aws:iam::123456789012:user/ops) may not perform"
                    + " dynamodb:DeleteItem on table " + table + ". Nothing was written.", refused.err().strip());

            Result found = run("get", "--email", "alice@example.com");
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
        assertEquals("Table " + table + " already exists (ACTIVE).\nThe trash table " + table + "-trash exists.",
                again.err().strip());
    }

    @Test
    void describeTableSaysWhereItIsConnected() {
        insertAlice();
        Result r = run("describe-table");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Connection:   endpoint " + LocalDynamoDb.server().endpoint()), r.out());
        assertTrue(r.out().contains("Account:      not known: local endpoint with placeholder keys\n"), r.out());
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
        assertEquals("emailAddress,firstName,lastName,dateCreated,dateUpdated,locked", csv.out().lines().findFirst().get());
        for (Result r : new Result[] {table, json, csv, run("list", "--format", "jsonl")}) {
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("$2a$1"), r.out());
            // the table form describes the password ("bcrypt $2a$, cost 10"); the others have no such column
            assertEquals(r == table, r.out().contains("password"), r.out());
        }
    }

    @Test
    void getShowsEveryStoredAttributeWithItsTypeAndThePasswordOnlyDescribed() {
        String hash = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
        try (var raw = LocalDynamoDb.rawClient()) {
            raw.putItem(b -> b.tableName(table).item(Map.of("emailAddress", AttributeValue.fromS("old@example.com"),
                    "firstName", AttributeValue.fromS("Old"), "lastName", AttributeValue.fromS("Timer"),
                    "password", AttributeValue.fromS("!" + hash),
                    "dateCreated", AttributeValue.fromS("2023-09-20T14:03:11.123Z"),
                    "loginCount", AttributeValue.fromN("7"), "tags", AttributeValue.fromSs(List.of("vip")),
                    "note", AttributeValue.fromS("ring \u0007 the bell"))));
        }
        Result table = run("get", "--email", "old@example.com");
        assertEquals(0, table.exitCode(), table.err());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).startsWith("emailAddress"), "the row list shows comes first: " + table.out());
        assertTrue(lines.contains("password            locked (bcrypt $2a$, cost 10)"), table.out());
        assertTrue(lines.contains("loginCount    N     7"), table.out());
        assertTrue(lines.contains("tags          SS    [\"vip\"]"), table.out());
        assertTrue(lines.contains("note                ring \\x07 the bell"), table.out());
        assertTrue(lines.contains("                    UTC    2023-09-20 14:03:11.123 UTC"), table.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("                    local  ")), table.out());
        assertFalse(table.out().contains(hash.substring(7)), "never the hash");
        assertFalse(table.out().contains("\u0007"), "nothing raw reaches the terminal");

        Result json = run("get", "--email", "old@example.com", "--format", "json");
        assertEquals("{\"emailAddress\":\"old@example.com\",\"firstName\":\"Old\",\"lastName\":\"Timer\","
                + "\"dateCreated\":\"2023-09-20T14:03:11.123Z\",\"locked\":true}", json.out().strip(),
                "scripts keep their columns (and the locked one every listing has)");
    }

    @Test
    void historyListsTheAuditedActionsOnOneUserNewestFirst() throws IOException {
        insertAlice();
        insert("bob@example.com");
        assertEquals(0, run("update", "--email", "ALICE@example.com", "--last-name", "Jones").exitCode());
        assertEquals(1, run("update", "--email", "ghost@example.com", "--last-name", "X").exitCode());
        assertEquals(0, run("delete", "--email", " alice@example.com", "--yes").exitCode());

        Result shown = run("history", "--email", "alice@example.com");
        assertEquals(0, shown.exitCode(), shown.err());
        List<String> lines = shown.out().lines().toList();
        assertEquals(4, lines.size(), shown.out());
        assertTrue(lines.get(0).startsWith("time (UTC)"), shown.out());
        String me = System.getProperty("user.name");
        assertTrue(lines.get(1).matches("20\\d\\d-.*Z  " + java.util.regex.Pattern.quote(me) + "@.*  delete +ok"),
                lines.get(1));
        assertTrue(lines.get(2).contains("  update  ") && lines.get(2).endsWith("ok       lastName"), lines.get(2));
        assertTrue(lines.get(3).contains("  insert  "), lines.get(3));
        assertEquals("3 entries in " + workingDir.resolve("logs/audit.jsonl") + ".", shown.err().strip());

        Result json = run("history", "--email", "Alice@Example.com", "--format", "json", "--limit", "1");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().startsWith("[{\"time\":\"") && json.out().contains("\"action\":\"delete\"")
                && json.out().contains("\"email\":\" alice@example.com\"") && json.out().contains("\"table\":\""
                + table + "\""), json.out());
        assertTrue(json.err().contains("(--limit 1 reached)"), json.err());

        Result invalid = run("history", "--email", "alice@example.com", "--limit", "0");
        assertEquals(2, invalid.exitCode());
        assertEquals("error: limit: must be from 1 to 100000", invalid.err().strip());
        Result nobody = run("history", "--email", "nobody@example.com");
        assertEquals(0, nobody.exitCode());
        assertEquals(1, nobody.out().lines().count(), "only the header: " + nobody.out());
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
        Result names = withStdin("password-1\n", "insert", "--email", "bob@example.com", "--first-name", "\u001b[31mBob",
                "--last-name", "Jones", "--password-stdin");
        assertEquals(2, names.exitCode());
        assertTrue(names.err().contains("first name"), names.err());
        assertEquals("0 users.", firstLine(run("list").err()));
    }

    @Test
    void listFilterKeepsOnlyMatchingUsers() {
        insertAlice();
        assertEquals(0, withStdin("bob-password\n", "insert", "--email", "bob@example.com", "--first-name", "Bob",
                "--last-name", "Jones", "--password-stdin").exitCode());
        Result smith = run("list", "--filter", "SMITH", "--format", "jsonl");
        assertEquals(0, smith.exitCode(), smith.err());
        assertEquals(1, smith.out().lines().count(), smith.out());
        assertTrue(smith.out().contains("\"alice@example.com\""), smith.out());
        assertEquals("1 user.", firstLine(smith.err()));
        assertTrue(smith.err().contains("Scanned 2 users, matched 1; "), smith.err());
        assertEquals("0 users.", firstLine(run("list", "--filter", "nobody").err()));
    }

    @Test
    void listFilterIsAQueryAWholeAddressIsLookedUpAndASyntaxErrorPointsAtTheColumn() {
        insertAlice();
        assertEquals(0, withStdin("bob-password\n", "insert", "--email", "bob@corp.example", "--first-name", "Bob",
                "--last-name", "Jones", "--password-stdin").exitCode());
        Result corp = run("list", "--filter", "domain:corp.example -alice", "--format", "jsonl");
        assertEquals(0, corp.exitCode(), corp.err());
        assertEquals(List.of("bob@corp.example"), corp.out().lines().map(l -> l.replaceAll(".*\"emailAddress\":\"([^\"]+)\".*", "$1"))
                .toList());
        Result either = run("list", "--filter", "jones OR smith", "--format", "jsonl");
        assertEquals(2, either.out().lines().count(), either.out());
        Result byKey = run("list", "--filter", "email:Alice@Example.com", "--format", "jsonl");
        assertEquals(0, byKey.exitCode(), byKey.err());
        assertTrue(byKey.out().contains("\"alice@example.com\""), byKey.out());
        assertTrue(byKey.err().contains("Looked up by key, no scan."), byKey.err());
        Result bad = run("list", "--filter", "created:2026-13");
        assertEquals(2, bad.exitCode());
        assertEquals("error: filter: at column 9, created: needs a date like 2026-01-31, 2026-01 or 2026, not"
                + " \"2026-13\"", bad.err().strip());
        assertEquals("", bad.out());
    }

    private void insertCorp(int n) {
        for (int i = 0; i < n; i++) {
            assertEquals(0, insert("user" + i + "@corp.example").exitCode());
        }
    }

    private long lockedCount() {
        try (DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            return raw.scanPaginator(b -> b.tableName(table)).items().stream()
                    .filter(item -> item.get("password").s().startsWith("!")).count();
        }
    }

    @Test
    void bulkLockPreviewsRefusesAWrongCountAndLocksEachUserAsPreviewed() throws IOException {
        insertAlice();
        insertCorp(12);
        Result noTerminal = run("lock", "--filter", "domain:corp.example");
        assertEquals(2, noTerminal.exitCode());
        assertTrue(noTerminal.err().contains("no terminal to confirm on; add --yes --expect N"), noTerminal.err());
        Result noCount = run("lock", "--filter", "domain:corp.example", "--yes");
        assertEquals(2, noCount.exitCode());
        assertTrue(noCount.err().contains("--yes needs --expect N"), noCount.err());
        Result both = run("lock", "--email", "alice@example.com", "--filter", "alice");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("Give only one of --email, --filter and --emails-from."), both.err());
        Result wrong = run("lock", "--filter", "domain:corp.example", "--yes", "--expect", "13");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().startsWith("Would lock 12 users of table " + table + " (filter domain:corp.example):\n"
                + "  user"), wrong.err());
        assertTrue(wrong.err().contains("  ... and 2 more\n"), wrong.err());
        assertTrue(wrong.err().contains("The preview shows 12 users, not the 13 that --expect says; nothing changed."),
                wrong.err());
        assertEquals(0, lockedCount(), "a refused count changes nothing");

        Path report = workingDir.resolve("report.csv");
        Result locked = run("lock", "--filter", "domain:corp.example", "--reason", "acquired", "--yes", "--expect", "12",
                "--report", report.toString());
        assertEquals(0, locked.exitCode(), locked.err());
        assertTrue(locked.err().contains("Locked 12; skipped because changed 0, not found 0, unchanged 0, failed 0."),
                locked.err());
        assertEquals(12, lockedCount());
        List<String> rows = Files.readAllLines(report);
        assertEquals("email,outcome,detail", rows.get(0));
        assertEquals(13, rows.size(), rows.toString());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.matches("user\\d+@corp\\.example,done,")), rows.toString());
        List<Map<String, Object>> audit = AuditLines.read(workingDir.resolve("logs/audit.jsonl"));
        assertEquals(12, audit.stream().filter(r -> "lock".equals(r.get("action")) && "ok".equals(r.get("outcome")))
                .count());
        assertEquals(1, audit.stream().filter(r -> "bulk-lock".equals(r.get("action")) && "ok".equals(r.get("outcome")))
                .count(), "one summary line with the counts");
        assertEquals(4, audit.stream().filter(r -> "bulk-lock".equals(r.get("action")) && !"ok".equals(r.get("outcome")))
                .count(), "every refused attempt is audited too");

        Result again = run("lock", "--filter", "domain:corp.example", "--yes", "--expect", "12");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("Locked 0; skipped because changed 0, not found 0, unchanged 12"), again.err());
        Result unlocked = run("unlock", "--filter", "locked:yes", "--yes", "--expect", "12");
        assertEquals(0, unlocked.exitCode(), unlocked.err());
        assertEquals(0, lockedCount());
    }

    @Test
    void bulkResetWritesEachNewPasswordOnlyToAnOwnerOnlyFileAndEachVerifies() throws IOException {
        insertCorp(3);
        Path passwords = workingDir.resolve("new-passwords.csv");
        Result noFile = run("reset-password", "--filter", "corp", "--yes", "--expect", "3");
        assertEquals(2, noFile.exitCode());
        assertTrue(noFile.err().contains("Say where the new passwords go: --passwords-to FILE"), noFile.err());
        Files.writeString(workingDir.resolve("taken.csv"), "handed out before\n");
        Result taken = run("reset-password", "--filter", "corp", "--yes", "--expect", "3", "--passwords-to",
                workingDir.resolve("taken.csv").toString());
        assertEquals(2, taken.exitCode());
        assertEquals("handed out before\n", Files.readString(workingDir.resolve("taken.csv")));

        Result reset = run("reset-password", "--filter", "corp", "--yes", "--expect", "3", "--passwords-to",
                passwords.toString());
        assertEquals(0, reset.exitCode(), reset.err());
        assertTrue(reset.err().contains("Reset 3; skipped because changed 0"), reset.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)));
        List<String> lines = Files.readAllLines(passwords);
        assertEquals("email,password", lines.get(0));
        assertEquals(4, lines.size());
        String audit = Files.readString(workingDir.resolve("logs/audit.jsonl"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertTrue(cells[1].matches("[2-9A-HJ-NP-Za-km-np-z]{20}"), "unambiguous characters");
            assertFalse(reset.out().contains(cells[1]) || reset.err().contains(cells[1]), "never shown");
            assertFalse(audit.contains(cells[1]), "never audited");
            assertEquals(0, withStdin(cells[1] + "\n", "check-password", "--email", cells[0], "--password-stdin")
                    .exitCode(), cells[0]);
            assertEquals(1, withStdin("a-password\n", "check-password", "--email", cells[0], "--password-stdin")
                    .exitCode(), "the old password no longer works");
        }
    }

    @Test
    void deleteKeepsTheUserInTheTrashWhichListsItWithoutAHashAndUndeletePutsItBack() {
        insertAlice();
        Result deleted = run("delete", "--email", "alice@example.com", "--yes");
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertTrue(deleted.err().contains("Deleted user alice@example.com; it is kept in the trash table " + table
                + "-trash (undelete --email puts it back)."), deleted.err());
        Result listed = run("trash", "--format", "jsonl");
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("\"emailAddress\":\"alice@example.com\",\"firstName\":\"Alice\""),
                listed.out());
        assertFalse(listed.out().contains("$2"), "never a hash: " + listed.out());
        assertEquals("1 deleted user in the trash table " + table + "-trash.", listed.err().strip());
        Result shown = run("trash");
        assertTrue(shown.out().startsWith("email"), shown.out());
        assertFalse(shown.out().contains("$2"), shown.out());

        Result readOnly = withEnv(Map.of("READ_ONLY", "true"), "", "undelete", "--email", "alice@example.com");
        assertEquals(1, readOnly.exitCode(), readOnly.err());
        assertFalse(LocalDynamoDb.stored(table, "alice@example.com"));
        Result back = run("undelete", "--email", "alice@example.com");
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(back.err().contains("Undeleted user alice@example.com (Alice Smith), as it was when deleted."),
                back.err());
        assertEquals(0, withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode(), "the password works again");
        Result again = run("undelete", "--email", "alice@example.com");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("No deleted user with email alice@example.com is in the trash table"),
                again.err());

        Result permanent = run("delete", "--email", "alice@example.com", "--yes", "--permanent");
        assertEquals(0, permanent.exitCode(), permanent.err());
        assertTrue(permanent.err().contains("Deleted user alice@example.com permanently."), permanent.err());
        assertEquals("0 deleted users in the trash table " + table + "-trash.", run("trash").err().strip());
    }

    @Test
    void bulkUndeleteChoosesFromTheTrashByFilterOrListAndRestoresEachUserAttributeForAttribute() {
        insertAlice();
        insertCorp(4);
        Map<String, Map<String, AttributeValue>> before = new HashMap<>();
        try (DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            raw.scanPaginator(b -> b.tableName(table)).items().forEach(item -> before.put(item.get("emailAddress").s(), item));
        }
        assertEquals(0, run("delete", "--filter", "domain:corp.example", "--yes", "--expect", "4").exitCode());
        assertEquals(0, run("delete", "--email", "alice@example.com", "--yes").exitCode());

        Result wrong = run("undelete", "--filter", "domain:corp.example", "--yes", "--expect", "5");
        assertEquals(2, wrong.exitCode(), wrong.err());
        assertTrue(wrong.err().startsWith("Would undelete 4 users of table " + table
                + " (deleted users, filter domain:corp.example):"), wrong.err());
        Result back = run("undelete", "--filter", "domain:corp.example", "--yes", "--expect", "4");
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(back.err().contains("Undeleted 4; skipped because changed 0, not found 0"), back.err());
        Result listed = withStdin("# who asked\nalice@example.com\nnobody@example.com\n", "undelete",
                "--emails-from", "-", "--yes", "--expect", "1");
        assertEquals(1, listed.exitCode(), "one email is not in the trash: " + listed.err());
        assertTrue(listed.err().contains("Undeleted 1; skipped because changed 0, not found 1"), listed.err());
        try (DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            Map<String, Map<String, AttributeValue>> after = new HashMap<>();
            raw.scanPaginator(b -> b.tableName(table)).items().forEach(item -> after.put(item.get("emailAddress").s(), item));
            assertEquals(before, after, "every user back exactly as it was");
        }
        assertEquals("0 deleted users in the trash table " + table + "-trash.", run("trash").err().strip());
        List<Map<String, Object>> audit = AuditLines.read(workingDir.resolve("logs/audit.jsonl"));
        assertEquals(5, audit.stream().filter(r -> "undelete".equals(r.get("action")) && "ok".equals(r.get("outcome")))
                .count(), "each user's undelete is audited as its own");
        assertEquals(1, audit.stream().filter(r -> "bulk-undelete".equals(r.get("action"))
                && "ok".equals(r.get("outcome"))).count(), "the filter's undelete has one summary line");
        Result readOnly = withEnv(Map.of("READ_ONLY", "true"), "", "undelete", "--filter", "alice", "--yes",
                "--expect", "0");
        assertEquals(1, readOnly.exitCode(), readOnly.err());
        assertTrue(readOnly.err().contains("Read-only mode"), readOnly.err());
    }

    @Test
    void exportFilterWritesOnlyTheUsersTheQueryKeepsWithTheirHashesWhenAsked() throws IOException {
        insertAlice();
        insertCorp(2);
        Path file = workingDir.resolve("corp.jsonl");
        Result exported = run("export", "--filter", "domain:corp.example", "--include-password-hashes", "-o",
                file.toString());
        assertEquals(0, exported.exitCode(), exported.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.contains("@corp.example\"") && l.contains("\"passwordHash\":\"$2")),
                "only corp users, each with its hash");
        assertTrue(exported.err().contains("Exported 2 users to " + file + "."), exported.err());
        Result one = run("export", "--filter", "email:alice@example.com", "--format", "csv");
        assertEquals(2, one.out().lines().count(), "a header and alice: " + one.out());
        assertTrue(one.out().contains("alice@example.com"), one.out());
        Result bad = run("export", "--filter", "locked:perhaps");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: filter: at column 8, locked: is yes or no"), bad.err());
    }

    @Test
    void bulkDeleteFromAListReportsTheEmailsNoUserHasAndIsRefusedReadOnly() {
        insertAlice();
        insertCorp(3);
        String list = "# leavers\nuser0@corp.example\n\nUSER1@corp.example\nghost@corp.example\n";
        Result readOnly = withEnv(Map.of("READ_ONLY", "true"), list, "delete", "--emails-from", "-", "--yes",
                "--expect", "2");
        assertEquals(1, readOnly.exitCode(), readOnly.err());
        assertTrue(readOnly.err().startsWith("error: Read-only mode (--read-only or READ_ONLY=true): "), readOnly.err());
        assertTrue(LocalDynamoDb.stored(table, "user0@corp.example"));
        Result deleted = withStdin(list, "delete", "--emails-from", "-", "--yes", "--expect", "2");
        assertEquals(1, deleted.exitCode(), deleted.err());
        assertTrue(deleted.err().contains("1 email of the list has no user: ghost@corp.example"), deleted.err());
        assertTrue(deleted.err().contains("  ghost@corp.example: not-found: no user has this email"), deleted.err());
        assertTrue(deleted.err().contains("Deleted 2; skipped because changed 0, not found 1"), deleted.err());
        assertFalse(LocalDynamoDb.stored(table, "user0@corp.example"));
        assertFalse(LocalDynamoDb.stored(table, "user1@corp.example"));
        assertTrue(LocalDynamoDb.stored(table, "user2@corp.example"));
        assertTrue(LocalDynamoDb.stored(table, "alice@example.com"));
        Result none = run("delete", "--filter", "domain:nowhere.example", "--yes", "--expect", "0");
        assertEquals(0, none.exitCode(), none.err());
        assertTrue(none.err().contains("No user to delete; nothing changed."), none.err());
    }

    @Test
    void aCommonPasswordIsRefusedWithItsReasonAndExitTwo() {
        Result common = withStdin("password1\n", "insert", "--email", "bob@example.com", "--first-name", "Bob",
                "--last-name", "Jones", "--password-stdin");
        assertEquals(2, common.exitCode());
        assertEquals("error: password: is one of the 30,000 most common passwords, which attackers try first",
                common.err().strip());
        assertEquals("0 users.", firstLine(run("list").err()));

        insertAlice();
        Result update = withStdin("iloveyou\n", "update", "--email", "alice@example.com", "--password-stdin");
        assertEquals(2, update.exitCode());
        assertEquals("error: password: is one of the 30,000 most common passwords, which attackers try first",
                update.err().strip());
        // the stored names are known only once the user is read: the controller checks them too
        Result storedName = withStdin("Smith-1990\n", "update", "--email", "alice@example.com", "--password-stdin");
        assertEquals(2, storedName.exitCode(), storedName.err());
        assertTrue(storedName.err().contains("password: must not be the user's last name"), storedName.err());
        assertEquals(0, withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode(), "the password did not change");
    }

    @Test
    void minPasswordLengthFromTheEnvironmentIsApplied() {
        Map<String, String> fifteen = Map.of("MIN_PASSWORD_LENGTH", "15");
        Result refused = withEnv(fifteen, "fourteen-chars\n", "insert", "--email", "bob@example.com",
                "--first-name", "Bob", "--last-name", "Jones", "--password-stdin");
        assertEquals(2, refused.exitCode());
        assertEquals("error: password: must be at least 15 characters", refused.err().strip());
        assertEquals(0, withEnv(fifteen, "fifteen-chars-x\n", "insert", "--email", "bob@example.com",
                "--first-name", "Bob", "--last-name", "Jones", "--password-stdin").exitCode());
        Result bad = withEnv(Map.of("MIN_PASSWORD_LENGTH", "6"), "", "list");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("MIN_PASSWORD_LENGTH must be from 8 to 64 (it is 6)."), bad.err());
    }

    @Test
    void aCarriageReturnInsideAStdinPasswordIsRefusedNotCutButALineEndingOneIsDropped() {
        Result inside = withStdin("password-1\rrest\n", "insert", "--email", "cr@example.com", "--first-name", "C",
                "--last-name", "R", "--password-stdin");
        assertEquals(2, inside.exitCode(), inside.err());
        assertEquals("error: password: contains control characters", inside.err().strip());
        Result windows = withStdin("password-1\r\n", "insert", "--email", "cr@example.com", "--first-name", "C",
                "--last-name", "R", "--password-stdin");
        assertEquals(0, windows.exitCode(), windows.err());
        assertEquals(0, withStdin("password-1\n", "check-password", "--email", "cr@example.com",
                "--password-stdin").exitCode());
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
    void writesPrintTheUserTheyActedOnWhenGivenAFormat() {
        Result inserted = withStdin("bob-password\n", "insert", "--email", "bob@example.com", "--first-name", "Bob",
                "--last-name", "Jones", "--password-stdin", "--format", "json");
        assertEquals(0, inserted.exitCode(), inserted.err());
        String created = inserted.out().replaceAll(".*\"dateUpdated\":\"([^\"]+)\".*\\s*", "$1");
        assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), inserted.out());

        Result updated = run("update", "--email", "bob@example.com", "--first-name", "Robert", "--format", "jsonl");
        assertEquals(0, updated.exitCode(), updated.err());
        assertTrue(updated.out().contains("\"firstName\":\"Robert\",\"lastName\":\"Jones\""), updated.out());
        assertTrue(updated.err().startsWith("Updated user bob@example.com (dateUpdated was " + created + ", now "),
                updated.err());
        assertFalse(updated.out().contains("$2a$"), updated.out());

        Result deleted = run("delete", "--email", "bob@example.com", "--yes", "--format", "csv");
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertTrue(deleted.out().lines().anyMatch(l -> l.startsWith("bob@example.com,Robert,Jones,")), deleted.out());
        assertEquals("", run("update", "--email", "x@example.com", "--first-name", "X").out(),
                "without --format nothing goes to stdout");
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
        assertEquals("emailAddress,firstName,lastName,dateCreated,dateUpdated,locked", export.out().lines().findFirst().get());
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
        assertEquals("2 users.", firstLine(r.err()));
        assertTrue(r.err().matches("(?s).*\\nScanned 2 users, matched 2; about [0-9.]+ MB read, [0-9.]+ read units\\.\\s*"),
                "scanned, matched, megabytes and units: " + r.err());
        run("delete", "--email", "alice@example.com", "--yes");
        run("delete", "--email", "bob@example.com", "--yes");
        assertEquals("[]", run("list", "--format", "json").out().strip());
        assertEquals("", run("list", "--format", "jsonl").out());
    }

    /** Every write command, each refused in read-only mode; the table is checked unchanged afterwards. */
    private List<String[]> writeCommands(Path importFile) {
        return List.of(
                new String[] {"insert", "--email", "bob@example.com", "--first-name", "Bob", "--last-name", "Ray",
                        "--password-stdin"},
                new String[] {"update", "--email", "alice@example.com", "--first-name", "Changed"},
                new String[] {"update", "--email", "alice@example.com", "--new-password", "--password-stdin"},
                new String[] {"delete", "--email", "alice@example.com", "--yes"},
                new String[] {"lock", "--email", "alice@example.com", "--reason", "read-only test"},
                new String[] {"unlock", "--email", "alice@example.com"},
                new String[] {"reset-password", "--email", "alice@example.com", "--unlock"},
                new String[] {"--table", "Other_" + table, "create-table"},
                new String[] {"import", importFile.toString()},
                new String[] {"serve", "--port", "0", "--in-memory"});
    }

    @Test
    void readOnlyRefusesEveryWriteCommandWithExitCode1AndChangesNothing() throws Exception {
        insertAlice();
        String before = run("list", "--format", "jsonl").out();
        Path csv = workingDir.resolve("new.csv");
        Files.writeString(csv, "email,firstName,lastName,password\ncy@example.com,Cy,Po,password-1\n");
        for (String[] command : writeCommands(csv)) {
            for (boolean fromOption : new boolean[] {true, false}) {
                String[] args = fromOption ? prepend("--read-only", command) : command;
                Result r = withEnv(fromOption ? Map.of() : Map.of("READ_ONLY", "true"), "new-password-1\n", args);
                String name = String.join(" ", args);
                assertEquals(1, r.exitCode(), name + ": " + r.err());
                assertTrue(r.err().startsWith("error: Read-only mode (--read-only or READ_ONLY=true): "), r.err());
                assertTrue(r.err().contains("nothing was written"), r.err());
            }
        }
        assertEquals(before, run("list", "--format", "jsonl").out(), "the table is unchanged");
        assertEquals(3, run("--table", "Other_" + table, "describe-table").exitCode(), "no table was created");
        assertEquals(0, withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode(), "the password is unchanged");
        for (String[] read : new String[][] {{"list"}, {"get", "--email", "alice@example.com"}, {"export"},
                {"describe-table"}}) {
            assertEquals(0, run(prepend("--read-only", read)).exitCode(), String.join(" ", read) + " still works");
        }
        assertTrue(run("--read-only", "export", "--format", "csv").out().contains("alice@example.com"));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] args = new String[rest.length + 1];
        args[0] = first;
        System.arraycopy(rest, 0, args, 1, rest.length);
        return args;
    }

    @Test
    void everyWriteCommandIsAuditedIncludingRefusalsAndNeverWithAPassword() throws Exception {
        insertAlice();
        assertEquals(2, withStdin("short\n", "insert", "--email", "bob@example.com", "--first-name", "Bob",
                "--last-name", "Ray", "--password-stdin").exitCode());
        assertEquals(0, withStdin("new-password-1\n", "update", "--email", "alice@example.com", "--last-name", "Jones",
                "--new-password", "--password-stdin").exitCode());
        assertEquals(1, run("--read-only", "delete", "--email", "alice@example.com", "--yes").exitCode());
        assertEquals(0, run("delete", "--email", "alice@example.com", "--yes").exitCode());
        Path audit = workingDir.resolve("logs/audit.jsonl");
        List<Map<String, Object>> lines = AuditLines.read(audit);
        List<String> seen = lines.stream().map(l -> l.get("action") + " " + l.get("email") + " " + l.get("outcome")
                + (l.containsKey("problem") ? " " + l.get("problem") : "")).toList();
        assertEquals(List.of("create-table null ok", "insert Alice@Example.com ok",
                "insert bob@example.com refused INVALID_INPUT", "update alice@example.com ok",
                "delete alice@example.com refused READ_ONLY", "delete alice@example.com ok"), seen);
        assertEquals(List.of("lastName", "password"), lines.get(3).get("fields"));
        assertTrue(lines.stream().allMatch(l -> l.get("endpoint").equals(LocalDynamoDb.server().endpoint().toString())
                && l.get("table").equals(table)), lines.toString());
        String raw = Files.readString(audit);
        for (String secret : new String[] {"alice-password", "new-password-1", "short", "$2a$"}) {
            assertFalse(raw.contains(secret), secret + " in " + raw);
        }
        Path elsewhere = workingDir.resolve("elsewhere/audit.jsonl");
        assertEquals(0, run("--audit-log", elsewhere.toString(), "create-table").exitCode());
        assertEquals(1, AuditLines.read(elsewhere).size());
    }

    @Test
    void everyWriteAttemptIsAuditedExactlyOnceWhateverFailsFirst() {
        Path audit = workingDir.resolve("logs/audit.jsonl");
        int before = AuditLines.read(audit).size();
        // the write itself, the read before it, the input, the table, the connection
        assertEquals(0, insert("bob@example.com").exitCode());
        assertEquals(1, run("update", "--email", "ghost@example.com", "--first-name", "Ghost").exitCode());
        assertEquals(1, run("delete", "--email", "ghost@example.com", "--yes").exitCode());
        assertEquals(2, run("update", "--email", "bob@example.com").exitCode());
        assertEquals(3, run("--table", "Missing_" + table, "update", "--email", "bob@example.com", "--last-name", "X")
                .exitCode());
        assertEquals(3, run("--table", "Missing_" + table, "delete", "--email", "bob@example.com", "--yes").exitCode());
        assertEquals(3, run("--endpoint", "http://127.0.0.1:1", "update", "--email", "bob@example.com",
                "--last-name", "Y").exitCode());
        assertEquals(1, run("--read-only", "update", "--email", "bob@example.com", "--last-name", "Z").exitCode());
        List<String> seen = AuditLines.read(audit).stream().skip(before).map(l -> l.get("action") + " "
                + l.get("email") + " " + l.get("outcome") + (l.containsKey("problem") ? " " + l.get("problem") : "")
                + " " + l.get("table").equals(table) + " " + l.getOrDefault("fields", List.of())).toList();
        assertEquals(List.of("insert bob@example.com ok true []",
                "update ghost@example.com refused NOT_FOUND true [firstName]",
                "delete ghost@example.com refused NOT_FOUND true []",
                "update bob@example.com refused NOTHING_TO_UPDATE true []",
                "update bob@example.com refused TABLE_MISSING false [lastName]",
                "delete bob@example.com refused TABLE_MISSING false []",
                "update bob@example.com failed UNREACHABLE true [lastName]",
                "update bob@example.com refused READ_ONLY true []"), seen);
        assertEquals(1, run("get", "--email", "ghost@example.com").exitCode(), "no ghost was created");
    }

    @Test
    void anUnwritableAuditLogRefusesWritesButNotReads() throws Exception {
        Files.writeString(workingDir.resolve("blocked"), "");
        Map<String, String> env = Map.of("AUDIT_LOG", workingDir.resolve("blocked/audit.jsonl").toString());
        Result r = withEnv(env, "", "delete", "--email", "alice@example.com", "--yes");
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("audit log") && r.err().contains("nothing was written"), r.err());
        assertEquals(0, withEnv(env, "", "list").exitCode());
    }

    @Test
    void usageErrorsNameTheOptionButNeverEchoWhatWasTyped() {
        String secret = "hunter2-Secret";
        String[][] attempts = {
                {"insert", "--password", secret, "--email", "a@example.com", "--first-name", "A", "--last-name", "B"},
                {"insert", "--password=" + secret},
                {"update", "--email", "a@example.com", secret},
                {"list", "--format", secret},
                {"serve", "--port", secret},
                {"--endpoint"},
        };
        for (String[] args : attempts) {
            Result r = run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertFalse((r.out() + r.err()).contains(secret), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Result unknown = run(attempts[0]);
        assertTrue(unknown.err().contains("Unknown option --password"), unknown.err());
        assertTrue(unknown.err().contains("user-console insert --help"), unknown.err());
        assertTrue(run(attempts[3]).err().contains("--format"), run(attempts[3]).err());
        Result missing = run(attempts[1]);
        assertTrue(missing.err().contains("'--email=EMAIL', '--first-name=NAME'"), "option names are shown: "
                + missing.err());
    }

    @Test
    void aScanOfMoreThanAHundredMegabytesSaysWhatItWillCostAndNeedsYesWithoutATerminal() throws IOException {
        insertAlice();
        try (ThrottlingProxy proxy = new ThrottlingProxy(LocalDynamoDb.server().port())) {
            proxy.reportTableSize(table, 250_000_000L);
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            for (String command : List.of("list", "export")) {
                Result refused = run(command);
                assertEquals(2, refused.exitCode(), refused.err());
                assertTrue(refused.err().contains("A whole-table scan of " + table + " reads about 250 MB: about"
                        + " 30,518 read units (about 1 h 41 min at the table's 5 read units a second)."), refused.err());
                assertTrue(refused.err().contains("add --yes"), refused.err());
                assertEquals("", refused.out(), "nothing was scanned");
                Result confirmed = run(command, "--yes");
                assertEquals(0, confirmed.exitCode(), confirmed.err());
                assertTrue(confirmed.out().contains("alice@example.com"), confirmed.out());
            }
            Result backup = run("backup", "--output", workingDir.resolve("big.jsonl").toString());
            assertEquals(2, backup.exitCode(), backup.err());
            assertTrue(backup.err().contains("about 61,036 read units"), "strongly consistent: " + backup.err());
            assertFalse(Files.exists(workingDir.resolve("big.jsonl")));
        }
    }

    @Test
    void lockMarksTheUserEverywhereCheckPasswordSaysSoAndUnlockGivesThePasswordBack() {
        insertAlice();
        Result locked = run("lock", "--email", "Alice@Example.com", "--reason", "left the team");
        assertEquals(0, locked.exitCode(), locked.err());
        assertEquals("Locked user alice@example.com: no password matches until it is unlocked.", locked.err().strip());
        Result check = withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin");
        assertEquals(1, check.exitCode(), check.err());
        assertTrue(check.err().startsWith("error: User alice@example.com is locked (since "), check.err());
        assertTrue(check.err().contains(": left the team); no password matches until it is unlocked."), check.err());

        assertTrue(run("list", "--format", "csv").out().contains(",Alice,Smith,") && run("list", "--format", "csv")
                .out().lines().anyMatch(l -> l.startsWith("alice@example.com,") && l.endsWith(",true")));
        assertTrue(run("list", "--format", "json").out().contains("\"locked\":true"));
        assertTrue(run("list", "--format", "jsonl").out().contains("\"locked\":true"));
        assertTrue(run("get", "--email", "alice@example.com").out().lines()
                .anyMatch(l -> l.startsWith("alice@example.com") && l.endsWith("locked")));
        String table = run("list").out();
        assertTrue(table.lines().findFirst().orElseThrow().endsWith("locked"), table);
        assertTrue(run("export", "--format", "jsonl").out().contains("\"locked\":true"));
        assertTrue(run("export", "--format", "csv").out().lines().anyMatch(l -> l.endsWith(",true")));
        Result again = run("lock", "--email", "alice@example.com");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("is already locked (since "), again.err());

        Result unlocked = run("unlock", "--email", "alice@example.com");
        assertEquals(0, unlocked.exitCode(), unlocked.err());
        assertEquals("Unlocked user alice@example.com: its password works again.", unlocked.err().strip());
        assertEquals(0, withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode());
        assertTrue(run("list", "--format", "csv").out().lines().anyMatch(l -> l.startsWith("alice@example.com,")
                && l.endsWith(",false")));
        Result notLocked = run("unlock", "--email", "alice@example.com");
        assertEquals(1, notLocked.exitCode());
        assertEquals("error: User alice@example.com is not locked; nothing was written.", notLocked.err().strip());

        Result badReason = run("lock", "--email", "alice@example.com", "--reason", "bell\u0007");
        assertEquals(2, badReason.exitCode());
        assertEquals("error: reason: contains control or text-direction characters", badReason.err().strip());
        assertEquals(1, run("lock", "--email", "nobody@example.com").exitCode());
        assertEquals(1, run("unlock", "--email", "nobody@example.com").exitCode());
        List<String> audited = AuditLines.read(workingDir.resolve("logs/audit.jsonl")).stream()
                .filter(r -> List.of("lock", "unlock").contains(r.get("action")))
                .map(r -> r.get("action") + " " + r.get("outcome") + " " + r.get("problem")).toList();
        assertEquals(List.of("lock ok null", "lock refused ALREADY_LOCKED", "unlock ok null",
                "unlock refused NOT_LOCKED", "lock refused INVALID_INPUT", "lock refused NOT_FOUND",
                "unlock refused NOT_FOUND"), audited);
    }

    @Test
    void resetPasswordPrintsTheNewPasswordOnceOnStdoutAndKeepsOrLiftsTheLock() throws IOException {
        insertAlice();
        Result reset = run("reset-password", "--email", "alice@example.com");
        assertEquals(0, reset.exitCode(), reset.err());
        assertEquals(1, reset.out().lines().count(), reset.out());
        String password = reset.out().strip();
        assertTrue(password.matches("[2-9A-HJ-NP-Za-km-np-z]{20}"), password);
        assertEquals("Set a new password for alice@example.com, printed once on stdout; it is not kept anywhere.",
                reset.err().strip());
        assertEquals(1, withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode(), "the old password no longer matches");
        assertEquals(0, withStdin(password + "\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode());

        assertEquals(0, run("lock", "--email", "alice@example.com").exitCode());
        Result whileLocked = run("reset-password", "--email", "alice@example.com", "--passphrase");
        assertEquals(0, whileLocked.exitCode(), whileLocked.err());
        String phrase = whileLocked.out().strip();
        assertTrue(phrase.matches("[a-z]{4,8}(-[a-z]{4,8}){4}"), phrase);
        assertTrue(whileLocked.err().contains("The user is still locked"), whileLocked.err());
        Result refused = withStdin(phrase + "\n", "check-password", "--email", "alice@example.com", "--password-stdin");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("is locked"), refused.err());

        Result unlocking = run("reset-password", "--email", "alice@example.com", "--unlock");
        assertEquals(0, unlocking.exitCode(), unlocking.err());
        assertTrue(unlocking.err().contains("The user is unlocked."), unlocking.err());
        String last = unlocking.out().strip();
        assertEquals(0, withStdin(last + "\n", "check-password", "--email", "alice@example.com",
                "--password-stdin").exitCode());
        String audit = Files.readString(workingDir.resolve("logs/audit.jsonl"));
        for (String secret : List.of(password, phrase, last, "$2a$")) {
            assertFalse(audit.contains(secret), "the audit log holds a password or hash");
        }
        assertEquals(3, AuditLines.read(workingDir.resolve("logs/audit.jsonl")).stream()
                .filter(r -> "reset-password".equals(r.get("action")) && "ok".equals(r.get("outcome"))).count());
        assertEquals(1, run("reset-password", "--email", "nobody@example.com").exitCode());
    }

    @Test
    void aLockWhoseAnswerIsLostIsCheckedAndReportedAsSaved() throws IOException {
        insertAlice();
        try (FaultProxy proxy = new FaultProxy(LocalDynamoDb.server().port())) {
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            env.put(SettingsLoader.TIMEOUT_SECONDS, "2");
            proxy.injectInto("UpdateItem", Fault.RESET_MID_RESPONSE, 1);
            Result locked = run("lock", "--email", "alice@example.com");
            assertEquals(0, locked.exitCode(), locked.err());
            assertTrue(locked.err().contains("did not answer the lock (the connection was lost or timed out); checked:"
                    + " the change was saved.\nLocked user alice@example.com"), locked.err());
            proxy.clear();
            Result check = withStdin("alice-password\n", "check-password", "--email", "alice@example.com",
                    "--password-stdin");
            assertEquals(1, check.exitCode(), check.err());
            assertTrue(check.err().contains("is locked"), check.err());
            assertEquals(0, run("unlock", "--email", "alice@example.com").exitCode(), "one prefix, removed by one unlock");
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }
}
