package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Settings;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.backup.BackupFile;
import dev.userconsole.users.backup.RestoreReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Backup and restore against DynamoDB Local: a table as other tools left it (keys the original app stored,
 * users today's rules refuse, attributes of every type) is backed up and restored into an empty table, and
 * the raw SDK scans of both must be equal item for item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest {
    private static final int GENERATED = 2_500;
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28, (byte) 0x80};

    private final String source = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private UserController sourceUsers;
    private Map<String, Map<String, AttributeValue>> sourceItems;
    @TempDir
    Path tempRoot;
    /** This test's own directory (the class's temporary directory is shared by its tests). */
    private Path dir;

    @BeforeAll
    void buildSource() {
        sourceUsers = LocalDynamoDb.controller(source);
        sourceUsers.createTable(true);
        LocalDynamoDb.putAll(raw, source, sourceTable());
        sourceItems = scan(source);
        assertEquals(GENERATED + special().size(), sourceItems.size());
    }

    @BeforeEach
    void newDirectory() throws IOException {
        dir = Files.createTempDirectory(tempRoot, "case");
    }

    @AfterAll
    void close() {
        sourceUsers.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** The items other tools left: each is a case today's import would refuse or change. */
    private static List<Map<String, AttributeValue>> special() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(Map.of("emailAddress", s("John Smith@Example"), "firstName", s("John"), "lastName", s("Smith"),
                "password", s(PasswordHasherTest.BCRYPTJS_2A), "dateCreated", s("2019-03-04T05:06:07.089Z"),
                "dateUpdated", s("2019-03-04T05:06:07.090Z")));
        items.add(Map.of("emailAddress", s("empty-names@example.com"), "firstName", s(""), "lastName", s(""),
                "password", s(PasswordHasherTest.BCRYPTJS_2B), "dateCreated", s("2020-01-01T00:00:00.000Z"),
                "dateUpdated", s("2021-06-30T23:59:59.999Z")));
        items.add(Map.of("emailAddress", s("no-names@example.com"), "password", s("plain-text-password")));
        items.add(Map.of("emailAddress", s("Bob.Builder@Example.com"), "firstName", s("Bob"), "lastName", s("Upper"),
                "password", s(PasswordHasherTest.BCRYPTJS_2A)));
        items.add(Map.of("emailAddress", s("bob.builder@example.com"), "firstName", s("Bob"), "lastName", s("Lower"),
                "password", s(PasswordHasherTest.BCRYPTJS_2B)));
        items.add(Map.of("emailAddress", s(" padded@example.com "), "firstName", s("\u001b]0;owned\u0007"),
                "lastName", s("\u202eevil")));
        Map<String, AttributeValue> everyType = new LinkedHashMap<>();
        everyType.put("emailAddress", s("every-type@example.com"));
        everyType.put("firstName", AttributeValue.fromN("42")); // a number where a string was expected
        everyType.put("lastName", AttributeValue.fromNul(true));
        everyType.put("password", AttributeValue.fromB(SdkBytes.fromByteArray(NOT_UTF8)));
        everyType.put("dateCreated", AttributeValue.fromN("1700000000"));
        everyType.put("dateUpdated", AttributeValue.fromBool(false));
        everyType.put("n150", AttributeValue.fromN("1.50"));
        everyType.put("negativeZero", AttributeValue.fromN("-0"));
        everyType.put("exponent", AttributeValue.fromN("1E+3"));
        everyType.put("big", AttributeValue.fromN("-12345678901234567890123456789012345678"));
        everyType.put("tiny", AttributeValue.fromN("1E-130"));
        everyType.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(NOT_UTF8)));
        everyType.put("yes", AttributeValue.fromBool(true));
        everyType.put("nothing", AttributeValue.fromNul(true));
        everyType.put("emptyString", s(""));
        everyType.put("strings", AttributeValue.fromSs(List.of("zeta", "alpha", "Mu", "é", "")));
        everyType.put("numbers", AttributeValue.fromNs(List.of("3", "1.50", "-0.25", "1E+3")));
        everyType.put("binaries", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(NOT_UTF8),
                SdkBytes.fromByteArray(new byte[] {1, 2, 3}))));
        everyType.put("emptyList", AttributeValue.fromL(List.of()));
        everyType.put("emptyMap", AttributeValue.fromM(Map.of()));
        everyType.put("nested", AttributeValue.fromM(Map.of(
                "list", AttributeValue.fromL(List.of(AttributeValue.fromN("1.50"), s("x"), AttributeValue.fromNul(true),
                        AttributeValue.fromM(Map.of("deep", AttributeValue.fromSs(List.of("b", "a")),
                                "bytes", AttributeValue.fromB(SdkBytes.fromByteArray(NOT_UTF8)))))),
                "flag", AttributeValue.fromBool(true))));
        everyType.put("odd name with spaces & \"quotes\"", s("value"));
        items.add(everyType);
        items.add(Map.of("emailAddress", s("huge@example.com"), "firstName", s("Huge"),
                "notes", s("x".repeat(300_000))));
        return items;
    }

    private static List<Map<String, AttributeValue>> sourceTable() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(special());
        String padding = "p".repeat(1_000); // 2,500 x 1 KB: several 1 MB scan pages
        for (int i = 0; i < GENERATED; i++) {
            items.add(Map.of("emailAddress", s("user" + i + "@example.com"), "firstName", s("F" + i),
                    "lastName", s("L" + i), "password", s(PasswordHasherTest.BCRYPTJS_2A),
                    "dateCreated", s("2022-02-02T02:02:02.002Z"), "dateUpdated", s("2022-02-02T02:02:02.003Z"),
                    "padding", s(padding), "visits", AttributeValue.fromN(Integer.toString(i))));
        }
        return items;
    }

    /** Every item, read with the raw SDK (not our reader), keyed by the key; with the number of pages. */
    private Map<String, Map<String, AttributeValue>> scan(String table) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (ScanResponse page : raw.scanPaginator(b -> b.tableName(table).consistentRead(true))) {
            for (Map<String, AttributeValue> item : page.items()) {
                assertTrue(items.put(item.get("emailAddress").s(), item) == null, "a key scanned twice");
            }
        }
        return items;
    }

    private static int pages(DynamoDbClient raw, String table) {
        int pages = 0;
        for (ScanResponse ignored : raw.scanPaginator(b -> b.tableName(table))) {
            pages++;
        }
        return pages;
    }

    /** Equal item for item; on failure names the differing keys only (the items hold hashes). */
    private void assertSameTable(Map<String, Map<String, AttributeValue>> expected, String table) {
        Map<String, Map<String, AttributeValue>> actual = scan(table);
        Set<String> differing = new TreeSet<>();
        for (String key : expected.keySet()) {
            if (!expected.get(key).equals(actual.get(key))) {
                differing.add(key.length() > 40 ? key.substring(0, 40) : key);
            }
        }
        Set<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        assertTrue(differing.isEmpty() && extra.isEmpty(), "differing items: " + differing + ", extra: " + extra);
    }

    private UserController emptyTable(String table) {
        UserController users = LocalDynamoDb.controller(table);
        users.createTable(true);
        return users;
    }

    private Path backup(String name, int segments) {
        Path file = dir.resolve(name);
        AtomicLong done = new AtomicLong();
        assertEquals(sourceItems.size(), sourceUsers.backup(file, false, segments, done));
        assertEquals(sourceItems.size(), done.get());
        return file;
    }

    private static RestoreReport restore(UserController users, Path file) {
        try (BackupFile.Lines lines = BackupFile.open(file)) {
            return users.restore(lines, new ImportProgress(BackupFile.countLines(file)));
        }
    }

    @Test
    void theSourceTableNeedsSeveralScanPagesAndHoldsWhatDynamoDbLocalMadeOfTheNumbers() {
        assertTrue(pages(raw, source) >= 3, "several 1 MB pages");
        Map<String, AttributeValue> stored = sourceItems.get("every-type@example.com");
        // what DynamoDB Local stores for 1.50, -0 and 1E+3: the backup keeps whatever it is, as a string
        assertEquals(Set.of("1.5", "0", "1000"), Set.of(stored.get("n150").n(), stored.get("negativeZero").n(),
                stored.get("exponent").n()));
    }

    @Test
    void aBackupRestoredIntoAnEmptyTableMakesItIdenticalAndARerunFindsEverythingThere() throws IOException {
        Path file = backup("users.json", 3);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(sourceItems.size(), lines.size(), "one item per line");
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"Item\":{")), "DynamoDB JSON");
        assertEquals(List.of(file), Files.list(dir).toList(), "no partial file is left");

        String target = "Restored_" + source;
        try (UserController users = emptyTable(target)) {
            RestoreReport report = restore(users, file);
            assertEquals(new RestoreReport(sourceItems.size(), 0, 0, 0, 0, List.of()), report);
            assertSameTable(sourceItems, target);

            RestoreReport again = restore(users, file);
            assertEquals(new RestoreReport(0, sourceItems.size(), 0, 0, 0, List.of()), again, "all already there");
            assertSameTable(sourceItems, target);
        }
    }

    @Test
    void aGzipBackupRoundTripsAndIsRealGzip() throws IOException {
        Path file = backup("export.json.gz", 1);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(sourceItems.size(), text.lines().count());
        }
        String target = "Gz_" + source;
        try (UserController users = emptyTable(target)) {
            assertEquals(sourceItems.size(), restore(users, file).restored());
            assertSameTable(sourceItems, target);
        }
    }

    @Test
    void aDifferentItemUnderAKeyIsAConflictAndIsLeftUntouched() {
        Path file = backup("conflict.json", 2);
        String target = "Conflict_" + source;
        Map<String, AttributeValue> theirs = Map.of("emailAddress", s("John Smith@Example"), "firstName", s("Other"),
                "note", AttributeValue.fromN("7"));
        try (UserController users = emptyTable(target)) {
            raw.putItem(b -> b.tableName(target).item(theirs));
            RestoreReport report = restore(users, file);
            assertEquals(sourceItems.size() - 1, report.restored());
            assertEquals(1, report.conflicts());
            assertEquals(0, report.alreadyThere() + report.invalid() + report.failed());
            assertEquals(1, report.problems().size());
            assertEquals("John Smith@Example", report.problems().get(0).email());
            assertTrue(report.problems().get(0).reason().contains("conflict"), report.problems().get(0).reason());
            Map<String, Map<String, AttributeValue>> expected = new HashMap<>(sourceItems);
            expected.put("John Smith@Example", theirs);
            assertSameTable(expected, target);
        }
    }

    @Test
    void badLinesAreReportedByNumberAndNothingIsWrittenForThem() throws IOException {
        Path file = dir.resolve("mixed.json");
        String good1 = "{\"Item\":{\"emailAddress\":{\"S\":\"Good One@Example\"},\"n\":{\"N\":\"1.50\"},"
                + "\"ss\":{\"SS\":[\"b\",\"a\"]}}}";
        String good2 = "{\"Item\":{\"emailAddress\":{\"S\":\"good2@example.com\"},\"firstName\":{\"S\":\"\"}}}";
        byte[] notUtf8 = "{\"Item\":{\"emailAddress\":{\"S\":\"bad\u00e9@example.com\"}}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (var out = Files.newOutputStream(file)) {
            out.write(String.join("\n", good1,
                    "{\"Item\":{\"emailAddress\":{\"S\":\"\"}}}",
                    "{\"Item\":{\"firstName\":{\"S\":\"no key\"}}}",
                    "",
                    "{\"Item\":{\"emailAddress\":{\"N\":\"5\"}}}",
                    "{\"Item\":{\"emailAddress\":{\"S\":\"bad-type@example.com\"},\"x\":{\"SS\":[]}}}",
                    "not json at all",
                    good2, "").getBytes(StandardCharsets.UTF_8));
            out.write(notUtf8);
            out.write('\n');
        }
        String target = "Mixed_" + source;
        try (UserController users = emptyTable(target)) {
            RestoreReport report = restore(users, file);
            assertEquals(2, report.restored());
            assertEquals(6, report.invalid());
            assertEquals(List.of(2L, 3L, 5L, 6L, 7L, 9L),
                    report.problems().stream().map(ImportReport.RowProblem::line).collect(Collectors.toList()));
            assertEquals(List.of("Item.emailAddress: is empty (a key cannot be)",
                            "Item.emailAddress: is missing (it is the table's key)",
                            "Item.emailAddress: must be a string (S): it is the table's key",
                            "Item.x: SS is empty (DynamoDB sets cannot be)",
                            "line: is not valid JSON (at character 4)",
                            "line: is not valid UTF-8"),
                    report.problems().stream().map(ImportReport.RowProblem::reason).collect(Collectors.toList()));
            Map<String, Map<String, AttributeValue>> stored = scan(target);
            assertEquals(Set.of("Good One@Example", "good2@example.com"), stored.keySet(), "only the good lines");
            assertEquals("", stored.get("good2@example.com").get("firstName").s());

            // the file said 1.50 and [b, a]: DynamoDB stores its own forms, and a re-run knows them as the same
            RestoreReport again = restore(users, file);
            assertEquals(2, again.alreadyThere(), again.toString());
            assertEquals(0, again.conflicts());
        }
    }

    @Test
    void anExistingBackupFileIsReplacedOnlyWhenAskedAndAFailedBackupLeavesNoFile() throws IOException {
        Path file = dir.resolve("kept.json");
        Files.writeString(file, "earlier backup\n");
        ConsoleException refused = assertThrows(ConsoleException.class,
                () -> sourceUsers.backup(file, false, 1, new AtomicLong()));
        assertEquals(Problem.INVALID_INPUT, refused.problem());
        assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
        assertEquals("earlier backup\n", Files.readString(file));

        try (UserController missing = LocalDynamoDb.controller("Missing_" + source)) {
            ConsoleException e = assertThrows(ConsoleException.class,
                    () -> missing.backup(file, true, 1, new AtomicLong()));
            assertEquals(Problem.TABLE_MISSING, e.problem());
        }
        assertEquals("earlier backup\n", Files.readString(file), "a failed backup replaces nothing");
        assertEquals(List.of(file), Files.list(dir).toList(), "and leaves no partial file");

        assertEquals(sourceItems.size(), sourceUsers.backup(file, true, 2, new AtomicLong()));
        assertEquals(sourceItems.size(), Files.readAllLines(file).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void restoreIsRefusedInReadOnlyModeAndBackupWorksThereAndBothAreAudited() throws IOException {
        String target = "ReadOnly_" + source;
        Path audit = dir.resolve("audit.jsonl");
        Settings settings = LocalDynamoDb.settings(target);
        try (UserController plain = emptyTable(target);
             UserController readOnly = new UserController(DynamoDbs.open(settings), target,
                     new PasswordHasher(settings.bcryptCost()), Clock.systemUTC(),
                     new WriteGuard(true, AuditLog.to(audit, "http://test", target)))) {
            Path file = dir.resolve("small.json");
            Files.writeString(file, "{\"Item\":{\"emailAddress\":{\"S\":\"a@example.com\"}}}\n");
            ConsoleException e = assertThrows(ConsoleException.class, () -> restore(readOnly, file));
            assertEquals(Problem.READ_ONLY, e.problem());
            assertEquals(0, scan(target).size(), "nothing was written");
            assertEquals(0, readOnly.backup(dir.resolve("empty.json"), false, 1, new AtomicLong()),
                    "a backup is a read");

            try (UserController audited = new UserController(DynamoDbs.open(settings), target,
                    new PasswordHasher(settings.bcryptCost()), Clock.systemUTC(),
                    new WriteGuard(false, AuditLog.to(audit, "http://test", target)))) {
                Files.writeString(file, "{\"Item\":{\"emailAddress\":{\"S\":\"a@example.com\"}}}\n"
                        + "{\"Item\":{}}\n");
                assertEquals(1, restore(audited, file).restored());
            }
        }
        List<Map<String, Object>> records = AuditLines.read(audit);
        assertEquals(List.of("restore", "restore-row", "restore-row", "restore"),
                records.stream().map(r -> r.get("action")).collect(Collectors.toList()));
        assertEquals("READ_ONLY", records.get(0).get("problem"));
        Map<String, Object> summary = records.get(3);
        assertEquals(Map.of("restored", 1L, "alreadyThere", 0L, "conflicts", 0L, "invalid", 1L, "failed", 0L),
                summary.get("counts"));
        assertTrue(records.stream().anyMatch(r -> "a@example.com".equals(r.get("email")) && "ok".equals(r.get("outcome"))));
        assertFalse(Files.readString(audit).contains("$2"), "no hash in the audit log");
    }
}
