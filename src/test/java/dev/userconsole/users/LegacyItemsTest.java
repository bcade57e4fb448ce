package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.LocalDynamoDb;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items written raw, the way the original Node app (and other tools) left them. */
class LegacyItemsTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private UserController users;

    @BeforeEach
    void writeLegacyItems() {
        users = LocalDynamoDb.controller(table);
        users.createTable(false);
        put("old2a@example.com", "Ann", "Old", PasswordHasherTest.BCRYPTJS_2A, "2023-09-20T14:03:11.123Z");
        put("old2b@example.com", "Ben", "Old", PasswordHasherTest.BCRYPTJS_2B, "2023-09-21T08:00:00.000Z");
        put("old2y@example.com", "Cy", "Old", PasswordHasherTest.CRYPT_2Y, "2023-09-22T08:00:00.000Z");
        put("Mixed@Example.com ", "Dee", "Mixed", PasswordHasherTest.BCRYPTJS_2A, "2023-09-23T08:00:00.000Z");
        // no lastName, no dateUpdated, and a firstName of the wrong type
        raw.putItem(b -> b.tableName(table).item(Map.of(
                "emailAddress", AttributeValue.fromS("partial@example.com"),
                "firstName", AttributeValue.fromN("42"),
                "password", AttributeValue.fromS(PasswordHasherTest.BCRYPTJS_2A))));
    }

    @AfterEach
    void close() {
        users.close();
        raw.close();
    }

    private void put(String email, String first, String last, String hash, String date) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("emailAddress", AttributeValue.fromS(email));
        item.put("firstName", AttributeValue.fromS(first));
        item.put("lastName", AttributeValue.fromS(last));
        item.put("password", AttributeValue.fromS(hash));
        item.put("dateCreated", AttributeValue.fromS(date));
        item.put("dateUpdated", AttributeValue.fromS(date));
        raw.putItem(b -> b.tableName(table).item(item));
    }

    @Test
    void listingShowsEveryLegacyItem() {
        Map<String, User> byKey = users.list().collect(Collectors.toMap(User::emailAddress, u -> u));
        assertEquals(5, byKey.size());
        assertEquals("Dee", byKey.get("Mixed@Example.com ").firstName());
        User partial = byKey.get("partial@example.com");
        assertNull(partial.firstName());
        assertNull(partial.lastName());
        assertNull(partial.dateUpdated());
    }

    @Test
    void passwordsFromAllThreeBcryptPrefixesCheck() {
        assertTrue(users.checkPassword("old2a@example.com", "legacy-pass-2a"));
        assertTrue(users.checkPassword("old2b@example.com", "legacy-pass-2b"));
        assertTrue(users.checkPassword("old2y@example.com", "legacy-pass-2y"));
        assertFalse(users.checkPassword("old2b@example.com", "legacy-pass-2a"));
    }

    @Test
    void anUnnormalisedKeyIsUpdatableAndDeletableByItsExactKey() {
        User updated = users.update("Mixed@Example.com ", new UserChanges("Deirdre", null, null)).user();
        assertEquals("Mixed@Example.com ", updated.emailAddress());
        assertEquals("Deirdre", users.get("Mixed@Example.com ").firstName());
        assertTrue(raw.getItem(b -> b.tableName(table)
                .key(Map.of("emailAddress", AttributeValue.fromS("mixed@example.com")))).item().isEmpty(),
                "no normalised twin was created");
        users.delete("Mixed@Example.com ");
        assertEquals(4, users.list().count());
    }

    @Test
    void anUnnormalisedKeyIsAlsoFoundByItsNormalisedSpelling() {
        users.insert(new NewUser("new@example.com", "New", "User", "password-1"));
        assertEquals("new@example.com", users.get("  NEW@example.com ").emailAddress());
    }

    @Test
    void anItemWithoutDateUpdatedIsUpdatedOnceAndThenVersioned() {
        User loaded = users.get("partial@example.com");
        User updated = users.update(loaded, new UserChanges("Pat", "Partial", null)).user();
        assertEquals("Pat", updated.firstName());
        assertTrue(updated.dateUpdated() != null);
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.update(loaded, new UserChanges("Stale", null, null)));
        assertEquals(Problem.CHANGED_BY_SOMEONE_ELSE, e.problem());
        assertTrue(users.checkPassword("partial@example.com", "legacy-pass-2a"));
    }

    @Test
    void anItemWhoseDateUpdatedIsNotAStringIsUpdatedOnceAndThenVersioned() {
        raw.putItem(b -> b.tableName(table).item(Map.of("emailAddress", AttributeValue.fromS("typed@example.com"),
                "dateUpdated", AttributeValue.fromN("1700000000"))));
        User loaded = users.get("typed@example.com");
        assertNull(loaded.dateUpdated(), "a number reads as missing");
        User updated = users.update(loaded, new UserChanges("Ty", null, null)).user();
        assertEquals("Ty", updated.firstName());
        assertEquals(Problem.CHANGED_BY_SOMEONE_ELSE, assertThrows(ConsoleException.class,
                () -> users.update(loaded, new UserChanges("Stale", null, null))).problem());
    }

    @Test
    void aStoredPasswordThatIsNotAHashIsReported() {
        raw.putItem(b -> b.tableName(table).item(Map.of("emailAddress", AttributeValue.fromS("plain@example.com"),
                "password", AttributeValue.fromS("hunter22"))));
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users.checkPassword("plain@example.com", "hunter22"));
        assertEquals(Problem.UNUSABLE_STORED_HASH, e.problem());
        assertFalse(e.getMessage().contains("hunter22"));
    }
}
