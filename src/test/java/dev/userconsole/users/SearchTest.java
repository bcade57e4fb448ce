package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.query.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The browser's filter: a whole-table search, in parallel segments, reporting matches as they stream in. */
class SearchTest {
    private static final int USERS = 1200;
    private static final String TABLE = LocalDynamoDb.freshTableName();
    private static UserController users;

    @BeforeAll
    static void seed() {
        users = LocalDynamoDb.controller(TABLE);
        users.createTable(true);
        try (DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            LocalDynamoDb.putAll(raw, TABLE, IntStream.range(0, USERS).mapToObj(i -> Map.of(
                    "emailAddress", AttributeValue.fromS("user" + i + "@example.com"),
                    "firstName", AttributeValue.fromS("First" + i),
                    "lastName", AttributeValue.fromS(i % 2 == 0 ? "Even" : "Odd"))).toList());
        }
    }

    @AfterAll
    static void close() {
        users.close();
    }

    /** Every call the listener got: the matches in each batch and the running count of users scanned. */
    private static final class Calls implements SearchListener {
        final List<List<User>> batches = new ArrayList<>();
        final List<Long> scanned = new ArrayList<>();

        @Override
        public synchronized void found(List<User> matches, long scannedSoFar) {
            batches.add(matches);
            scanned.add(scannedSoFar);
        }

        Set<String> emails() {
            Set<String> all = new HashSet<>();
            batches.forEach(batch -> batch.forEach(u -> assertTrue(all.add(u.emailAddress()), "twice: " + u)));
            return all;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void findsEveryMatchInBatchesWhileScanning(int segments) {
        Calls calls = new Calls();
        assertTrue(users.search(Query.parse(" USER11"), segments, 2000, calls, () -> false));
        Set<String> expected = IntStream.range(0, USERS).mapToObj(i -> "user" + i + "@example.com")
                .filter(e -> e.startsWith("user11")).collect(Collectors.toSet());
        assertEquals(111, expected.size());
        assertEquals(expected, calls.emails());
        assertTrue(calls.batches.size() >= 2, "matches must be told while the scan runs, not only at the end");
        assertEquals(USERS, calls.scanned.get(calls.scanned.size() - 1));
        for (int i = 1; i < calls.scanned.size(); i++) {
            assertTrue(calls.scanned.get(i) >= calls.scanned.get(i - 1), "the scanned count never goes back");
        }
    }

    @Test
    void matchesNamesIgnoringCase() {
        Calls calls = new Calls();
        users.search(Query.parse("odd"), 2, 2000, calls, () -> false);
        assertEquals(USERS / 2, calls.emails().size());
        assertTrue(calls.batches.stream().flatMap(List::stream).allMatch(u -> u.lastName().equals("Odd")));
    }

    @Test
    void stopsAtTheCapOfMatches() {
        Calls calls = new Calls();
        assertFalse(users.search(Query.parse("example.com"), 3, 25, calls, () -> false));
        assertEquals(25, calls.emails().size());
    }

    @Test
    void stopsSoonAfterBeingCancelled() {
        Calls calls = new Calls();
        AtomicBoolean cancelled = new AtomicBoolean();
        assertFalse(users.search(Query.parse("nobody-matches-this"), 2, 2000, (matches, scanned) -> {
            calls.found(matches, scanned);
            cancelled.set(true);
        }, cancelled::get));
        long last = calls.scanned.get(calls.scanned.size() - 1);
        assertTrue(last < USERS, "cancelled after the first batch, yet scanned " + last);
        assertTrue(calls.emails().isEmpty());
    }
}
