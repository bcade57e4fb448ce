package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The original app's scan stopped after the first 1 MB page; listing must read them all. */
class PaginationTest {
    private static final int USERS = 2500;
    private static final String PADDING = "x".repeat(700);

    @Test
    void listingReadsEveryPageOfATableLargerThanOneMegabyte() {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = LocalDynamoDb.controller(table); DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            users.createTable(true);
            LocalDynamoDb.putAll(raw, table, IntStream.range(0, USERS).mapToObj(i -> Map.of(
                    "emailAddress", AttributeValue.fromS("user" + i + "@example.com"),
                    "firstName", AttributeValue.fromS("First" + i),
                    "lastName", AttributeValue.fromS("Last" + i),
                    "password", AttributeValue.fromS(PasswordHasherTest.BCRYPTJS_2A),
                    "notes", AttributeValue.fromS(PADDING))).toList());
            assertFalse(raw.scan(b -> b.tableName(table)).lastEvaluatedKey().isEmpty(),
                    "the table must need more than one scan page for this test to mean anything");

            Set<String> listed = users.list().map(User::emailAddress).collect(Collectors.toSet());
            assertEquals(USERS, listed.size());
            assertTrue(listed.contains("user0@example.com"));
            assertTrue(listed.contains("user" + (USERS - 1) + "@example.com"));

            // page by page, as the console browses: every user once, and a cursor reads the same page again
            Set<String> paged = new java.util.HashSet<>();
            java.util.Optional<UserPage.Cursor> cursor = java.util.Optional.empty();
            UserPage second = null;
            java.util.Optional<UserPage.Cursor> secondStart = null;
            int pages = 0;
            do {
                UserPage page = users.page(cursor, 300);
                assertTrue(page.users().size() <= 300);
                if (pages == 1) {
                    second = page;
                    secondStart = cursor;
                }
                page.users().forEach(u -> assertTrue(paged.add(u.emailAddress()), "seen twice: " + u));
                cursor = page.next();
                pages++;
            } while (cursor.isPresent());
            assertEquals(USERS, paged.size());
            assertTrue(pages >= USERS / 300);
            assertEquals(second.users(), users.page(secondStart, 300).users());
        }
    }
}
