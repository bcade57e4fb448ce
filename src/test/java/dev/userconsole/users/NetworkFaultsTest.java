package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.FaultProxy;
import dev.userconsole.testing.FaultProxy.Fault;
import dev.userconsole.testing.LocalDynamoDb;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The controller reaches DynamoDB Local through a proxy that injects network faults: every operation ends
 * in bounded time with one sentence, service comes back when the fault clears, and a write whose answer is
 * lost is reported as what really happened.
 */
class NetworkFaultsTest {
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** A write whose answer is lost costs its own timeout plus one checking read, plus slack for a busy machine. */
    static final Duration BOUND = TIMEOUT.multipliedBy(2).plusSeconds(3);

    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private final List<String> acknowledged = new ArrayList<>();
    private FaultProxy proxy;
    private UserController users;

    static Settings settingsThrough(URI endpoint, String table) {
        return settingsThrough(endpoint, table, TIMEOUT);
    }

    static Settings settingsThrough(URI endpoint, String table, Duration timeout) {
        return new Settings(new Target.Endpoint(endpoint, "us-east-1", Credentials.placeholder()), table,
                Settings.MIN_BCRYPT_COST, timeout, Path.of("target", "test-logs"));
    }

    @BeforeEach
    void connectThroughTheProxy() throws IOException {
        proxy = new FaultProxy(LocalDynamoDb.server().port());
        proxy.delay(TIMEOUT.multipliedBy(3));
        try (UserController direct = LocalDynamoDb.controller(table)) {
            direct.createTable(true);
        }
        users = UserController.open(settingsThrough(proxy.endpoint(), table));
    }

