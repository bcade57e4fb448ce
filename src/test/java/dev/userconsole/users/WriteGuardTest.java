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
import dev.userconsole.users.audit.WriteAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Read-only mode and the audit log, enforced in the controller whichever face calls it. */
class WriteGuardTest {
    private static final String PASSWORD = "correct-horse-battery";
    private final String table = LocalDynamoDb.freshTableName();
    private UserController plain;
    private Path auditFile;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        plain = LocalDynamoDb.controller(table);
        plain.createTable(true);
        plain.insert(new NewUser("ann@example.com", "Ann", "Lee", PASSWORD));
        auditFile = dir.resolve("logs/audit.jsonl");
    }

    @AfterEach
    void tearDown() {
        plain.close();
    }

    private UserController guarded(boolean readOnly, Path audit) {
        Settings settings = LocalDynamoDb.settings(table);
        return new UserController(DynamoDbs.open(settings), table, new PasswordHasher(settings.bcryptCost()),
                Clock.systemUTC(), new WriteGuard(readOnly, AuditLog.to(audit, "http://test", table)));
    }

    private ImportReport importCsv(UserController users, String csv) throws Exception {
        Path file = dir.resolve("users.csv");
        Files.writeString(file, csv);
        try (ImportFile rows = ImportFile.open(file, null)) {
            return users.importUsers(rows, false, new ImportProgress(ImportFile.countRows(file, null)));
        }
    }

    private static void assertRefusedAsReadOnly(Executable write) {
        ConsoleException e = assertThrows(ConsoleException.class, write);
        assertEquals(Problem.READ_ONLY, e.problem());
        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().startsWith("Read-only mode"), e.getMessage());
    }

    @Test
    void readOnlyRefusesEveryWriteChangesNothingAndAuditsTheRefusals() throws Exception {
        try (UserController users = guarded(true, auditFile)) {
            assertTrue(users.readOnly());
            assertRefusedAsReadOnly(() -> users.insert(new NewUser("bob@example.com", "Bob", "Ray", PASSWORD)));
            assertRefusedAsReadOnly(() -> users.update("ann@example.com", new UserChanges("Anna", null, null)));
            User ann = users.get("ann@example.com");
            assertRefusedAsReadOnly(() -> users.update(ann, new UserChanges(null, null, "another-password")));
            assertRefusedAsReadOnly(() -> users.delete("ann@example.com"));
            assertRefusedAsReadOnly(() -> users.createTable(false));
            assertRefusedAsReadOnly(() -> importCsv(users, "email,firstName,lastName,password\n"
                    + "cy@example.com,Cy,Po,password-1\n"));
            assertEquals(1, users.list().count(), "reads still work");
        }
        assertEquals(List.of("Ann"), plain.list().map(User::firstName).collect(Collectors.toList()));
        List<Map<String, Object>> lines = AuditLines.read(auditFile);
        assertEquals(List.of("insert", "update", "update", "delete", "create-table", "import"),
                lines.stream().map(l -> l.get("action")).collect(Collectors.toList()));
        assertTrue(lines.stream().allMatch(l -> l.get("outcome").equals("refused") && l.get("problem").equals("READ_ONLY")));
    }

    @Test
    void everyWriteAttemptIsAuditedWithItsOutcomeAndNeverASecret() throws Exception {
        try (UserController users = guarded(false, auditFile)) {
            users.insert(new NewUser("Bob@Example.com", "Bob", "Ray", PASSWORD));
            assertThrows(ConsoleException.class, () -> users.insert(new NewUser("bob@example.com", "B", "R", PASSWORD)));
            assertThrows(ConsoleException.class, () -> users.insert(new NewUser("not-an-email", "B", "R", PASSWORD)));
            users.update("bob@example.com", new UserChanges("Robert", null, "new-" + PASSWORD));
            User stale = users.get("ann@example.com");
            users.update("ann@example.com", new UserChanges("Anna", null, null));
            assertThrows(ConsoleException.class, () -> users.update(stale, new UserChanges(null, "Old", null)));
            users.delete("bob@example.com");
            assertThrows(ConsoleException.class, () -> users.delete("bob@example.com"));
            users.createTable(true);
        }
        List<Map<String, Object>> lines = AuditLines.read(auditFile);
        Function<Map<String, Object>, String> summary = l -> l.get("action") + " " + l.get("email") + " "
                + l.get("outcome") + " " + l.get("problem");
        assertEquals(List.of(
                "insert Bob@Example.com ok null",
                "insert bob@example.com refused ALREADY_EXISTS",
                "insert not-an-email refused INVALID_INPUT",
                "update bob@example.com ok null",
                "update ann@example.com ok null",
                "update ann@example.com refused CHANGED_BY_SOMEONE_ELSE",
                "delete bob@example.com ok null",
                "delete bob@example.com refused NOT_FOUND",
                "create-table null ok null"), lines.stream().map(summary).collect(Collectors.toList()));
        assertEquals(List.of("firstName", "password"), lines.get(3).get("fields"));
        assertEquals(List.of("lastName"), lines.get(5).get("fields"));
        String raw = Files.readString(auditFile);
        assertFalse(raw.contains(PASSWORD), "no password");
        assertFalse(raw.contains("$2a$"), "no hash");
    }

    @Test
    void aFailureAGuardRecordedIsNeverRecordedTwiceAndOneItDidNotIsRecordedOnce() {
        WriteGuard face = new WriteGuard(false, AuditLog.to(auditFile, "http://test", table));
        try (UserController users = guarded(false, auditFile)) {
            // the controller records the refused delete; the face that catches it next must not again
            ConsoleException missing = assertThrows(ConsoleException.class, () -> users.delete("nobody@example.com"));
            face.ended(WriteAction.DELETE, "nobody@example.com", List.of(), missing);
            // a read the face made before its write failed outside every guard: the face records it
            ConsoleException notFound = assertThrows(ConsoleException.class, () -> users.get("ghost@example.com"));
            face.ended(WriteAction.UPDATE, "ghost@example.com", List.of("lastName"), notFound);
            face.ended(WriteAction.UPDATE, "ghost@example.com", List.of("lastName"), notFound);
            IllegalStateException unexpected = new IllegalStateException("a bug");
            face.ended(WriteAction.INSERT, "bug@example.com", List.of(), unexpected);
            face.ended(WriteAction.INSERT, "bug@example.com", List.of(), unexpected);
        }
        List<String> lines = AuditLines.read(auditFile).stream()
                .map(l -> l.get("action") + " " + l.get("email") + " " + l.get("outcome") + " " + l.get("problem"))
                .collect(Collectors.toList());
        assertEquals(List.of("delete nobody@example.com refused NOT_FOUND",
                "update ghost@example.com refused NOT_FOUND",
                "insert bug@example.com failed UNEXPECTED"), lines);
    }

    @Test
    void anImportWritesOneLinePerRowAndASummary() throws Exception {
        try (UserController users = guarded(false, auditFile)) {
            ImportReport report = importCsv(users, "email,firstName,lastName,password\n"
                    + "cy@example.com,Cy,Po,password-1\n"
                    + "ann@example.com,Ann,Again,password-2\n"
                    + "bad,Bad,Row,password-3\n"
                    + "dee@example.com,Dee,Ok,short\n");
            assertEquals(1, report.imported());
        }
        List<Map<String, Object>> lines = AuditLines.read(auditFile);
        Map<Object, String> rows = lines.stream().filter(l -> l.get("action").equals("import-row"))
                .collect(Collectors.toMap(l -> l.get("line"), l -> l.get("outcome") + " " + l.get("problem")));
        assertEquals(Map.of(2L, "ok null", 3L, "refused ALREADY_EXISTS", 4L, "refused INVALID_INPUT",
                5L, "refused INVALID_INPUT"), rows);
        Map<String, Object> last = lines.get(lines.size() - 1);
        assertEquals("import", last.get("action"));
        assertEquals(Map.of("imported", 1L, "skipped", 1L, "invalid", 2L, "failed", 0L), last.get("counts"));
        String raw = Files.readString(auditFile);
        assertFalse(raw.contains("password-1") || raw.contains("short") || raw.contains("$2a$"), raw);
    }

    @Test
    void whenTheAuditLogCannotBeWrittenNothingIsWritten() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the log directory should be");
        try (UserController users = guarded(false, blocker.resolve("audit.jsonl"))) {
            ConsoleException e = assertThrows(ConsoleException.class,
                    () -> users.insert(new NewUser("bob@example.com", "Bob", "Ray", PASSWORD)));
            assertEquals(Problem.AUDIT_LOG_UNWRITABLE, e.problem());
            assertThrows(ConsoleException.class, () -> users.delete("ann@example.com"));
            assertEquals(1, users.list().count(), "reads need no audit log");
        }
        assertEquals(List.of("ann@example.com"), plain.list().map(User::emailAddress).collect(Collectors.toList()));
    }
}
