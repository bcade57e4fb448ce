package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.ThrottlingProxy;
import dev.userconsole.users.PasswordHasher;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The console's whole-table filter on a 5/5 table that throttles (ThrottlingProxy): every match, no error. */
class ThrottledConsoleTest {
    private static final int USERS = 2_000;
    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private ThrottlingProxy proxy;
    private VirtualConsole console;

    @BeforeEach
    void setUp() throws IOException {
        raw.createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("emailAddress").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("emailAddress").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        LocalDynamoDb.putAll(raw, table, IntStream.range(0, USERS).mapToObj(i -> Map.of(
                "emailAddress", AttributeValue.fromS(String.format("user%05d@example.com", i)),
                "firstName", AttributeValue.fromS("First" + i),
                "lastName", AttributeValue.fromS(i % 10 == 0 ? "Needle" : "Last" + i),
                "dateCreated", AttributeValue.fromS("2026-12-02T10:00:00.000Z"),
                "dateUpdated", AttributeValue.fromS("2026-12-02T10:00:00.000Z"))).toList());
        proxy = new ThrottlingProxy(LocalDynamoDb.server().port());
        proxy.provision(table, 5, 5, 1);
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        proxy.close();
        raw.close();
    }

    private UserController throughProxy() {
        Settings settings = new Settings(new Target.Endpoint(proxy.endpoint(), "us-east-1", Credentials.placeholder()),
                table, Settings.MIN_BCRYPT_COST, Duration.ofSeconds(10), Path.of("target", "test-logs"));
        return new UserController(DynamoDbs.open(settings), table, new PasswordHasher(settings.bcryptCost()),
                Clock.systemUTC());
    }

    @Test
    void theFilterOnAFiveByFiveTableFindsEveryMatchAndSaysWhatItRead() {
        console = new VirtualConsole(120, 30, this::throughProxy, table);
        console.waitFor("Table " + table + ": ACTIVE");
        console.type("r");
        console.waitFor("more as you scroll");
        console.type("/");
        console.type("needle");
        String done = console.waitFor("the filter's result", screen -> screen.contains("read units"));
        assertTrue(done.contains((USERS / 10) + " matches in " + USERS + " users; about "), done);
        assertTrue(done.lines().findFirst().orElse("").matches(".*\\|  [0-9.]+ read, not reported write units  \\|  test endpoint\\s*"),
                "the status line shows the session's units: " + done);
        assertFalse(done.contains("throttling"), "no error: " + done);
    }

    @Test
    void aFilterOverMoreThanAHundredMegabytesSaysWhatItCostsAndAsksFirst() {
        proxy.reportTableSize(table, 250_000_000L);
        console = new VirtualConsole(120, 30, this::throughProxy, table);
        console.waitFor("Table " + table + ": ACTIVE");
        console.type("r");
        console.waitFor("more as you scroll");
        double beforeFilter = proxy.reads(table).granted();
        console.type("/");
        console.type("n");
        String asked = console.waitFor("A whole-table scan of " + table + " reads about 250 MB");
        assertTrue(asked.contains("30,518 read units") && asked.contains("Cancel"), asked);
        console.press(com.googlecode.lanterna.input.KeyType.Enter); // Cancel has the focus
        console.waitFor("more as you scroll");
        console.settle();
        assertFalse(console.text().contains("reads about 250 MB"), "the emptied filter scans nothing, so asks nothing");
        // the whole table is ~50 read units; the first page shown again costs a few
        assertTrue(proxy.reads(table).granted() - beforeFilter < 10, "no whole-table scan: "
                + (proxy.reads(table).granted() - beforeFilter) + " read units");
        console.type("needle"); // the filter keeps the focus, emptied
        console.waitFor("reads about 250 MB");
        console.press(com.googlecode.lanterna.input.KeyType.ReverseTab);
        console.press(com.googlecode.lanterna.input.KeyType.Enter);
        String done = console.waitFor("the filter's result", screen -> screen.contains("read units;")
                || screen.contains("matches in " + USERS + " users; about"));
        assertTrue(done.contains((USERS / 10) + " matches in " + USERS + " users; about "), done);
    }
}
