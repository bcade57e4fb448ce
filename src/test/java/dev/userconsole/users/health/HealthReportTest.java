package dev.userconsole.users.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.ParallelScan;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.Dynalite;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.UnhealthyTable;
import dev.userconsole.users.PasswordHasher;
import dev.userconsole.users.StoredHash;
import dev.userconsole.users.UserController;
import dev.userconsole.users.WriteGuard;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.AuditLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The health report on a table seeded (raw SDK puts) with every defect it looks for, and its fixes, on an
 * engine with transactions (DynamoDB Local) and one without (dynalite). What is stored afterwards is read
 * back with a raw scan.
 */
class HealthReportTest {
    enum Engine {
        DYNAMODB_LOCAL, DYNALITE;

        UserController controller(String table) {
            return this == DYNAMODB_LOCAL ? LocalDynamoDb.controller(table) : Dynalite.controller(table);
        }

        DynamoDbClient raw() {
            return this == DYNAMODB_LOCAL ? LocalDynamoDb.rawClient() : Dynalite.rawClient();
        }
    }

    private final String table = LocalDynamoDb.freshTableName();
    @TempDir
    Path dir;

    private static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient raw, String table) {
        return raw.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .collect(Collectors.toMap(item -> item.get("emailAddress").s(), item -> item));
    }

    private static Set<String> emails(HealthReport report, Check check) {
        return report.finding(check).entries().stream().map(Finding.Entry::email).collect(Collectors.toSet());
    }

    private static String detail(HealthReport report, Check check, String email) {
        return report.finding(check).entries().stream().filter(e -> e.email().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError(email + " not in " + check)).detail();
    }

    private UserController seeded(Engine engine) {
        UserController users = engine.controller(table);
        users.createTable(true);
        UnhealthyTable.seed(engine.raw(), table);
        return users;
    }

    private UserController audited(boolean readOnly) {
        return new UserController(DynamoDbs.open(LocalDynamoDb.settings(table)), table, new PasswordHasher(10),
                Clock.systemUTC(), new WriteGuard(readOnly, AuditLog.to(dir.resolve("audit.jsonl"), "test", table)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void findsEveryPlantedDefectWithItsCountAndEmailsAndNeverAHash(Engine engine) {
        try (UserController users = seeded(engine)) {
            AtomicLong scanned = new AtomicLong();
            HealthReport report = users.healthReport(3, scanned, () -> false);
            assertEquals(UnhealthyTable.ITEMS.size(), report.scanned());
            assertEquals(UnhealthyTable.ITEMS.size(), scanned.get(), "progress counts every item");
            assertTrue(report.complete());
            for (Check check : Check.values()) {
                assertEquals(UnhealthyTable.EXPECTED.get(check), emails(report, check), check.code());
                assertEquals(UnhealthyTable.EXPECTED.get(check).size(), report.finding(check).count(), check.code());
            }
            assertEquals(Map.of("2a", 12L, "2b", 1L, "2y", 1L), report.revisions());
            assertFalse(report.healthy());
            assertEquals("bcrypt $2a$, cost 4", detail(report, Check.WEAK_HASH, "weak@example.com"));
            assertEquals("not a bcrypt hash (an argon2 hash)", detail(report, Check.NOT_BCRYPT, "argon@example.com"));
            assertEquals("not a bcrypt hash (an md5-crypt hash)", detail(report, Check.NOT_BCRYPT, "md5@example.com"));
            assertEquals("not a bcrypt hash (plaintext or an unknown format)",
                    detail(report, Check.NOT_BCRYPT, "plain@example.com"));
            assertEquals("empty", detail(report, Check.NOT_BCRYPT, "empty@example.com"));
            assertEquals("no password", detail(report, Check.NOT_BCRYPT, "nopass@example.com"));
            assertEquals("locked (bcrypt $2a$, cost 10)", detail(report, Check.LOCKED, "locked@example.com"));
            assertEquals("normalised: upper@example.com",
                    detail(report, Check.KEY_NOT_NORMALISED, "Upper@Example.com"));
            assertEquals("cannot be moved: twin of twin@example.com",
                    detail(report, Check.KEY_NOT_NORMALISED, "Twin@Example.com"));
            assertEquals("twin of Twin@Example.com", detail(report, Check.KEY_TWINS, "twin@example.com"));
            assertEquals("no firstName, lastName", detail(report, Check.MISSING_ATTRIBUTES, "noname@example.com"));
            assertEquals("firstName is N, not S", detail(report, Check.WRONG_TYPES, "typed@example.com"));
            assertEquals("dateCreated \"2023-09-20T16:03:11+02:00\": repairable to 2023-09-20T14:03:11.000Z;"
                    + " dateUpdated \"2023-09-20T14:03:11Z\": repairable to 2023-09-20T14:03:11.000Z",
                    detail(report, Check.DATE_NOT_ISO, "offset@example.com"));
            assertEquals("dateCreated (number) 1695218591123: repairable to 2023-09-20T14:03:11.123Z",
                    detail(report, Check.DATE_NOT_ISO, "epoch@example.com"));
            assertTrue(detail(report, Check.DATE_NOT_ISO, "baddate@example.com").endsWith(
                    "not a date that can be read for certain"));

            StringWriter json = new StringWriter();
            HealthJson.write(report, new PrintWriter(json));
            String text = json + String.join("\n", HealthText.report(report, Integer.MAX_VALUE, ""));
            assertFalse(text.contains(UnhealthyTable.GOOD_2A.substring(7)), "no hash in any output");
            assertFalse(text.contains(UnhealthyTable.WEAK_2A.substring(7)), "no hash in any output");
            assertFalse(text.contains("plaintext-password-9"), "no plaintext password in any output");
        }
    }

    @Test
    void theJsonHasStableFieldsAndEveryCheck() throws Exception {
        try (UserController users = seeded(Engine.DYNAMODB_LOCAL)) {
            StringWriter out = new StringWriter();
            HealthJson.write(users.healthReport(1, new AtomicLong(), () -> false), new PrintWriter(out));
            Map<String, Object> json = AuditLines.parse(out.toString().strip());
            assertEquals(List.of("table", "scanned", "complete", "healthy", "problems", "minimumBcryptCost", "revisions",
                    "findings"), List.copyOf(json.keySet()));
            assertEquals(table, json.get("table"));
            assertEquals((long) UnhealthyTable.ITEMS.size(), json.get("scanned"));
            assertEquals("false", json.get("healthy"));
            assertEquals(10L, json.get("minimumBcryptCost"));
            assertEquals(Map.of("2a", 12L, "2b", 1L, "2y", 1L), json.get("revisions"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
            assertEquals(List.of("weak-hash", "not-bcrypt", "key-not-normalised", "key-twins", "missing-attributes",
                    "wrong-types", "date-not-iso", "locked", "mixed-revisions"),
                    findings.stream().map(f -> f.get("check")).toList());
            Map<String, Object> weak = findings.get(0);
            assertEquals(List.of("check", "problem", "title", "fix", "count", "users"), List.copyOf(weak.keySet()));
            assertEquals("lock", weak.get("fix"));
            assertEquals(1L, weak.get("count"));
            assertEquals(List.of(Map.of("email", "weak@example.com", "detail", "bcrypt $2a$, cost 4")), weak.get("users"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theKeyFixLeavesExactlyOneItemPerUserAndRefusesTwins(Engine engine) {
        DynamoDbClient raw = engine.raw();
        try (UserController users = seeded(engine)) {
            HealthReport report = users.healthReport(2, new AtomicLong(), () -> false);
            FixPlan plan = report.plan(FixKind.KEYS);
            assertEquals(Set.of("Upper@Example.com", " spaced@example.com "),
                    plan.targets().stream().map(Finding.Entry::email).collect(Collectors.toSet()), "twins are not in it");
            FixReport fixed = users.fixHealth(plan, new AtomicLong(), () -> false);
            assertTrue(fixed.allDone(), fixed.toString());

            Map<String, Map<String, AttributeValue>> stored = scan(raw, table);
            assertEquals(UnhealthyTable.ITEMS.size(), stored.size(), "one item per user: none lost, none doubled");
            assertFalse(stored.containsKey("Upper@Example.com") || stored.containsKey(" spaced@example.com "));
            Map<String, AttributeValue> expected = new HashMap<>(UnhealthyTable.ITEMS.get("Upper@Example.com"));
            expected.put("emailAddress", AttributeValue.fromS("upper@example.com"));
            assertEquals(expected, stored.get("upper@example.com"), "moved whole, every attribute as it was");
            assertTrue(stored.containsKey("spaced@example.com"));

            FixReport twins = users.fixHealth(new FixPlan(FixKind.KEYS, List.of(new Finding.Entry("Twin@Example.com",
                    "forced"))), new AtomicLong(), () -> false);
            assertEquals(FixResult.Outcome.REFUSED, twins.results().get(0).outcome(), twins.toString());
            assertTrue(twins.results().get(0).detail().contains("a person must merge them"), twins.toString());
            assertEquals(stored, scan(raw, table), "a refused twin changes nothing");

            HealthReport after = users.healthReport(2, new AtomicLong(), () -> false);
            assertEquals(Set.of("Twin@Example.com"), emails(after, Check.KEY_NOT_NORMALISED));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMoveThatStoppedBetweenItsPutAndItsDeleteIsToldApartFromTwinsAndFinished(Engine engine) {
        DynamoDbClient raw = engine.raw();
        try (UserController users = engine.controller(table)) {
            users.createTable(true);
            Map<String, AttributeValue> old = UnhealthyTable.user("Half@Example.com", UnhealthyTable.GOOD_2A);
            Map<String, AttributeValue> copy = new HashMap<>(old);
            copy.put("emailAddress", AttributeValue.fromS("half@example.com"));
            raw.putItem(b -> b.tableName(table).item(old));
            raw.putItem(b -> b.tableName(table).item(copy));

            HealthReport report = users.healthReport(1, new AtomicLong(), () -> false);
            assertEquals(Set.of(), emails(report, Check.KEY_TWINS), "not twins: the same item under both keys");
            assertTrue(detail(report, Check.KEY_NOT_NORMALISED, "Half@Example.com").startsWith("half moved"));

            FixReport fixed = users.fixHealth(report.plan(FixKind.KEYS), new AtomicLong(), () -> false);
            assertTrue(fixed.allDone(), fixed.toString());
            assertTrue(fixed.results().get(0).detail().contains("finished a move begun earlier"), fixed.toString());
            assertEquals(Map.of("half@example.com", copy), scan(raw, table));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDateFixRepairsWhatIsCertainAndLeavesTheRest(Engine engine) {
        DynamoDbClient raw = engine.raw();
        try (UserController users = seeded(engine)) {
            FixPlan plan = users.healthReport(1, new AtomicLong(), () -> false).plan(FixKind.DATES);
            assertEquals(Set.of("offset@example.com", "epoch@example.com"),
                    plan.targets().stream().map(Finding.Entry::email).collect(Collectors.toSet()));
            FixReport fixed = users.fixHealth(plan, new AtomicLong(), () -> false);
            assertTrue(fixed.allDone(), fixed.toString());
            Map<String, Map<String, AttributeValue>> stored = scan(raw, table);
            assertEquals(AttributeValue.fromS("2023-09-20T14:03:11.000Z"), stored.get("offset@example.com").get("dateCreated"));
            assertEquals(AttributeValue.fromS("2023-09-20T14:03:11.000Z"), stored.get("offset@example.com").get("dateUpdated"));
            assertEquals(AttributeValue.fromS("2023-09-20T14:03:11.123Z"), stored.get("epoch@example.com").get("dateCreated"));
            assertEquals(AttributeValue.fromS("yesterday"), stored.get("baddate@example.com").get("dateUpdated"),
                    "an unreadable date is only reported");
            assertEquals(UnhealthyTable.ITEMS.get("good@example.com"), stored.get("good@example.com"));
            assertEquals(Set.of("baddate@example.com"),
                    emails(users.healthReport(1, new AtomicLong(), () -> false), Check.DATE_NOT_ISO));
        }
    }

    @Test
    void fixesAreRefusedInReadOnlyModeAndAuditedUserByUser() {
        try (UserController setup = seeded(Engine.DYNAMODB_LOCAL)) {
            FixPlan plan = setup.healthReport(1, new AtomicLong(), () -> false).plan(FixKind.KEYS);
            Map<String, Map<String, AttributeValue>> before = scan(LocalDynamoDb.rawClient(), table);
            try (UserController readOnly = audited(true)) {
                ConsoleException refused = assertThrows(ConsoleException.class,
                        () -> readOnly.fixHealth(plan, new AtomicLong(), () -> false));
                assertEquals(Problem.READ_ONLY, refused.problem());
                assertTrue(refused.getMessage().contains("moving users to their normalised keys is refused"),
                        refused.getMessage());
            }
            assertEquals(before, scan(LocalDynamoDb.rawClient(), table), "read-only wrote nothing");
            try (UserController users = audited(false)) {
                users.fixHealth(plan, new AtomicLong(), () -> false);
            }
        }
        List<Map<String, Object>> lines = AuditLines.read(dir.resolve("audit.jsonl"));
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("fix-keys", lines.get(0).get("action"));
        assertEquals("refused", lines.get(0).get("outcome"));
        assertEquals("READ_ONLY", lines.get(0).get("problem"));
        Set<Object> moved = new HashSet<>();
        for (Map<String, Object> line : lines.subList(1, 3)) {
            assertEquals("fix-keys", line.get("action"));
            assertEquals("ok", line.get("outcome"));
            assertEquals(List.of("emailAddress"), line.get("fields"));
            moved.add(line.get("email"));
        }
        assertEquals(Set.of("Upper@Example.com", " spaced@example.com "), moved);
        assertEquals(Map.of("done", 2L, "changed", 0L, "not-found", 0L, "refused", 0L, "failed", 0L),
                lines.get(3).get("counts"));
        assertEquals("ok", lines.get(3).get("outcome"));
    }

    @Test
    void theLockFixLocksEachWeakOrBrokenAccountThroughTheLockCapabilityAndSaysWhatHappened() {
        DynamoDbClient raw = LocalDynamoDb.rawClient();
        try (UserController users = seeded(Engine.DYNAMODB_LOCAL)) {
            // a stand-in for the lock branch's UserController.lock: the ! prefix, written as it will write it
            AccountLocker locker = (email, reason) -> {
                Map<String, AttributeValue> key = Map.of("emailAddress", AttributeValue.fromS(email));
                Map<String, AttributeValue> item = raw.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
                if (item == null || item.isEmpty()) {
                    throw new ConsoleException(Problem.NOT_FOUND, "No user with email " + email + ".");
                }
                String password = item.containsKey("password") ? item.get("password").s() : "";
                raw.updateItem(b -> b.tableName(table).key(key).updateExpression("SET password = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(StoredHash.lock(password)))));
                return new Written(null, java.util.Optional.empty());
            };
            SdkErrors errors = new SdkErrors("test", table);
            TableHealth health = new TableHealth(raw, table, errors, new ParallelScan(raw, errors), new EngineFeatures(),
                    locker, 10);
            HealthReport report = users.healthReport(1, new AtomicLong(), () -> false);
            FixPlan plan = report.plan(FixKind.LOCK);
            assertEquals(new HashSet<>(List.of("weak@example.com", "plain@example.com", "argon@example.com",
                    "md5@example.com", "empty@example.com", "nopass@example.com")),
                    plan.targets().stream().map(Finding.Entry::email).collect(Collectors.toSet()));
            // deleted after the scan, before the fix: reported as not found
            raw.deleteItem(b -> b.tableName(table).key(Map.of("emailAddress", AttributeValue.fromS("md5@example.com"))));
            FixReport fixed = health.fix(plan, new AtomicLong(), () -> false, AuditLog.disabled().batch());
            assertEquals(5, fixed.count(FixResult.Outcome.DONE), fixed.toString());
            assertEquals(1, fixed.count(FixResult.Outcome.NOT_FOUND), fixed.toString());
            HealthReport after = health.report(1, new AtomicLong(), () -> false);
            assertEquals(Set.of(), emails(after, Check.WEAK_HASH));
            assertEquals(Set.of(), emails(after, Check.NOT_BCRYPT));
            assertTrue(emails(after, Check.LOCKED).containsAll(List.of("weak@example.com", "plain@example.com",
                    "nopass@example.com")));
        }
    }

    @Test
    void theControllersLockFixLocksWeakAndBrokenAccounts() {
        try (UserController users = seeded(Engine.DYNAMODB_LOCAL)) {
            FixPlan plan = users.healthReport(1, new AtomicLong(), () -> false).plan(FixKind.LOCK);
            FixReport fixed = users.fixHealth(plan, new AtomicLong(), () -> false);
            assertTrue(fixed.allDone(), fixed.toString());
            HealthReport after = users.healthReport(1, new AtomicLong(), () -> false);
            assertEquals(Set.of(), emails(after, Check.WEAK_HASH));
            assertEquals(Set.of(), emails(after, Check.NOT_BCRYPT));
            assertTrue(users.checkPassword("good@example.com", UnhealthyTable.PASSWORD), "others untouched");
        }
    }
}
