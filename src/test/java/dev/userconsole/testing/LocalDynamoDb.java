package dev.userconsole.testing;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.store.LocalServer;
import dev.userconsole.users.PasswordHasher;
import dev.userconsole.users.UserController;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One real DynamoDB Local server for the whole test run, in memory on a random loopback port, reached
 * over HTTP exactly as a remote DynamoDB would be. Each test takes a fresh table name.
 */
public final class LocalDynamoDb {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalServer server;

    private LocalDynamoDb() {
    }

    public static synchronized LocalServer server() {
        if (server == null) {
            server = LocalServer.startInMemory(0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    public static String freshTableName() {
        return "Users_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
    }

    /** Settings for the test server: lowest bcrypt cost, a short timeout. */
    public static Settings settings(String table) {
        Target target = new Target.Endpoint(server().endpoint(), "us-east-1", Credentials.placeholder());
        return new Settings(target, table, Settings.MIN_BCRYPT_COST, Duration.ofSeconds(10),
                Path.of("target", "test-logs"));
    }

    public static UserController controller(String table) {
        return controller(table, Clock.systemUTC());
    }

    public static UserController controller(String table, Clock clock) {
        Settings settings = settings(table);
        return new UserController(DynamoDbs.open(settings), table, new PasswordHasher(settings.bcryptCost()), clock);
    }

    /** Writes items straight to the table in batches of 25, as other tools would; fails if any is left out. */
    public static void putAll(DynamoDbClient raw, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
            if (!raw.batchWriteItem(b -> b.requestItems(Map.of(table, batch))).unprocessedItems().isEmpty()) {
                throw new IllegalStateException("DynamoDB Local left items unwritten");
            }
        }
    }

    /** Whether the table holds an item with this email, asked with a raw SDK GetItem (an independent witness). */
    public static boolean stored(String table, String email) {
        try (DynamoDbClient raw = rawClient()) {
            return raw.getItem(b -> b.tableName(table).key(Map.of("emailAddress", AttributeValue.fromS(email))))
                    .hasItem();
        }
    }

    /** A raw SDK client, for writing items the way other tools did and for reading back what is stored. */
    public static DynamoDbClient rawClient() {
        return server().client(Duration.ofSeconds(10));
    }
}
