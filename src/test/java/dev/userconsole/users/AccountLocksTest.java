package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Settings;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.audit.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Lock, unlock and password reset against a real DynamoDB Local, checked in what is stored. */
class AccountLocksTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static final String ANN = "ann@example.com";
    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private final PasswordHasher hasher = new PasswordHasher(Settings.MIN_BCRYPT_COST);
    private UserController users;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        users = LocalDynamoDb.controller(table);
        users.createTable(true);
        users.insert(new NewUser(ANN, "Ann", "Lee", PASSWORD));
    }

    @AfterEach
    void tearDown() {
        users.close();
        raw.close();
    }

    private Map<String, AttributeValue> stored(String email) {
        return raw.getItem(b -> b.tableName(table).key(Map.of(User.EMAIL, AttributeValue.fromS(email)))
                .consistentRead(true)).item();
    }

    private String storedPassword(String email) {
        return stored(email).get(User.PASSWORD).s();
    }

    private UserController guarded(boolean readOnly, Path audit) {
        Settings settings = LocalDynamoDb.settings(table);
        return new UserController(DynamoDbs.open(settings), table, new PasswordHasher(settings.bcryptCost()),
                Clock.systemUTC(), new WriteGuard(readOnly, AuditLog.to(audit, "http://test", table)));
    }

    private static Problem problemOf(org.junit.jupiter.api.function.Executable write) {
        return assertThrows(ConsoleException.class, write).problem();
    }

    @Test
    void lockPrefixesTheHashRecordsWhoWhenWhyAndUnlockGivesTheOldPasswordBack() throws Exception {
        String hash = storedPassword(ANN);
        Map<String, AttributeValue> original = withoutDateUpdated(stored(ANN));
        String before = users.get(ANN).dateUpdated();
        Written locked = users.lock(" Ann@Example.com ", "  left the company ");
        assertTrue(locked.user().locked());
        Map<String, AttributeValue> item = stored(ANN);
        assertEquals("!" + hash, item.get(User.PASSWORD).s());
        assertEquals("left the company", item.get(User.LOCK_REASON).s());
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertEquals(System.getProperty("user.name") + "@" + host, item.get(User.LOCKED_BY).s());
        String lockedAt = item.get(User.LOCKED_AT).s();
        assertTrue(lockedAt.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), lockedAt);
        assertTrue(Instant.parse(lockedAt).isAfter(Instant.now().minusSeconds(60)));
        assertNotEquals(before, item.get(User.DATE_UPDATED).s(), "a lock is a new version");
        assertTrue(users.get(ANN).locked());
        assertEquals(List.of(ANN), users.list().filter(User::locked).map(User::emailAddress).toList());

        ConsoleException refused = assertThrows(ConsoleException.class, () -> users.checkPassword(ANN, PASSWORD));
        assertEquals(Problem.LOCKED, refused.problem());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.getMessage().startsWith("User ann@example.com is locked (since " + lockedAt + ", by "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(": left the company)"), refused.getMessage());

        Written unlocked = users.unlock(ANN);
        assertFalse(unlocked.user().locked());
        item = stored(ANN);
        assertEquals(hash, item.get(User.PASSWORD).s());
        for (String gone : List.of(User.LOCKED_AT, User.LOCKED_BY, User.LOCK_REASON)) {
            assertFalse(item.containsKey(gone), gone);
        }
        assertTrue(users.checkPassword(ANN, PASSWORD));
        assertFalse(users.list().findFirst().orElseThrow().locked());
        assertEquals(original, withoutDateUpdated(item), "nothing else changed");
    }

    private static Map<String, AttributeValue> withoutDateUpdated(Map<String, AttributeValue> item) {
        return item.entrySet().stream().filter(e -> !e.getKey().equals(User.DATE_UPDATED))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void lockingALockedUserAndUnlockingAnUnlockedOneAreRefusedAndWriteNothing() {
        Map<String, AttributeValue> unlocked = stored(ANN);
        assertEquals(Problem.NOT_LOCKED, problemOf(() -> users.unlock(ANN)));
        assertEquals(unlocked, stored(ANN));
        users.lock(ANN, null);
        Map<String, AttributeValue> locked = stored(ANN);
        assertFalse(locked.containsKey(User.LOCK_REASON), "no reason given, none stored");
        ConsoleException again = assertThrows(ConsoleException.class, () -> users.lock(ANN, "again"));
        assertEquals(Problem.ALREADY_LOCKED, again.problem());
        assertTrue(again.getMessage().startsWith("User ann@example.com is already locked (since "), again.getMessage());
        assertTrue(again.getMessage().endsWith("; nothing was written."), again.getMessage());
        assertEquals(locked, stored(ANN));
    }

    @Test
    void aVersionChangedSinceItWasLoadedIsNeitherLockedNorUnlocked() {
        User loaded = users.get(ANN);
        users.update(ANN, new UserChanges(null, "Changed", null));
        assertEquals(Problem.CHANGED_BY_SOMEONE_ELSE, problemOf(() -> users.lock(loaded, "stale")));
        assertFalse(stored(ANN).get(User.PASSWORD).s().startsWith("!"));
        assertEquals(Problem.CHANGED_BY_SOMEONE_ELSE, problemOf(
                () -> users.resetPassword(loaded, PasswordGenerator.Style.RANDOM, false)));
        assertTrue(users.checkPassword(ANN, PASSWORD), "the stale reset wrote nothing");

        User current = users.get(ANN);
        users.lock(current, null);
        assertEquals(Problem.CHANGED_BY_SOMEONE_ELSE, problemOf(() -> users.unlock(current)),
                "unlocking needs the locked version");
        users.unlock(users.get(ANN));
        assertTrue(users.checkPassword(ANN, PASSWORD));
    }

    @Test
    void aReasonIsCheckedLikeANameBeforeAnythingIsRead() {
        InvalidInputException control = assertThrows(InvalidInputException.class, () -> users.lock(ANN, "a\u001b[2Jb"));
        assertEquals("reason", control.field());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> users.lock("nobody@example.com", "x".repeat(UserValidator.MAX_LOCK_REASON_LENGTH + 1)));
        assertTrue(tooLong.getMessage().contains("longer than 200"), tooLong.getMessage());
        assertEquals(Problem.NOT_FOUND, problemOf(() -> users.lock("nobody@example.com", "fine")));
        assertFalse(users.get(ANN).locked());
    }

    @Test
    void aUserWithoutAPasswordCanBeLockedAndUnlockingRestoresIt() {
        raw.putItem(b -> b.tableName(table).item(Map.of(User.EMAIL, AttributeValue.fromS("bare@example.com"))));
        users.lock("bare@example.com", "no password yet");
        assertEquals("!", storedPassword("bare@example.com"));
        assertEquals(Problem.LOCKED, problemOf(() -> users.checkPassword("bare@example.com", "")));
        users.unlock("bare@example.com");
        assertEquals(Map.of(User.EMAIL, AttributeValue.fromS("bare@example.com")),
                withoutDateUpdated(stored("bare@example.com")));
        raw.putItem(b -> b.tableName(table).item(Map.of(User.EMAIL, AttributeValue.fromS("odd@example.com"),
                User.PASSWORD, AttributeValue.fromN("7"))));
        assertEquals(Problem.UNUSABLE_STORED_HASH, problemOf(() -> users.lock("odd@example.com", null)));
    }

    @Test
    void aNewPasswordSetByUpdateKeepsALockedUserLocked() {
        users.lock(ANN, null);
        users.update(ANN, new UserChanges(null, null, "another-password-1"));
        String stored = storedPassword(ANN);
        assertTrue(stored.startsWith("!"), "still locked");
        assertTrue(hasher.matches("another-password-1", StoredHash.unlock(stored)));
    }

    @Test
    void resetSetsAPasswordThatVerifiesAndKeepsOrLiftsTheLockAsAsked() {
        users.lock(ANN, "suspicious");
        NewPassword kept = users.resetPassword(ANN, PasswordGenerator.Style.RANDOM, false);
        assertFalse(kept.unlocked());
        assertTrue(kept.written().user().locked());
        String stored = storedPassword(ANN);
        assertTrue(stored.startsWith("!$2a$"), "the new hash carries the lock");
        assertTrue(hasher.matches(kept.password(), StoredHash.unlock(stored)));
        assertFalse(hasher.matches(PASSWORD, StoredHash.unlock(stored)), "the old password is gone");
        assertEquals("suspicious", stored(ANN).get(User.LOCK_REASON).s());
        assertEquals(Problem.LOCKED, problemOf(() -> users.checkPassword(ANN, kept.password())));

        NewPassword lifted = users.resetPassword(ANN, PasswordGenerator.Style.PASSPHRASE, true);
        assertTrue(lifted.unlocked());
        assertFalse(lifted.written().user().locked());
        assertTrue(users.checkPassword(ANN, lifted.password()));
        assertFalse(stored(ANN).containsKey(User.LOCKED_AT));
        assertFalse(lifted.toString().contains(lifted.password()), lifted.toString());

        NewPassword plain = users.resetPassword(ANN, PasswordGenerator.Style.RANDOM, true);
        assertFalse(plain.unlocked(), "it was not locked");
        assertTrue(users.checkPassword(ANN, plain.password()));
    }

    @Test
    void readOnlyRefusesLockUnlockAndResetAndAuditsTheRefusals() {
        Path audit = dir.resolve("audit.jsonl");
        try (UserController readOnly = guarded(true, audit)) {
            User ann = readOnly.get(ANN);
            for (org.junit.jupiter.api.function.Executable write : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> readOnly.lock(ANN, "x"), () -> readOnly.lock(ann, null), () -> readOnly.unlock(ANN),
                    () -> readOnly.resetPassword(ANN, PasswordGenerator.Style.RANDOM, true))) {
                assertEquals(Problem.READ_ONLY, problemOf(write));
            }
        }
        assertFalse(users.get(ANN).locked());
        assertTrue(users.checkPassword(ANN, PASSWORD));
        assertEquals(List.of("lock refused", "lock refused", "unlock refused", "reset-password refused"),
                AuditLines.read(audit).stream().map(l -> l.get("action") + " " + l.get("outcome")).toList());
    }

    @Test
    void theAuditLogSaysWhatWasDoneAndNeverThePasswordOrTheHash() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        String reset;
        try (UserController audited = guarded(false, audit)) {
            audited.lock(ANN, "audit me");
            audited.unlock(ANN);
            reset = audited.resetPassword(ANN, PasswordGenerator.Style.RANDOM, false).password();
            assertEquals(Problem.NOT_LOCKED, problemOf(() -> audited.unlock(ANN)));
        }
        List<Map<String, Object>> lines = AuditLines.read(audit);
        assertEquals(List.of("lock ok [password, lockedAt, lockedBy, lockReason]",
                        "unlock ok [password, lockedAt, lockedBy, lockReason]", "reset-password ok [password]",
                        "unlock refused [password, lockedAt, lockedBy, lockReason]"),
                lines.stream().map(l -> l.get("action") + " " + l.get("outcome") + " " + l.get("fields")).toList());
        assertEquals("NOT_LOCKED", lines.get(3).get("problem"));
        String text = Files.readString(audit);
        assertFalse(text.contains(reset), "the generated password");
        assertFalse(text.contains("$2a$"), "a hash");
        assertFalse(text.contains(PASSWORD));
        assertTrue(users.checkPassword(ANN, reset));
    }
}
