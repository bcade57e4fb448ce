package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.testing.Dynalite;
import dev.userconsole.testing.Engine;
import dev.userconsole.testing.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Inserts and imports on an engine with transactions (DynamoDB Local) and one without (dynalite, like
 * ScyllaDB Alternator): the same guarantees on both, and no case twin of a user stored un-normalised by
 * another tool. What is stored is read back with the raw SDK.
 */
class EnginesAndTwinsTest {
    private static final String HASH = PasswordHasherTest.BCRYPTJS_2A;

    private final String table = LocalDynamoDb.freshTableName();

    /** What the original app stores: the key exactly as typed, a bcryptjs hash. */
    private static Map<String, AttributeValue> originalAppItem(String key) {
        return Map.of(User.EMAIL, AttributeValue.fromS(key), User.PASSWORD, AttributeValue.fromS(HASH),
                User.FIRST_NAME, AttributeValue.fromS("Old"), User.LAST_NAME, AttributeValue.fromS("Twin"),
                User.DATE_CREATED, AttributeValue.fromS("2023-09-20T14:03:11.123Z"),
                User.DATE_UPDATED, AttributeValue.fromS("2023-09-20T14:03:11.123Z"));
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient raw, String table) {
        return new ArrayList<>(raw.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .collect(Collectors.toList()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void insertRefusesTheEmailWhenAnotherToolStoredItAsTypedAndWritesNoTwin(Engine engine) {
        DynamoDbClient raw = engine.raw();
        try (UserController users = engine.controller(table)) {
            users.createTable(true);
            raw.putItem(b -> b.tableName(table).item(originalAppItem("Bob.Builder@Example.com")));
            raw.putItem(b -> b.tableName(table).item(originalAppItem("Ann@Example.com")));

            ConsoleException twin = assertThrows(ConsoleException.class, () -> users.insert(
                    new NewUser("Bob.Builder@Example.com", "Bob", "New", "new-password-1")));
            assertEquals(Problem.ALREADY_EXISTS, twin.problem());
            assertTrue(twin.getMessage().contains("stored as Bob.Builder@Example.com"), twin.getMessage());
            ConsoleException spaced = assertThrows(ConsoleException.class, () -> users.insert(
                    new NewUser(" Ann@Example.com ", "Ann", "New", "new-password-2")));
            assertEquals(Problem.ALREADY_EXISTS, spaced.problem());

            assertEquals(Set.of(originalAppItem("Bob.Builder@Example.com"), originalAppItem("Ann@Example.com")),
                    Set.copyOf(scan(raw, table)), "no lower-case twin, the old users untouched");
            assertTrue(users.checkPassword("Bob.Builder@Example.com", "legacy-pass-2a"), "the old user still logs in");

            users.insert(new NewUser("Carl@Example.com", "Carl", "New", "new-password-3"));
            assertEquals("carl@example.com", users.get("carl@example.com").emailAddress(),
                    "no twin stored: the normalised key is written");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void importWritesEveryRowOncePerUserAndNeverATwinOrAnOverwrite(Engine engine) {
        DynamoDbClient raw = engine.raw();
        try (UserController users = engine.controller(table)) {
            users.createTable(true);
            raw.putItem(b -> b.tableName(table).item(originalAppItem("Bob.Builder@Example.com")));
            List<ImportRow> rows = new ArrayList<>();
            rows.add(new ImportRow(2, "Bob.Builder@Example.com", "Bob", "Imported", null, HASH, null));
            IntStream.range(0, 250).forEach(i -> rows.add(new ImportRow(3 + i, "user" + i + "@example.com",
                    "User", "N" + i, null, HASH, null)));
            ImportReport first = users.importUsers(rows.iterator(), true, new ImportProgress(rows.size()));
            assertEquals(250, first.imported(), first.toString());
            assertEquals(1, first.failed(), first.toString());
            assertTrue(first.problems().get(0).reason().contains("stored as Bob.Builder@Example.com"),
                    first.problems().toString());

            List<Map<String, AttributeValue>> stored = scan(raw, table);
            assertEquals(251, stored.size());
            assertTrue(stored.contains(originalAppItem("Bob.Builder@Example.com")), "the old user is untouched");
            assertTrue(stored.stream().filter(item -> !item.get(User.EMAIL).s().startsWith("Bob"))
                    .allMatch(item -> item.keySet().size() == 6 && HASH.equals(item.get(User.PASSWORD).s())),
                    "every imported user is whole");

            ImportReport again = users.importUsers(rows.iterator(), false, new ImportProgress(rows.size()));
            assertEquals(0, again.imported(), again.toString());
            assertEquals(251, again.skipped(), again.toString());
            assertEquals(Set.copyOf(stored), Set.copyOf(scan(raw, table)), "a re-run changes nothing");
        }
    }

    @Test
    void anEngineWithoutTransactionsOrPartiQlIsAskedOnceAndThenNotAgain() {
        AtomicInteger transactionCalls = new AtomicInteger();
        DynamoDbClient counted = DynamoDbClient.builder().endpointOverride(Dynalite.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynalite", "x")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if ("TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                            transactionCalls.incrementAndGet();
                        }
                    }
                })).build();
        try (UserController users = Dynalite.controller(table)) {
            users.createTable(true);
        }
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName(table).key(Map.of(User.EMAIL, AttributeValue.fromS("x@example.com")))
                        .conditionExpression("attribute_not_exists(emailAddress)")).build()).build();
        EngineFeatures features = new EngineFeatures();
        EngineFeatures.Feature transactions = EngineFeatures.Feature.TRANSACTIONS;
        assertTrue(features.ifSupported(transactions, () -> counted.transactWriteItems(request)).isEmpty(),
                "dynalite has no transactions");
        assertFalse(features.mayHave(transactions));
        assertTrue(features.ifSupported(transactions, () -> counted.transactWriteItems(request)).isEmpty());
        assertEquals(1, transactionCalls.get(), "the engine is asked once per connection");
        assertTrue(features.mayHave(EngineFeatures.Feature.PARTIQL), "one missing operation says nothing of another");

        EngineFeatures local = new EngineFeatures();
        DynamoDbClient raw = LocalDynamoDb.rawClient();
        try (UserController users = LocalDynamoDb.controller(table)) {
            users.createTable(true);
        }
        assertTrue(local.ifSupported(transactions, () -> raw.transactWriteItems(request)).isPresent(),
                "DynamoDB Local has them");
        assertTrue(local.mayHave(transactions));
    }
}
