package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.UserTable;
import dev.userconsole.testing.Engine;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.bulk.BulkReport;
import dev.userconsole.users.query.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The trash on an engine with transactions (DynamoDB Local) and one without (dynalite): every delete keeps
 * the whole item first; undelete puts it back identical, attribute for attribute (read with the raw SDK), and
 * refuses a taken email; a missing trash table refuses the delete and says how to create it.
 */
class TrashTest {
    /** An item as another tool might leave it: a number, a list, a map and a binary beside the app's strings. */
    private static Map<String, AttributeValue> item(String email) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(User.EMAIL, AttributeValue.fromS(email));
        item.put(User.FIRST_NAME, AttributeValue.fromS("Ada"));
        item.put(User.LAST_NAME, AttributeValue.fromS("Lovelace"));
        item.put(User.PASSWORD, AttributeValue.fromS(PasswordHasherTest.BCRYPTJS_2A));
        item.put(User.DATE_CREATED, AttributeValue.fromS("2023-09-20T14:03:11.123Z"));
        item.put(User.DATE_UPDATED, AttributeValue.fromS("2023-09-20T14:03:11.123Z"));
        item.put("loginCount", AttributeValue.fromN("42"));
        item.put("roles", AttributeValue.fromL(List.of(AttributeValue.fromS("admin"), AttributeValue.fromN("7"))));
        item.put("profile", AttributeValue.fromM(Map.of("theme", AttributeValue.fromS("dark"))));
        item.put("avatar", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0, 1, 2})));
        return item;
    }

    private static Map<String, AttributeValue> stored(DynamoDbClient raw, String table, String email) {
        return raw.getItem(b -> b.tableName(table).key(Map.of(User.EMAIL, AttributeValue.fromS(email)))
                .consistentRead(true)).item();
    }

    private static List<Map<String, AttributeValue>> trash(DynamoDbClient raw, String table) {
        return raw.scanPaginator(b -> b.tableName(table + "-trash").consistentRead(true)).items().stream().toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDeleteKeepsTheWholeItemAndUndeletePutsItBackIdentical(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            TableCreation created = users.createTable(true);
            assertTrue(created.trashCreated());
            assertEquals(table + "-trash", created.trashTable());
            Map<String, AttributeValue> original = item("Ada@Example.com");
            raw.putItem(b -> b.tableName(table).item(original));

            users.delete("Ada@Example.com");

            assertTrue(stored(raw, table, "Ada@Example.com").isEmpty(), "deleted");
            List<Map<String, AttributeValue>> kept = trash(raw, table);
            assertEquals(1, kept.size());
            Map<String, AttributeValue> entry = kept.get(0);
            assertEquals(original, entry.get("item").m(), "the whole item, hash and other tools' attributes too");
            assertEquals("Ada@Example.com", entry.get(User.EMAIL).s());
            Instant deletedAt = Instant.parse(entry.get(UserTable.DELETED_AT).s());
            long expires = Long.parseLong(entry.get(UserTable.EXPIRES_AT).n());
            assertEquals(deletedAt.plusSeconds(30L * 86_400).getEpochSecond(), expires, "30 days by default");
            assertTrue(entry.get("deletedBy").s().contains("@"), "OS user@host");
            List<TrashEntry> listed = users.trashEntries();
            assertEquals(1, listed.size());
            assertEquals("Ada@Example.com", listed.get(0).user().emailAddress());

            Written back = users.undelete("Ada@Example.com");
            assertEquals("Ada@Example.com", back.user().emailAddress());
            assertEquals(original, stored(raw, table, "Ada@Example.com"), "identical, attribute for attribute");
            assertTrue(trash(raw, table).isEmpty(), "undelete takes it out of the trash");
            assertTrue(users.checkPassword("Ada@Example.com", "legacy-pass-2a"), "its old password works again");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void undeleteRefusesATakenEmailAndRestoresTheNewestOfTwoDeletions(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            users.createTable(true);
            Map<String, AttributeValue> first = item("ada@example.com");
            raw.putItem(b -> b.tableName(table).item(first));
            users.delete("ada@example.com");
            Map<String, AttributeValue> second = item("ada@example.com");
            second.put(User.FIRST_NAME, AttributeValue.fromS("Second"));
            raw.putItem(b -> b.tableName(table).item(second));
            users.delete("ada@example.com");
            assertEquals(2, trash(raw, table).size(), "a user deleted twice is kept twice");
            Map<String, AttributeValue> third = item("ada@example.com");
            third.put(User.FIRST_NAME, AttributeValue.fromS("Current"));
            raw.putItem(b -> b.tableName(table).item(third));

            ConsoleException taken = assertThrows(ConsoleException.class, () -> users.undelete("ada@example.com"));
            assertEquals(Problem.ALREADY_EXISTS, taken.problem());
            assertEquals(third, stored(raw, table, "ada@example.com"), "the current user is untouched");
            assertEquals(2, trash(raw, table).size(), "and the trash too");

            users.deletePermanently("ada@example.com");
            assertEquals(2, trash(raw, table).size(), "a permanent delete keeps nothing");
            users.undelete("ada@example.com");
            assertEquals(second, stored(raw, table, "ada@example.com"), "the newest deletion comes back");
            assertEquals(1, trash(raw, table).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMissingTrashTableRefusesTheDeleteAndSaysHowToCreateIt(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            raw.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName(User.EMAIL).keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName(User.EMAIL).attributeType("S")));
            try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(raw) // dynalite keeps a new table CREATING a while
                    .overrideConfiguration(o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))))
                    .build()) {
                waiter.waitUntilTableExists(b -> b.tableName(table)); // polled often: the default waits 20 s a turn
            }
            raw.putItem(b -> b.tableName(table).item(item("ada@example.com")));
            ConsoleException refused = assertThrows(ConsoleException.class, () -> users.delete("ada@example.com"));
            assertEquals(Problem.TABLE_MISSING, refused.problem());
            assertEquals("The trash table " + table + "-trash does not exist, so nothing was deleted: create it with"
                    + " create-table (or Create table in the console), which creates whichever table is missing, or"
                    + " delete with --permanent to skip the trash.", refused.getMessage());
            assertFalse(stored(raw, table, "ada@example.com").isEmpty(), "nothing deleted");
            ConsoleException listing = assertThrows(ConsoleException.class, users::trashEntries);
            assertEquals(Problem.TABLE_MISSING, listing.problem());
            assertTrue(listing.getMessage().startsWith("The trash table " + table + "-trash does not exist, so nothing"
                    + " is kept in it"), listing.getMessage());
            TableCreation created = users.createTable(true);
            assertFalse(created.created(), "the users table existed");
            assertTrue(created.trashCreated(), "only the missing trash is created");
            users.delete("ada@example.com");
            assertEquals(1, trash(raw, table).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBulkDeleteKeepsEveryUserInTheTrash(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            users.createTable(true);
            IntStream.range(0, 30).forEach(i -> raw.putItem(b -> b.tableName(table).item(item("u" + i + "@corp.example"))));
            BulkPlan plan = users.planBulk(BulkAction.DELETE, Query.parse("domain:corp.example"));
            BulkReport report = users.runBulk(plan, null, new AtomicLong(), () -> false);
            assertTrue(report.allDone(), report.summary());
            assertEquals(0, raw.scan(b -> b.tableName(table)).count());
            assertEquals(30, trash(raw, table).size());
            assertEquals(30, trash(raw, table).stream().filter(e -> e.get("item").m()
                    .equals(item(e.get(User.EMAIL).s()))).count(), "each kept whole");
        }
    }
}
