package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.Engine;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.query.Query;
import dev.userconsole.users.query.ScanFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mindrot.jbcrypt.BCrypt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Queries against real engines (DynamoDB Local, and dynalite, which evaluates expressions with its own code):
 * what a search and {@code list} keep is what the query keeps of every stored item, read back with the raw
 * SDK; the FilterExpression sent is one the engine accepts and narrows by; a whole address is looked up by key.
 */
class QuerySearchTest {
    private static final String STRONG = PasswordHasherTest.BCRYPTJS_2A;
    private static final String WEAK = BCrypt.hashpw("correct horse battery", BCrypt.gensalt(4));
    private static final int USERS = 120;

    private static final List<String> QUERIES = List.of(
            "user1", "first:first2 last:odd", "domain:corp.example", "-domain:corp.example",
            "created:2026-01", "created:>=2026-03 locked:no", "created:..2025", "updated:2026-02..2026-04",
            "locked:yes", "hash:weak", "hash:weak|invalid", "created:2025 OR locked:yes",
            "(created:2025 OR hash:weak) -odd", "-(created:2026-01 OR created:2026-02)", "\"user3@\"");

    private static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(User.EMAIL, AttributeValue.fromS("user" + i + "@" + (i % 3 == 0 ? "corp.example" : "example.com")));
        item.put(User.FIRST_NAME, AttributeValue.fromS("First" + i));
        item.put(User.LAST_NAME, AttributeValue.fromS(i % 2 == 0 ? "Even" : "Odd"));
        String month = String.format("%02d", i % 12 + 1);
        item.put(User.DATE_CREATED, AttributeValue.fromS((i % 4 == 1 ? "2025-" : "2026-") + month + "-10T12:00:00.000Z"));
        item.put(User.DATE_UPDATED, AttributeValue.fromS("2026-" + month + "-20T12:00:00.000Z"));
        String hash = i % 5 == 0 ? WEAK : i % 11 == 0 ? "plaintext-" + i : STRONG;
        if (i != 13) {
            item.put(User.PASSWORD, AttributeValue.fromS(i % 7 == 0 ? "!" + hash : hash));
        }
        return item;
    }

    private static void seed(UserController users, DynamoDbClient raw, String table) {
        users.createTable(true);
        LocalDynamoDb.putAll(raw, table, IntStream.range(0, USERS).mapToObj(QuerySearchTest::item).toList());
    }

    private static Set<String> emails(Stream<User> users) {
        return users.map(User::emailAddress).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void searchAndListKeepWhatTheQueryKeepsOfEveryStoredItem(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            seed(users, raw, table);
            List<Map<String, AttributeValue>> stored = raw.scanPaginator(b -> b.tableName(table)).items().stream()
                    .toList();
            assertEquals(USERS, stored.size());
            for (String text : QUERIES) {
                Query query = Query.parse(text);
                Set<String> expected = stored.stream().filter(query::matches).map(i -> i.get(User.EMAIL).s())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertFalse(expected.isEmpty(), "the seed must give " + text + " something to find");
                assertTrue(expected.size() < USERS, "the seed must give " + text + " something to leave out");
                try (Stream<User> listed = users.list(query, 3)) {
                    assertEquals(expected, emails(listed), "list " + text);
                }
                List<User> found = new ArrayList<>();
                long[] scanned = {0};
                assertTrue(users.search(query, 2, 10_000, (batch, soFar) -> {
                    found.addAll(batch);
                    scanned[0] = soFar;
                }, () -> false));
                assertEquals(expected, emails(found.stream()), "search " + text);
                assertEquals(USERS, scanned[0], "every item evaluated is counted, also those the engine left out");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theFilterExpressionIsOneTheEngineAcceptsAndNarrowsBy(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            seed(users, raw, table);
            for (String text : List.of("created:2026-01", "created:>=2026-03 -locked:yes",
                    "created:2025 OR locked:yes", "-(created:2026-01 OR created:2026-02)", "user1 updated:<2026-03")) {
                ScanFilter filter = Query.parse(text).scanFilter().orElseThrow();
                ScanResponse page = raw.scan(b -> b.tableName(table).filterExpression(filter.expression())
                        .expressionAttributeNames(filter.names()).expressionAttributeValues(filter.values()));
                assertEquals(USERS, page.scannedCount(), text);
                assertTrue(page.count() < USERS, "the engine keeps fewer items than it reads for " + text);
                Query query = Query.parse(text);
                long kept = page.items().stream().filter(query::matches).count();
                try (Stream<User> listed = users.list(query, 1)) {
                    assertEquals(kept, listed.count(), "no match is lost to the filter: " + text);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWholeAddressIsLookedUpByKeyAsTypedAndNormalisedNeverScanned(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            users.createTable(true);
            Map<String, AttributeValue> typed = item(1);
            typed.put(User.EMAIL, AttributeValue.fromS("Ada@Example.com"));
            Map<String, AttributeValue> normalised = item(2);
            normalised.put(User.EMAIL, AttributeValue.fromS("ada@example.com"));
            Map<String, AttributeValue> spaced = item(4);
            spaced.put(User.EMAIL, AttributeValue.fromS(" ada@example.com"));
            LocalDynamoDb.putAll(raw, table, List.of(typed, normalised, spaced));
            try (Stream<User> listed = users.list(Query.parse("email:Ada@Example.com"), 2)) {
                assertEquals(Set.of("Ada@Example.com", "ada@example.com"), emails(listed),
                        "both twins, by key; a scan would also have found the key stored with a space");
            }
            assertTrue(users.capacityUsed().scanSummary(0, false).startsWith("Scanned 0 users"),
                    users.capacityUsed().scanSummary(0, false));
            List<User> found = new ArrayList<>();
            assertTrue(users.search(Query.parse("email:ada@example.com locked:yes"), 2, 100,
                    (batch, soFar) -> found.addAll(batch), () -> false));
            assertEquals(List.of(), found, "the other terms are tested on what the key lookup found");
            try (Stream<User> listed = users.list(Query.parse("email:ada@example.com first:first2"), 2)) {
                assertEquals(Set.of("ada@example.com"), emails(listed));
            }
        }
    }
}