    @AfterEach
    void everyAcknowledgedInsertIsStored() throws IOException {
        proxy.clear();
        for (String email : acknowledged) {
            assertFalse(stored(email).isEmpty(), "acknowledged insert of " + email + " is stored");
        }
        users.close();
        proxy.close();
        raw.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyFaultEndsInTimeWithASentenceAndServiceReturnsWhenItClears(Fault fault) {
        insert("before@example.com");
        proxy.inject(fault);

        ConsoleException read = failsClearly(() -> users.get("before@example.com"));
        assertEquals(Problem.UNREACHABLE, read.problem());
        ConsoleException write = failsClearly(() -> insert("during@example.com"));
        assertTrue(Set.of(Problem.UNREACHABLE, Problem.OUTCOME_UNKNOWN).contains(write.problem()), write.getMessage());
        failsClearly(() -> users.list().count());

        proxy.clear();
        assertEquals("before@example.com", users.get("before@example.com").emailAddress());
        insert("after@example.com");
        assertTrue(users.list().count() >= 2);
    }

    @Test
    void anInsertWhoseAnswerIsResetIsReportedAsCreatedNotAsAlreadyExisting() {
        proxy.injectInto("PutItem", Fault.RESET_MID_RESPONSE, 1);
        Written written = insert("reset@example.com");
        assertTrue(written.note().orElseThrow().contains("checked: the user was created"), written.note().get());
        assertEquals("Reset", stored("reset@example.com").get(User.FIRST_NAME).s());
    }

    @Test
    void anInsertWhoseAnswerIsLateIsCheckedAndReportedAsCreated() {
        proxy.injectInto("PutItem", Fault.DELAY, 1);
        Written written = within(() -> insert("late@example.com"));
        assertTrue(written.note().orElseThrow().contains("checked: the user was created"), written.note().get());
    }

    @Test
    void anInsertThatNeverArrivedIsReportedAsNotCreated() {
        proxy.injectInto("PutItem", Fault.BLACK_HOLE, 1);
        ConsoleException e = failsClearly(() -> insert("lost@example.com"));
        assertEquals(Problem.UNREACHABLE, e.problem());
        assertTrue(e.getMessage().contains("checked: user lost@example.com was not created"), e.getMessage());
        assertTrue(stored("lost@example.com").isEmpty());
        assertEquals("failed", auditedOutcome("lost@example.com"));
    }

    @Test
    void anInsertWhoseOutcomeCannotBeCheckedIsReportedAsUnknownAndTheUserCanBeLookedUpLater() {
        proxy.inject(Fault.RESET_MID_RESPONSE);
        ConsoleException e = failsClearly(() -> insert("unknown@example.com"));
        assertEquals(Problem.OUTCOME_UNKNOWN, e.problem());
        assertEquals(4, e.exitCode());
        assertTrue(e.getMessage().contains("unknown") && e.getMessage().contains("get"), e.getMessage());

        proxy.clear();
        // the write itself got through: the truth is there to be found once the database answers
        assertEquals("unknown@example.com", users.get("unknown@example.com").emailAddress());
        assertEquals("unknown", auditedOutcome("unknown@example.com"));
    }

    @Test
    void anImportWhoseAnswerIsLostCountsItsOwnRowsAsImportedNotAsExisting() {
        List<ImportRow> rows = List.of(
                new ImportRow(2, "new1@example.com", "New", "One", "password-1", null, null),
                new ImportRow(3, "new2@example.com", "New", "Two", "password-2", null, null));
        // the INSERTs are applied, but every attempt of the SDK loses its answer: the importer sends them again
        // itself, and they are then refused as duplicates of the very items it wrote
        proxy.injectInto("BatchExecuteStatement", Fault.RESET_MID_RESPONSE, 3);
        ImportReport report = within(() -> users.importUsers(rows.iterator(), true, new ImportProgress(rows.size())));
        assertEquals(2, report.imported(), report.toString());
        assertEquals(0, report.failed(), report.toString());
        assertEquals(0, report.skipped(), report.toString());
        assertEquals("One", stored("new1@example.com").get(User.LAST_NAME).s());
        assertEquals("Two", stored("new2@example.com").get(User.LAST_NAME).s());
    }

    /** The outcome the audit log recorded for this table's last write attempt on {@code email}. */
    private String auditedOutcome(String email) {
        Path file = settingsThrough(proxy.endpoint(), table).auditLog();
        return AuditLines.read(file).stream()
                .filter(r -> table.equals(r.get("table")) && email.equals(r.get("email")))
                .reduce((first, second) -> second).map(r -> String.valueOf(r.get("outcome"))).orElse("none");
    }

    @Test
    void anUpdateWhoseAnswerIsResetIsReportedAsSavedNotAsChangedBySomeoneElse() {
        User loaded = insert("update@example.com").user();
        proxy.injectInto("UpdateItem", Fault.RESET_MID_RESPONSE, 1);
        Written written = users.update(loaded, new UserChanges("Changed", null, null));
        assertTrue(written.note().orElseThrow().contains("checked: the change was saved"), written.note().get());
        assertEquals("Changed", written.user().firstName());
        assertEquals("Changed", stored("update@example.com").get(User.FIRST_NAME).s());
    }

    @Test
    void anUpdateWhoseAnswerIsLateIsCheckedAndReportedAsSaved() {
        User loaded = insert("lateupdate@example.com").user();
        proxy.injectInto("UpdateItem", Fault.DELAY, 1);
        Written written = within(() -> users.update(loaded, new UserChanges(null, "Later", "new password 1")));
        assertTrue(written.note().orElseThrow().contains("checked: the change was saved"), written.note().get());
        assertTrue(users.checkPassword("lateupdate@example.com", "new password 1"));
    }

    @Test
    void anUpdateThatNeverArrivedIsReportedAsNotSaved() {
        User loaded = insert("noupdate@example.com").user();
        proxy.injectInto("UpdateItem", Fault.BLACK_HOLE, 1);
        ConsoleException e = failsClearly(() -> users.update(loaded, new UserChanges("Never", null, null)));
        assertTrue(e.getMessage().contains("checked: the change was not saved"), e.getMessage());
        assertEquals("Noupdate", stored("noupdate@example.com").get(User.FIRST_NAME).s());
    }

    /** A delete keeps the user in the trash in one TransactWriteItems (DynamoDB Local has transactions). */
    @Test
    void aDeleteWhoseAnswerIsResetIsReportedAsDeletedNotAsNotFound() {
        insert("delete@example.com");
        proxy.injectInto("TransactWriteItems", Fault.RESET_MID_RESPONSE, 1);
        Written written = users.delete("delete@example.com");
        // the SDK sends the transaction again with the same ClientRequestToken, and DynamoDB answers the retry
        // as the transaction it already applied: done, with no check needed
        assertEquals(Optional.empty(), written.note(), "reported as done, not as not found");
        assertEquals("Delete", written.user().firstName());
        assertTrue(stored("delete@example.com").isEmpty());
        assertEquals(1, users.trashEntries().stream().filter(t -> t.user().emailAddress().equals("delete@example.com"))
                .count(), "kept in the trash once");
        acknowledged.remove("delete@example.com");
    }

    @Test
    void aDeleteThatNeverArrivedIsReportedAsNotDeleted() {
        insert("kept@example.com");
        proxy.injectInto("TransactWriteItems", Fault.BLACK_HOLE, 1);
        ConsoleException e = failsClearly(() -> users.delete("kept@example.com"));
        assertTrue(e.getMessage().contains("checked: user kept@example.com was not deleted"), e.getMessage());
        assertNotEquals(Map.of(), stored("kept@example.com"));
    }

    @Test
    void aPermanentDeleteWhoseAnswerIsResetIsReportedAsDeletedNotAsNotFound() {
        insert("gone@example.com");
        proxy.injectInto("DeleteItem", Fault.RESET_MID_RESPONSE, 1);
        Written written = users.deletePermanently("gone@example.com");
        assertTrue(written.note().orElseThrow().contains("checked: the user is deleted"), written.note().get());
        assertTrue(stored("gone@example.com").isEmpty());
        acknowledged.remove("gone@example.com");
    }

    @Test
    void aPermanentDeleteThatNeverArrivedIsReportedAsNotDeleted() {
        insert("stays@example.com");
        proxy.injectInto("DeleteItem", Fault.BLACK_HOLE, 1);
        ConsoleException e = failsClearly(() -> users.deletePermanently("stays@example.com"));
        assertTrue(e.getMessage().contains("checked: user stays@example.com was not deleted"), e.getMessage());
        assertNotEquals(Map.of(), stored("stays@example.com"));
    }

    /** Inserts a user named after the email and remembers it when the insert says it is done. */
    private Written insert(String email) {
        String name = Character.toUpperCase(email.charAt(0)) + email.substring(1, email.indexOf('@'));
        Written written = users.insert(new NewUser(email, name, "Tester", "password-1"));
        acknowledged.add(email);
        return written;
    }

    private Map<String, AttributeValue> stored(String email) {
        return raw.getItem(b -> b.tableName(table).key(Map.of(User.EMAIL, AttributeValue.fromS(email)))
                .consistentRead(true)).item();
    }

    /** Runs the operation, which must end within {@link #BOUND}. */
    static <T> T within(ThrowingSupplier<T> operation) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(BOUND, operation);
    }

    /** The operation must fail within {@link #BOUND} with one sentence for people: no stack trace, no SDK text. */
    static ConsoleException failsClearly(ThrowingSupplier<?> operation) {
        ConsoleException e = assertThrows(ConsoleException.class, () -> within(operation));
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("Exception") || message.contains("software.amazon")
                || message.contains("\tat "), message);
        assertTrue(message.endsWith("."), message);
        return e;
    }
}
