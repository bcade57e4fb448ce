package dev.userconsole.users.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.ParallelScan;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.testing.Dynalite;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.UnhealthyTable;
import dev.userconsole.users.UserController;
import dev.userconsole.users.audit.AuditLog;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Another administrator changes the user between the key fix's read and its write: on an engine with
 * transactions nothing is written; on one without, the copy already put is removed again. Either way the
 * user keeps exactly one item, the changed one, and the fix says it was changed by someone else.
 */
class KeyMoveRaceTest {
    enum Engine {
        DYNAMODB_LOCAL, DYNALITE;

        URI endpoint() {
            return this == DYNAMODB_LOCAL ? LocalDynamoDb.server().endpoint() : Dynalite.endpoint();
        }

        UserController controller(String table) {
            return this == DYNAMODB_LOCAL ? LocalDynamoDb.controller(table) : Dynalite.controller(table);
        }
    }

    private final String table = LocalDynamoDb.freshTableName();

    /** A client that, once, changes the old item just before the write named {@code operation} is sent. */
    private static DynamoDbClient changingBefore(Engine engine, String operation, Runnable change) {
        AtomicBoolean done = new AtomicBoolean();
        return DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        engine == Engine.DYNALITE ? "dynalite" : "local", "x")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                                && done.compareAndSet(false, true)) {
                            change.run();
                        }
                    }
                })).build();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserChangedBetweenTheReadAndTheMoveKeepsOneItemTheChangedOne(Engine engine) {
        try (UserController users = engine.controller(table);
             DynamoDbClient raw = engine == Engine.DYNAMODB_LOCAL ? LocalDynamoDb.rawClient() : Dynalite.rawClient()) {
            users.createTable(true);
            raw.putItem(b -> b.tableName(table).item(UnhealthyTable.user("Ann@Example.com", UnhealthyTable.GOOD_2A)));
            Map<String, AttributeValue> key = Map.of("emailAddress", AttributeValue.fromS("Ann@Example.com"));
            Runnable change = () -> raw.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET lastName = :l, dateUpdated = :u").expressionAttributeValues(Map.of(
                            ":l", AttributeValue.fromS("Changed"), ":u", AttributeValue.fromS("2026-01-01T00:00:00.000Z"))));
            String write = engine == Engine.DYNAMODB_LOCAL ? "TransactWriteItems" : "DeleteItem";
            try (DynamoDbClient racing = changingBefore(engine, write, change)) {
                SdkErrors errors = new SdkErrors("test", table);
                TableHealth health = new TableHealth(racing, table, errors, new ParallelScan(racing, errors),
                        new EngineFeatures(), (email, reason) -> null, 10);
                FixPlan plan = health.report(1, new AtomicLong(), () -> false).plan(FixKind.KEYS);
                assertEquals(1, plan.targets().size(), plan.toString());
                FixReport fixed = health.fix(plan, new AtomicLong(), () -> false, AuditLog.disabled().batch());
                FixResult result = fixed.results().get(0);
                assertEquals(FixResult.Outcome.CHANGED, result.outcome(), fixed.toString());
                if (engine == Engine.DYNALITE) {
                    assertTrue(result.detail().endsWith("the copy under ann@example.com was removed again"),
                            result.detail());
                }
            }
            List<Map<String, AttributeValue>> stored = raw.scanPaginator(b -> b.tableName(table).consistentRead(true))
                    .items().stream().collect(Collectors.toList());
            assertEquals(1, stored.size(), "one item: " + stored.stream().map(i -> i.get("emailAddress").s()).toList());
            assertEquals("Ann@Example.com", stored.get(0).get("emailAddress").s());
            assertEquals("Changed", stored.get(0).get("lastName").s(), "the other administrator's change is kept");
        }
    }
}
