package dev.userconsole.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.DynamoDb;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.store.SdkErrors;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The simulator itself: units as DynamoDB computes them, and DynamoDB's own error when a bucket is empty. */
class ThrottlingProxyTest {
    private final String table = LocalDynamoDb.freshTableName();
    private ThrottlingProxy proxy;
    private DynamoDb database;
    private DynamoDbClient client;

    @BeforeEach
    void setUp() throws IOException {
        LocalDynamoDb.rawClient().createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("emailAddress").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("emailAddress").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        proxy = new ThrottlingProxy(LocalDynamoDb.server().endpoint().getPort());
        database = DynamoDbs.open(new Settings(new Target.Endpoint(proxy.endpoint(), "us-east-1",
                Credentials.placeholder()), table, Settings.MIN_BCRYPT_COST, Duration.ofSeconds(3),
                Path.of("target", "test-logs")));
        client = database.client();
    }

    @AfterEach
    void tearDown() {
        database.close();
        proxy.close();
    }

    private static Map<String, AttributeValue> item(String key, int bytes) {
        return Map.of("emailAddress", AttributeValue.fromS(key), "notes", AttributeValue.fromS("n".repeat(bytes)));
    }

    @Test
    void unitsAreComputedFromTheItemsAsDynamoDbDoes() {
        proxy.provision(table, 1000, 1000, 300);
        client.putItem(b -> b.tableName(table).item(item("a@example.com", 1500))); // ~1.5 KB: 2 write units
        assertEquals(2, proxy.writes(table).granted(), 1e-9);
        client.putItem(b -> b.tableName(table).item(item("b@example.com", 5000))); // ~5 KB: 5 write units
        assertEquals(7, proxy.writes(table).granted(), 1e-9);
        Map<String, AttributeValue> key = Map.of("emailAddress", AttributeValue.fromS("b@example.com"));
        client.getItem(b -> b.tableName(table).key(key)); // 5 KB: 2 units of 4 KB, halved: eventually consistent
        assertEquals(1, proxy.reads(table).granted(), 1e-9);
        client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        assertEquals(3, proxy.reads(table).granted(), 1e-9);
        // a scan is charged for the bytes of the items it read (6.5 KB: 2 units, halved), not per item,
        // and a projection does not make it cheaper
        client.scan(b -> b.tableName(table).projectionExpression("emailAddress"));
        assertEquals(4, proxy.reads(table).granted(), 1e-9);
    }

    @Test
    void anEmptyBucketAnswersDynamoDbsOwnThrottlingErrorAndOneCallEndsWithTheThrottledSentence() {
        proxy.provision(table, 1, 1, 1);
        client.putItem(b -> b.tableName(table).item(item("a@example.com", 10_000))); // 10 units: deep in debt
        SdkException refused = assertThrows(SdkException.class,
                () -> client.putItem(b -> b.tableName(table).item(item("b@example.com", 10))));
        assertTrue(refused instanceof ProvisionedThroughputExceededException, refused.toString());
        assertTrue(proxy.writes(table).throttled() >= 1);
        long started = System.nanoTime();
        ConsoleException translated = assertThrows(ConsoleException.class, () -> {
            try {
                client.putItem(b -> b.tableName(table).item(item("c@example.com", 10)));
            } catch (SdkException e) {
                throw new SdkErrors("test", table).translate(e);
            }
        });
        assertEquals(Problem.THROTTLED, translated.problem());
        assertTrue(translated.getMessage().contains("throttling"), translated.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(4).toNanos(), "within the call timeout");
    }
}
