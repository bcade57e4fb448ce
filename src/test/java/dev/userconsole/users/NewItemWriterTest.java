package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.CapacityMeter;
import dev.userconsole.store.DynamoDb;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.Pacer;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.testing.FaultProxy;
import dev.userconsole.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writer of many new items, against DynamoDB Local: through PartiQL INSERTs where they are allowed,
 * through conditional PutItem where they are not; the same outcomes either way, read back with the raw SDK.
 */
class NewItemWriterTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();

    @BeforeEach
    void createTable() {
        try (UserController users = LocalDynamoDb.controller(table)) {
            users.createTable(true);
        }
    }

    @AfterEach
    void dropTable() {
        raw.deleteTable(b -> b.tableName(table));
    }

    private static Map<String, AttributeValue> item(int i, String name) {
        return Map.of(User.EMAIL, AttributeValue.fromS("w" + i + "@example.com"), User.FIRST_NAME,
                AttributeValue.fromS(name), "visits", AttributeValue.fromN(Integer.toString(i)),
                "it's", AttributeValue.fromBool(true)); // a name PartiQL must quote
    }

    private Map<String, PutOutcome> writeAll(DynamoDbClient client, EngineFeatures features,
                                             List<Map<String, AttributeValue>> items) {
        Map<String, PutOutcome> outcomes = new ConcurrentHashMap<>();
        try (NewItemWriter writer = new NewItemWriter(client, table, features, new SdkErrors("test", table), 8)) {
            for (Map<String, AttributeValue> item : items) {
                writer.put(item, outcome -> outcomes.put(item.get(User.EMAIL).s(), outcome));
            }
        }
        return outcomes;
    }

    private Set<Map<String, AttributeValue>> stored() {
        return raw.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .collect(Collectors.toSet());
    }

    private void assertWrittenOnceNeverOverwriting(Map<String, PutOutcome> outcomes,
                                                   List<Map<String, AttributeValue>> items) {
        assertEquals(items.size(), outcomes.size(), "every item has one outcome");
        assertEquals(new PutOutcome.Written(true), outcomes.get("w0@example.com"), "the very item was there");
        assertEquals(new PutOutcome.Existed(item(1, "Other")), outcomes.get("w1@example.com"));
        assertEquals(new PutOutcome.Existed(item(2, "Other")), outcomes.get("w2@example.com"));
        assertEquals(items.size() - 3, outcomes.values().stream()
                .filter(new PutOutcome.Written(false)::equals).count(), outcomes.toString());
        Set<Map<String, AttributeValue>> expected = items.stream().skip(3).collect(Collectors.toSet());
        expected.addAll(List.of(item(0, "Same"), item(1, "Other"), item(2, "Other")));
        assertEquals(expected, stored(), "each item once, and the existing ones untouched");
    }

    private List<Map<String, AttributeValue>> seededItems() {
        raw.putItem(b -> b.tableName(table).item(item(0, "Same")));
        raw.putItem(b -> b.tableName(table).item(item(1, "Other")));
        raw.putItem(b -> b.tableName(table).item(item(2, "Other")));
        // 130: five full batches of INSERTs and a partial one
        return IntStream.range(0, 130).mapToObj(i -> item(i, i == 0 ? "Same" : "New")).collect(Collectors.toList());
    }

    @Test
    void partiQlInsertsWriteEachNewItemOnceAndNeverOverAnExistingOne() {
        List<Map<String, AttributeValue>> items = seededItems();
        EngineFeatures features = new EngineFeatures();
        Map<String, PutOutcome> outcomes = writeAll(raw, features, items);
        assertWrittenOnceNeverOverwriting(outcomes, items);
        assertTrue(features.mayHave(EngineFeatures.Feature.PARTIQL), "DynamoDB Local has PartiQL");
    }

    @Test
    void credentialsWithoutPartiQlPermissionGetConditionalPutsWithTheSameOutcomes() throws Exception {
        List<Map<String, AttributeValue>> items = seededItems();
        try (FaultProxy proxy = new FaultProxy(LocalDynamoDb.server().port());
             DynamoDb throughProxy = DynamoDbs.open(new Settings(new Target.Endpoint(proxy.endpoint(), "us-east-1",
                     Credentials.placeholder()), table, Settings.MIN_BCRYPT_COST, Duration.ofSeconds(10),
                     Path.of("target", "test-logs")))) {
            DynamoDbClient client = throughProxy.client();
            proxy.answer("BatchExecuteStatement", 400, "application/x-amz-json-1.0",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#AccessDeniedException\",\"message\":\"User:"
                            + " arn:aws:iam::123456789012:user/ops is not authorized to perform:"
                            + " dynamodb:PartiQLInsert on resource: arn:aws:dynamodb:us-east-1:123456789012:table/"
                            + table + "\"}");
            EngineFeatures features = new EngineFeatures();
            Map<String, PutOutcome> outcomes = writeAll(client, features, items);
            assertWrittenOnceNeverOverwriting(outcomes, items);
            assertFalse(features.mayHave(EngineFeatures.Feature.PARTIQL), "not asked again on this connection");
        }
    }

    @Test
    void conditionalPutsReportTheWriteUnitsTheyConsumed() {
        EngineFeatures features = new EngineFeatures();
        features.doWithout(EngineFeatures.Feature.PARTIQL);
        List<Map<String, AttributeValue>> items = IntStream.range(0, 40).mapToObj(i -> item(i, "New"))
                .collect(Collectors.toList());
        double units;
        try (NewItemWriter writer = new NewItemWriter(raw, table, features, new SdkErrors("test", table), 4)) {
            items.forEach(item -> writer.put(item, outcome -> { }));
            writer.close();
            units = writer.writeUnits();
        }
        assertEquals(40.0, units, 0.001, "one write unit per item under 1 KB");
        assertEquals(Set.copyOf(items), stored());
    }

    @Test
    void theReadsThatCheckExistingItemsAreCountedInTheSessionsReadUnits() {
        List<Map<String, AttributeValue>> items = seededItems();
        CapacityMeter session = new CapacityMeter();
        try (NewItemWriter writer = new NewItemWriter(raw, table, new EngineFeatures(), new SdkErrors("test", table),
                4, Pacer.unlimited(), session)) {
            items.forEach(item -> writer.put(item, outcome -> { }));
        }
        // DynamoDB Local answers an INSERT refused as a duplicate with no item: the three existing ones are
        // read back, strongly consistent, one read unit each
        assertTrue(session.readUnits().isPresent(), "read units reported: " + new CapacityUsed(session).describe());
        assertEquals(3.0, session.readUnits().getAsDouble(), 0.001, new CapacityUsed(session).describe());
    }
}
