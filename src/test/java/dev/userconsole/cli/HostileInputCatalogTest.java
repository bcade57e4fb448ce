package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userconsole.config.DotenvFile;
import dev.userconsole.config.SettingsLoader;
import dev.userconsole.testing.HostileCase;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.TerminalSafety;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every case of the hostile input catalog ({@code hostile-inputs.jsonl}) through the scriptable commands,
 * in-process against DynamoDB Local: each gets its expected outcome, and none breaks the invariants (no
 * stack trace, no raw control character in any output, no password or hash shown, nothing written when
 * refused).
 */
class HostileInputCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE_EMAIL = "base@example.com";
    private static final String DOTENV_TABLE = "User";
    private static DynamoDbClient raw;

    @TempDir
    Path workingDir;
    private String table;
    private final List<Result> results = new ArrayList<>();

    private record Result(String command, int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void connect() {
        raw = LocalDynamoDb.rawClient();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    static Stream<HostileCase> cases() {
        return HostileCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGetsAClearMessageOrIsStoredAndShownSafely(HostileCase c) throws IOException {
        table = LocalDynamoDb.freshTableName();
        raw.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("emailAddress").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("emailAddress").attributeType(ScalarAttributeType.S)));
        // the trash every delete keeps users in: create-table makes it, the users table existing
        try (UserController users = LocalDynamoDb.controller(table)) {
            users.createTable(true);
        }
        switch (c.kind()) {
            case "insert" -> insert(c);
            case "update" -> update(c);
            case "get" -> lookup(c);
            case "stored" -> stored(c);
            case "env" -> dotenv(c);
            case "endpoint" -> endpoint(c);
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        }
        results.forEach(r -> assertInvariants(c, r));
    }

    // ---- the kinds of case -------------------------------------------------------------------------

    private void insert(HostileCase c) {
        String password = c.text("input.password").orElseThrow();
        Result r = run(Map.of(), password + "\n", "insert", "--email", c.text("input.email").orElseThrow(),
                "--first-name", c.text("input.firstName").orElseThrow(),
                "--last-name", c.text("input.lastName").orElseThrow(), "--password-stdin");
        assertOutcome(c, r);
        if (r.exitCode() != 0) {
            assertEquals(0, items().size(), "nothing is written when refused");
            return;
        }
        Map<String, AttributeValue> item = items().get(0);
        c.storedStrings().forEach((name, value) -> assertEquals(value, item.get(name).s(), name));
        c.text("expect.checkPassword").ifPresent(pw -> assertEquals(0, checkPassword(item, pw).exitCode(),
                "the whole password was kept"));
        c.text("expect.wrongPassword").ifPresent(pw -> assertEquals(1, checkPassword(item, pw).exitCode(),
                "a password differing in the last byte does not match"));
        assertShownSafely(c);
    }

    private void update(HostileCase c) {
        assertEquals(0, run(Map.of(), "base-password\n", "insert", "--email", BASE_EMAIL, "--first-name", "Base",
                "--last-name", "User", "--password-stdin").exitCode());
        Map<String, AttributeValue> before = items().get(0);
        List<String> args = new ArrayList<>(List.of("update", "--email", BASE_EMAIL));
        c.text("input.firstName").ifPresent(v -> args.addAll(List.of("--first-name", v)));
        c.text("input.lastName").ifPresent(v -> args.addAll(List.of("--last-name", v)));
        Optional<String> password = c.text("input.password");
        password.ifPresent(v -> args.add("--password-stdin"));
        Result r = run(Map.of(), password.map(p -> p + "\n").orElse(""), args.toArray(String[]::new));
        assertOutcome(c, r);
        Map<String, AttributeValue> after = items().get(0);
        if (r.exitCode() != 0) {
            assertEquals(before, after, "nothing is written when refused");
            return;
        }
        c.storedStrings().forEach((name, value) -> assertEquals(value, after.get(name).s(), name));
        assertNotEquals(before.get("dateUpdated"), after.get("dateUpdated"));
        assertShownSafely(c);
    }

    private void lookup(HostileCase c) {
        String email = c.text("email").orElseThrow();
        assertOutcome(c, run(Map.of(), "", "get", "--email", email));
        assertOutcome(c, run(Map.of(), "", "delete", "--email", email, "--yes"));
        assertOutcome(c, run(Map.of(), "password-1\n", "check-password", "--email", email, "--password-stdin"));
    }

    /** An item another tool wrote: every output shows it safely, and it can be checked, updated and deleted. */
    private void stored(HostileCase c) throws IOException {
        Map<String, AttributeValue> item = c.item();
        raw.putItem(b -> b.tableName(table).item(item));
        String key = item.get("emailAddress").s();
        assertShownSafely(c);
        Result table = run(Map.of(), "", "list", "--format", "table");
        assertAligned(table.out());
        Result json = run(Map.of(), "", "get", "--email", key, "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode shown = JSON.readTree(json.out());
        for (String name : List.of("emailAddress", "firstName", "lastName", "dateCreated", "dateUpdated")) {
            AttributeValue value = item.get(name);
            String expected = value == null ? null : value.s();
            assertEquals(expected, shown.has(name) ? shown.get(name).asText() : null,
                    name + " comes back exactly from JSON, or is left out when missing or not a string");
        }
        for (String format : List.of("table", "csv", "jsonl")) {
            assertEquals(0, run(Map.of(), "", "get", "--email", key, "--format", format).exitCode());
        }
        assertEquals(0, run(Map.of(), "", "export", "--format", "csv").exitCode());
        assertEquals(0, run(Map.of(), "", "export", "--format", "jsonl").exitCode());

        String password = c.text("expect.checkPasswordWith").orElse("wrong-password-1");
        Result check = run(Map.of(), password + "\n", "check-password", "--email", key, "--password-stdin");
        assertEquals(c.number("expect.checkPasswordExit").orElse(1), check.exitCode(), check.err());
        c.text("expect.checkPasswordMessage").ifPresent(m -> assertTrue(check.err().contains(m), check.err()));

        Result renamed = run(Map.of(), "", "update", "--email", key, "--first-name", "Renamed");
        assertEquals(0, renamed.exitCode(), "an item of any shape can be updated: " + renamed.err());
        assertEquals("Renamed", items().get(0).get("firstName").s());
        assertEquals(0, run(Map.of(), "", "delete", "--email", key, "--yes").exitCode());
        assertEquals(0, items().size());
    }

    private void dotenv(HostileCase c) throws IOException {
        run(Map.of(), "", "--table", DOTENV_TABLE, "create-table");
        results.clear();
        Files.writeString(workingDir.resolve(".env"), c.text("dotenv").orElseThrow(), StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", LocalDynamoDb.server().endpoint().toString());
        assertOutcome(c, run(env, "", "list"));
    }

    private void endpoint(HostileCase c) {
        assertOutcome(c, run(Map.of(), "", "--endpoint", c.text("endpoint").orElseThrow(), "list"));
    }

    // ---- checks ------------------------------------------------------------------------------------

    private static void assertOutcome(HostileCase c, Result r) {
        assertEquals(c.number("expect.exit").orElseThrow(), r.exitCode(), r.command() + ": " + r.err());
        c.text("expect.message").ifPresent(m -> assertTrue(r.err().contains(m),
                "message should contain \"" + VisibleText.of(m) + "\" but is: " + VisibleText.of(r.err())));
    }

    /** The listing in every format, with the case's expected table and CSV text. */
    private void assertShownSafely(HostileCase c) {
        for (String format : List.of("table", "csv", "json", "jsonl")) {
            Result r = run(Map.of(), "", "list", "--format", format);
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().contains("1 user"), r.err());
            c.text("expect." + format).ifPresent(text -> assertTrue(r.out().contains(text),
                    format + " should contain " + VisibleText.of(text) + ": " + VisibleText.of(r.out())));
        }
    }

    /** Wide characters count two columns: the dateCreated column starts at the same column on every row. */
    private static void assertAligned(String tableOut) {
        List<String> lines = tableOut.lines().toList();
        int header = VisibleText.width(lines.get(0).substring(0, lines.get(0).indexOf("dateCreated")));
        for (String line : lines.subList(2, lines.size())) {
            int at = line.indexOf("2023-09-20");
            if (at >= 0) {
                assertEquals(header, VisibleText.width(line.substring(0, at)), "aligned:\n" + tableOut);
            }
        }
    }

    private static final java.util.regex.Pattern BCRYPT_HASH =
            java.util.regex.Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{8,}");

    private static void assertInvariants(HostileCase c, Result r) {
        String all = r.all();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("something unexpected"),
                r.command() + " printed a failure instead of a message: " + VisibleText.of(all));
        assertEquals("safe", TerminalSafety.describe(r.out()), r.command() + " stdout");
        assertEquals("safe", TerminalSafety.describe(r.err()), r.command() + " stderr");
        // "bcrypt $2a$, cost 10" describes a hash; the salt and digest after it are the secret
        assertFalse(BCRYPT_HASH.matcher(all).find(), r.command() + " shows a password hash");
        c.text("input.password").filter(p -> p.length() >= 8).ifPresent(p -> assertFalse(all.contains(p),
                r.command() + " shows the password"));
        // get shows the whole account: the attributes other tools added are shown there (escaped) by design
        boolean shownByGet = r.command().startsWith("get") && c.id().equals("stored-extra-attributes");
        (shownByGet ? List.<String>of() : c.texts("absent")).forEach(secret -> assertFalse(all.contains(secret),
                r.command() + " shows " + secret + ": " + VisibleText.of(all)));
    }

    // ---- running commands --------------------------------------------------------------------------

    private Result checkPassword(Map<String, AttributeValue> item, String password) {
        return run(Map.of(), password + "\n", "check-password", "--email", item.get("emailAddress").s(),
                "--password-stdin");
    }

    private List<Map<String, AttributeValue>> items() {
        return raw.scan(b -> b.tableName(table).consistentRead(true)).items();
    }

    /**
     * Runs one command line as {@code Main} does, with the test server and table in the environment unless
     * {@code environment} is given, and {@code .env} read from the working directory.
     */
    private Result run(Map<String, String> environment, String stdin, String... args) {
        Map<String, String> env = environment;
        if (env.isEmpty()) {
            env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", LocalDynamoDb.server().endpoint().toString(),
                    "USERS_TABLE", table, "BCRYPT_COST", "10"));
        }
        Map<String, String> finalEnv = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, options -> new SettingsLoader(workingDir, finalEnv,
                DotenvFile.read(workingDir), p -> Optional.empty()).load(options), io, settings -> 0);
        Result result = new Result(String.join(" ", args.length > 0 ? VisibleText.of(args[0]) : ""),
                code, out.toString(), err.toString());
        results.add(result);
        return result;
    }
}
