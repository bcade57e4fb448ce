package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.Engine;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.bulk.BulkReport;
import dev.userconsole.users.bulk.BulkResult;
import dev.userconsole.users.query.Query;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bulk actions on both kinds of engine: each user is written as the preview read it, so one changed or deleted
 * in between is skipped and reported, never overwritten; cancelling leaves the users not reached as they were.
 * What is stored is read back with the raw SDK.
 */
class BulkActionsTest {
    private static final int USERS = 40;

    /** Users as the original app stores them (a bcryptjs hash, both dates), written with the raw SDK. */
    private static void seed(UserController users, DynamoDbClient raw, String table) {
        users.createTable(true);
        LocalDynamoDb.putAll(raw, table, IntStream.range(0, USERS).mapToObj(i -> Map.of(
                User.EMAIL, AttributeValue.fromS("user" + i + "@corp.example"),
                User.FIRST_NAME, AttributeValue.fromS("First" + i), User.LAST_NAME, AttributeValue.fromS("Last"),
                User.PASSWORD, AttributeValue.fromS(PasswordHasherTest.BCRYPTJS_2A),
                User.DATE_CREATED, AttributeValue.fromS("2026-01-0" + (1 + i % 9) + "T10:00:00.000Z"),
                User.DATE_UPDATED, AttributeValue.fromS("2026-01-0" + (1 + i % 9) + "T10:00:00.000Z"))).toList());
    }

    private static Map<String, AttributeValue> raw(DynamoDbClient raw, String table, String email) {
        return raw.getItem(b -> b.tableName(table).key(Map.of(User.EMAIL, AttributeValue.fromS(email)))).item();
    }

    private static Map<BulkResult.Outcome, List<String>> byOutcome(BulkReport report) {
        return report.results().stream().collect(Collectors.groupingBy(BulkResult::outcome,
                Collectors.mapping(BulkResult::email, Collectors.toList())));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserChangedOrDeletedAfterThePreviewIsSkippedAndReportedNeverOverwritten(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            seed(users, raw, table);
            BulkPlan plan = users.planBulk(BulkAction.LOCK, Query.parse("domain:corp.example"));
            assertEquals(USERS, plan.count());
            assertFalse(plan.toString().contains("$2"), "the plan keeps the items it read, never showing a hash");
            users.update("user3@corp.example", new UserChanges("Renamed", null, null));
            users.delete("user4@corp.example");
            users.lock("user5@corp.example", "already");
            Map<String, AttributeValue> changed = raw(raw, table, "user3@corp.example");

            BulkReport report = users.runBulk(plan, "bulk test", new AtomicLong(), () -> false);

            Map<BulkResult.Outcome, List<String>> outcomes = byOutcome(report);
            assertEquals(List.of("user3@corp.example"), outcomes.get(BulkResult.Outcome.CHANGED), report.summary());
            assertEquals(List.of("user5@corp.example"), outcomes.get(BulkResult.Outcome.UNCHANGED),
                    "locked by someone else meanwhile: nothing to do, and its lock is kept");
            assertEquals(List.of("user4@corp.example"), outcomes.get(BulkResult.Outcome.NOT_FOUND));
            assertEquals(USERS - 3, outcomes.get(BulkResult.Outcome.DONE).size());
            assertFalse(report.allDone());
            assertEquals(changed, raw(raw, table, "user3@corp.example"), "the changed user is left exactly as it is");
            assertEquals("already", raw(raw, table, "user5@corp.example").get(User.LOCK_REASON).s());
            for (String email : outcomes.get(BulkResult.Outcome.DONE)) {
                Map<String, AttributeValue> item = raw(raw, table, email);
                assertTrue(item.get(User.PASSWORD).s().startsWith("!$2"), email);
                assertEquals("bulk test", item.get(User.LOCK_REASON).s());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBulkDeleteKeepsAUserChangedSinceThePreview(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            seed(users, raw, table);
            BulkPlan plan = users.planBulk(BulkAction.DELETE, Query.parse("first:first1"));
            assertEquals(11, plan.count(), "First1 and First10..First19");
            users.update("user12@corp.example", new UserChanges(null, "Changed", null));

            BulkReport report = users.runBulk(plan, null, new AtomicLong(), () -> false);

            assertEquals(List.of("user12@corp.example"), byOutcome(report).get(BulkResult.Outcome.CHANGED));
            assertEquals("Changed", raw(raw, table, "user12@corp.example").get(User.LAST_NAME).s());
            IntStream.of(1, 10, 11, 13, 19).forEach(i -> assertTrue(raw(raw, table, "user" + i + "@corp.example")
                    .isEmpty(), "deleted: user" + i));
            assertFalse(raw(raw, table, "user2@corp.example").isEmpty(), "not in the plan");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cancellingLeavesTheUsersNotReachedAsTheyWere(Engine engine) {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            seed(users, raw, table);
            BulkPlan plan = users.planBulk(BulkAction.LOCK, Query.parse("corp"));
            AtomicInteger asked = new AtomicInteger();
            BulkReport report = users.runBulk(plan, null, new AtomicLong(), () -> asked.incrementAndGet() > 5);
            long locked = IntStream.range(0, USERS).filter(i -> raw(raw, table, "user" + i + "@corp.example")
                    .get(User.PASSWORD).s().startsWith("!")).count();
            assertEquals(report.count(BulkResult.Outcome.DONE), locked, report.summary());
            assertEquals(USERS - locked, report.cancelled(), report.summary());
            assertTrue(report.cancelled() > 0, report.summary());
            assertTrue(report.summary().contains("not reached (cancelled) " + report.cancelled()), report.summary());
        }
    }
}
