package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Settings;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every controller path against a real DynamoDB Local over HTTP. */
class UserControllerTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private UserController users;

    @BeforeEach
    void createTable() {
        users = LocalDynamoDb.controller(table);
        users.createTable(false);
    }

    @AfterEach
    void close() {
        users.close();
        raw.close();
    }

    private Map<String, AttributeValue> stored(String key) {
        return raw.getItem(b -> b.tableName(table).key(Map.of("emailAddress", AttributeValue.fromS(key)))
                .consistentRead(true)).item();
    }

    private User insertAlice() {
        return users.insert(new NewUser(" Alice@Example.com ", " Alice ", "Smith", "correct horse")).user();
    }

    @Test
    void createTableWaitsForActiveAndReportsAnExistingTable() {
        String other = LocalDynamoDb.freshTableName();
        try (UserController second = LocalDynamoDb.controller(other)) {
            assertTrue(second.describeTable().isEmpty());
            TableCreation first = second.createTable(true);
            assertTrue(first.created());
            assertEquals("ACTIVE", first.table().status());
            assertEquals("PAY_PER_REQUEST", first.table().billingMode());
            TableCreation again = second.createTable(false);
            assertFalse(again.created());
            assertEquals("PAY_PER_REQUEST", again.table().billingMode());
        }
    }

    @Test
    void describeShowsProvisionedCapacityAndItemCount() {
        insertAlice();
        TableSummary info = users.describeTable().orElseThrow();
        assertEquals(table, info.name());
        assertEquals("PROVISIONED", info.billingMode());
        assertEquals("provisioned 5 read / 5 write", info.capacity());
        assertEquals(1, info.itemCount());
    }

    @Test
    void insertNormalisesTheEmailHashesThePasswordAndStampsBothDates() {
        User alice = insertAlice();
        assertEquals("alice@example.com", alice.emailAddress());
        Map<String, AttributeValue> item = stored("alice@example.com");
        assertEquals("Alice", item.get("firstName").s());
        assertEquals("Smith", item.get("lastName").s());
        assertTrue(item.get("password").s().startsWith("$2a$10$"));
        assertNotEquals("correct horse", item.get("password").s());
        assertTrue(item.get("dateCreated").s().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(item.get("dateCreated"), item.get("dateUpdated"));
        assertEquals(6, item.size());
    }

    @Test
    void aDuplicateInsertIsRefusedAndChangesNothing() {
        insertAlice();
        Map<String, AttributeValue> before = stored("alice@example.com");
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.insert(new NewUser("ALICE@example.com", "Other", "Person", "another password")));
        assertEquals(Problem.ALREADY_EXISTS, e.problem());
        assertEquals(before, stored("alice@example.com"));
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingIsWritten() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> users.insert(new NewUser("bob@example.com", "Bob", "Jones", "short")));
        assertEquals("password", e.field());
        assertThrows(InvalidInputException.class,
                () -> users.insert(new NewUser("bob@example.com", "", "Jones", "long enough")));
        assertThrows(InvalidInputException.class,
                () -> users.insert(new NewUser("not an email", "Bob", "Jones", "long enough")));
        assertEquals(0, users.list().count());
    }

    @Test
    void getIsByExactKeyOrNormalisedEmail() {
        insertAlice();
        assertEquals("Alice", users.get("alice@example.com").firstName());
        assertEquals("Alice", users.get("  ALICE@example.com").firstName());
        ConsoleException e = assertThrows(ConsoleException.class, () -> users.get("nobody@example.com"));
        assertEquals(Problem.NOT_FOUND, e.problem());
    }

    @Test
    void listReturnsEveryUserWithoutHashes() {
        insertAlice();
        users.insert(new NewUser("bob@example.com", "Bob", "Jones", "password 2"));
        List<User> all = users.list().collect(Collectors.toList());
        assertEquals(2, all.size());
        assertEquals(List.of("alice@example.com", "bob@example.com"),
                all.stream().map(User::emailAddress).sorted().collect(Collectors.toList()));
        // User has no field for a hash; make sure no value anywhere carries one either
        assertFalse(all.toString().contains("$2a$"));
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndAlwaysDateUpdated() {
        User alice = insertAlice();
        String oldHash = stored("alice@example.com").get("password").s();
        User updated = users.update("alice@example.com", new UserChanges(null, "Jones", null)).user();
        assertEquals("Alice", updated.firstName());
        assertEquals("Jones", updated.lastName());
        assertTrue(updated.dateUpdated().compareTo(alice.dateUpdated()) > 0);
        assertEquals(alice.dateCreated(), updated.dateCreated());
        assertEquals(oldHash, stored("alice@example.com").get("password").s());
    }

    @Test
    void updatingThePasswordRehashesIt() {
        insertAlice();
        users.update("alice@example.com", new UserChanges(null, null, "battery staple"));
        assertTrue(users.checkPassword("alice@example.com", "battery staple"));
        assertFalse(users.checkPassword("alice@example.com", "correct horse"));
    }

    @Test
    void updatingAMissingUserIsNotFoundAndCreatesNothing() {
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.update("ghost@example.com", new UserChanges("Ghost", null, null)));
        assertEquals(Problem.NOT_FOUND, e.problem());
        assertTrue(stored("ghost@example.com").isEmpty());
    }

    @Test
    void updatingAUserDeletedSinceItWasReadIsNotFoundAndCreatesNothing() {
        User alice = insertAlice();
        users.delete("alice@example.com");
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.update(alice, new UserChanges("Alicia", null, null)));
        assertEquals(Problem.NOT_FOUND, e.problem());
        assertTrue(stored("alice@example.com").isEmpty());
    }

    @Test
    void anUpdateBasedOnAnOldVersionIsRefused() {
        User loadedByAdminOne = insertAlice();
        users.update("alice@example.com", new UserChanges("Changed", null, null));
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.update(loadedByAdminOne, new UserChanges(null, "Overwrite", null)));
        assertEquals(Problem.CHANGED_BY_SOMEONE_ELSE, e.problem());
        assertEquals("Changed", stored("alice@example.com").get("firstName").s());
        assertEquals("Smith", stored("alice@example.com").get("lastName").s());
    }

    @Test
    void nothingToUpdateIsAnError() {
        insertAlice();
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.update("alice@example.com", new UserChanges(null, null, null)));
        assertEquals(Problem.NOTHING_TO_UPDATE, e.problem());
        assertThrows(InvalidInputException.class,
                () -> users.update("alice@example.com", new UserChanges("\u001b[2J", null, null)));
    }

    @Test
    void aCommonPasswordIsRefusedWithItsReasonOnInsertAndUpdateAndNothingChanges() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> users.insert(new NewUser("bob@example.com", "Bob", "Jones", "password1")));
        assertEquals("password", e.field());
        assertEquals("password: is one of the 30,000 most common passwords, which attackers try first",
                e.getMessage());
        assertTrue(stored("bob@example.com").isEmpty());

        User alice = insertAlice();
        Map<String, AttributeValue> before = stored("alice@example.com");
        e = assertThrows(InvalidInputException.class,
                () -> users.update("alice@example.com", new UserChanges(null, null, "iloveyou")));
        assertEquals("password: is one of the 30,000 most common passwords, which attackers try first",
                e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> users.update(alice, new UserChanges("Changed", null, "PASSWORD1")));
        assertEquals(before, stored("alice@example.com"), "neither the names nor the password changed");
        assertTrue(users.checkPassword("alice@example.com", "correct horse"));
    }

    @Test
    void aNewPasswordMayNotBeTheUsersEmailNamesOrTheTableName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> users.insert(new NewUser("bob@example.com", "Bob", "Jones", "Jones1984")));
        assertEquals("password: must not be the user's last name, also not with digits or symbols added",
                e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> users.insert(new NewUser("bob@example.com", "Bob", "Jones", table.toLowerCase() + "!")));
        assertEquals("password: must not be the table's name, also not with digits or symbols added",
                e.getMessage());
        assertTrue(stored("bob@example.com").isEmpty());

        User alice = insertAlice(); // alice@example.com, Alice Smith
        Map<String, AttributeValue> before = stored("alice@example.com");
        // by email the stored names are the context; a form's loaded user is the context
        e = assertThrows(InvalidInputException.class,
                () -> users.update("alice@example.com", new UserChanges(null, null, "Smith-2024")));
        assertEquals("password: must not be the user's last name, also not with digits or symbols added",
                e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> users.update(alice, new UserChanges(null, null, "alice@example.com")));
        assertEquals("password: must not be the user's email address, also not with digits or symbols added",
                e.getMessage());
        // a name changed in the same update counts with its new value
        e = assertThrows(InvalidInputException.class,
                () -> users.update(alice, new UserChanges("Beatrix", null, "beatrix_99")));
        assertEquals("password: must not be the user's first name, also not with digits or symbols added",
                e.getMessage());
        assertEquals(before, stored("alice@example.com"));
        users.update(alice, new UserChanges("Beatrix", null, "alice-smith-new-pw"));
        assertTrue(users.checkPassword("alice@example.com", "alice-smith-new-pw"));
    }

    @Test
    void theMinimumPasswordLengthComesFromTheSettings() {
        Settings base = LocalDynamoDb.settings(table);
        Settings fifteen = new Settings(base.target(), base.tableName(), base.bcryptCost(), base.callTimeout(),
                base.logDir(), false, base.auditLog(), 15);
        try (UserController strict = UserController.open(fifteen)) {
            assertEquals(15, strict.passwordPolicy().minLength());
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> strict.insert(new NewUser("bob@example.com", "Bob", "Jones", "fourteen-chars")));
            assertEquals("password: must be at least 15 characters", e.getMessage());
            assertTrue(stored("bob@example.com").isEmpty());
            strict.insert(new NewUser("bob@example.com", "Bob", "Jones", "fifteen-chars-x"));
            assertTrue(strict.checkPassword("bob@example.com", "fifteen-chars-x"));
        }
        assertEquals(8, users.passwordPolicy().minLength(), "a controller built without settings uses the default");
    }

    @Test
    void deleteRemovesTheUserAndAMissingUserIsNotFound() {
        insertAlice();
        User deleted = users.delete("Alice@Example.com").user();
        assertEquals("alice@example.com", deleted.emailAddress());
        assertTrue(stored("alice@example.com").isEmpty());
        ConsoleException e = assertThrows(ConsoleException.class, () -> users.delete("alice@example.com"));
        assertEquals(Problem.NOT_FOUND, e.problem());
    }

    @Test
    void checkPasswordOfAMissingUserIsNotFound() {
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.checkPassword("nobody@example.com", "whatever1"));
        assertEquals(Problem.NOT_FOUND, e.problem());
    }

    @Test
    void aMissingTableIsReportedAsSuch() {
        try (UserController noTable = LocalDynamoDb.controller("NoSuchTable_" + table)) {
            ConsoleException e = assertThrows(ConsoleException.class, () -> noTable.list().count());
            assertEquals(Problem.TABLE_MISSING, e.problem());
            assertEquals(3, e.exitCode());
            assertEquals(Problem.TABLE_MISSING, assertThrows(ConsoleException.class,
                    () -> noTable.insert(new NewUser("a@example.com", "A", "B", "password-1"))).problem());
            assertTrue(noTable.describeTable().isEmpty());
        }
    }
}
