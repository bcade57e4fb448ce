package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.store.UserTable;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.ThrottlingProxy;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.bulk.BulkReport;
import dev.userconsole.users.bulk.BulkResult;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.query.Query;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Long work on provisioned tables that throttle ({@link ThrottlingProxy} in front of DynamoDB Local): every
 * user is read or written, nothing fails, and the work keeps the table busy (at least 80% of the simulated
 * capacity while it runs). The capacities are scaled so each case takes seconds; the filter runs on 5/5.
 */
class ThrottlingTest {
    private static final int USERS = 2_000;
    private static final double BURST_SECONDS = 1;

    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private ThrottlingProxy proxy;
    private UserController users;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        proxy = new ThrottlingProxy(LocalDynamoDb.server().endpoint().getPort());
    }

    @AfterEach
    void tearDown() {
        if (users != null) {
            users.close();
        }
        proxy.close();
    }

    /** A table provisioned (in DescribeTable, as the pacer reads it, and in the proxy) at these rates. */
    private void provisioned(long reads, long writes) {
        raw.createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName(UserTable.KEY).keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName(UserTable.KEY).attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(reads).writeCapacityUnits(writes)));
        proxy.provision(table, reads, writes, BURST_SECONDS);
        Target target = new Target.Endpoint(proxy.endpoint(), "us-east-1", Credentials.placeholder());
        Settings settings = new Settings(target, table, Settings.MIN_BCRYPT_COST, Duration.ofSeconds(10),
                Path.of("target", "test-logs"));
        users = new UserController(DynamoDbs.open(settings), table, new PasswordHasher(settings.bcryptCost()),
                Clock.systemUTC());
    }

    /** Seeds users straight into DynamoDB Local (not through the proxy); {@code padding} bytes each on top. */
    private void seed(int padding) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(User.EMAIL, AttributeValue.fromS(email(i)));
            item.put(User.FIRST_NAME, AttributeValue.fromS("First" + i));
            item.put(User.LAST_NAME, AttributeValue.fromS(i % 10 == 0 ? "Needle" : "Last" + i));
            item.put(User.PASSWORD, AttributeValue.fromS(PasswordHasherTest.BCRYPTJS_2A));
            item.put(User.DATE_CREATED, AttributeValue.fromS("2026-12-02T10:00:00.000Z"));
            item.put(User.DATE_UPDATED, AttributeValue.fromS("2026-12-02T10:00:00.000Z"));
            if (padding > 0) {
                item.put("notes", AttributeValue.fromS("n".repeat(padding)));
            }
            items.add(item);
        }
        LocalDynamoDb.putAll(raw, table, items);
    }

    private static String email(int i) {
        return String.format("user%05d@example.com", i);
    }

    private static Set<String> allEmails() {
        return IntStream.range(0, USERS).mapToObj(ThrottlingTest::email).collect(Collectors.toSet());
    }

    /** The share of what the bucket could grant while the work ran that it granted. */
    private static double usage(ThrottlingProxy.Bucket bucket, double grantedBefore, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double usage = (bucket.granted() - grantedBefore) / (bucket.rate() * seconds + bucket.burst());
        System.out.printf("throttling: %.1f units in %.1f s at %.0f/s: %.0f%% of the capacity, %d throttled%n",
                bucket.granted() - grantedBefore, seconds, bucket.rate(), usage * 100, bucket.throttled());
        return usage;
    }

    @Test
    void aListingOfATableThatThrottlesReadsEveryUserAndUsesTheCapacity() {
        provisioned(60, 5);
        seed(2_000); // ~2.2 KB a user: ~550 read units for a whole scan, about 9 s at 60 a second
        ThrottlingProxy.Bucket reads = proxy.reads(table);
        long started = System.nanoTime();
        Set<String> listed = users.list(4).map(User::emailAddress).collect(Collectors.toSet());
        double usage = usage(reads, 0, started);
        assertEquals(allEmails(), listed);
        assertTrue(usage >= 0.8, "used " + usage + " of the read capacity; throttled " + reads.throttled());
        assertTrue(users.capacityUsed().readUnits().isPresent(), "DynamoDB Local reports read units");
        System.out.println("throttling: reported " + users.capacityUsed().describe());
    }

    @Test
    void aBulkLockOnATableThatThrottlesLocksEveryUserItPreviewedAndNoneFails() {
        provisioned(60, 20);
        seed(0);
        BulkPlan plan = users.planBulk(BulkAction.LOCK, Query.parse("last:needle"));
        assertEquals(USERS / 10, plan.count());
        ThrottlingProxy.Bucket writes = proxy.writes(table);
        double readBefore = proxy.reads(table).granted();
        BulkReport report = users.runBulk(plan, "throttling test", new AtomicLong(), () -> false);
        System.out.println("throttling: bulk lock " + report.summary() + ", " + writes.throttled() + " throttled");
        assertTrue(report.allDone(), report.summary());
        assertEquals(0, proxy.reads(table).granted() - readBefore, 0.0,
                "each user is written as the plan read it, with no second read");
        assertEquals(USERS / 10, raw.scanPaginator(b -> b.tableName(table)).items().stream()
                .filter(item -> item.get(User.PASSWORD).s().startsWith("!")).count());
    }

    @Test
    void aBulkLockCancelledWhileThrottledCountsTheWaitingUsersAsNotReachedNotFailed() {
        provisioned(60, 20);
        proxy.provision(table, 60, 2, BURST_SECONDS); // the table says 20 writes a second, but allows 2: throttles
        seed(0);
        BulkPlan plan = users.planBulk(BulkAction.LOCK, Query.parse("last:needle"));
        ThrottlingProxy.Bucket writes = proxy.writes(table);
        BulkReport report = users.runBulk(plan, "throttling test", new AtomicLong(), () -> writes.throttled() > 0);
        long locked = raw.scanPaginator(b -> b.tableName(table)).items().stream()
                .filter(item -> item.get(User.PASSWORD).s().startsWith("!")).count();
        assertTrue(writes.throttled() > 0 && report.cancelled() > 0, report.summary());
        assertEquals(0, report.count(BulkResult.Outcome.FAILED), "a throttled write changed nothing: " + report.summary());
        assertEquals(locked, report.count(BulkResult.Outcome.DONE), report.summary());
        assertEquals(plan.count(), locked + report.cancelled(), report.summary());
    }

    @Test
    void anExportOfATableThatThrottlesWritesEveryUserAndUsesTheCapacity() {
        provisioned(60, 5);
        seed(2_000);
        ThrottlingProxy.Bucket reads = proxy.reads(table);
        long started = System.nanoTime();
        StringWriter out = new StringWriter();
        long exported = new UserExporter(users, OutputFormat.JSONL, false, 4)
                .export(new PrintWriter(out), new AtomicLong(), () -> false);
        double usage = usage(reads, 0, started);
        assertEquals(USERS, exported);
        assertEquals(allEmails(), out.toString().lines().map(line -> line.replaceAll(".*\"emailAddress\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.toSet()));
        assertTrue(usage >= 0.8, "used " + usage + " of the read capacity; throttled " + reads.throttled());
    }

    @Test
    void theConsolesFilterOnAFiveByFiveTableScansEveryUser() {
        provisioned(5, 5);
        seed(0); // ~200 bytes a user: ~50 read units, pages of 500 users; about 9 s at 5 a second
        ThrottlingProxy.Bucket reads = proxy.reads(table);
        long started = System.nanoTime();
        List<User> found = new ArrayList<>();
        AtomicLong scanned = new AtomicLong();
        boolean whole = users.search(Query.parse("needle"), 1, Integer.MAX_VALUE, (matches, total) -> {
            found.addAll(matches);
            scanned.set(total);
        }, () -> false);
        double usage = usage(reads, 0, started);
        assertTrue(whole, "the whole table was searched");
        assertEquals(USERS, scanned.get());
        assertEquals(USERS / 10, found.size());
        assertTrue(usage >= 0.8, "used " + usage + " of the read capacity; throttled " + reads.throttled());
    }

    @Test
    void anImportIntoATableThatThrottlesWritesEveryUserAndUsesTheCapacity() throws IOException {
        provisioned(5, 150); // 2,000 write units: about 13 s at 150 a second, so a stall of the loaded machine weighs less
        Path file = dir.resolve("users.jsonl");
        Files.write(file, IntStream.range(0, USERS).mapToObj(i -> "{\"email\":\"" + email(i)
                + "\",\"firstName\":\"F\",\"lastName\":\"L\",\"passwordHash\":\"" + PasswordHasherTest.BCRYPTJS_2A
                + "\"}").collect(Collectors.toList()));
        ThrottlingProxy.Bucket writes = proxy.writes(table);
        long started = System.nanoTime();
        ImportReport report;
        try (ImportFile rows = ImportFile.open(file, null)) {
            report = users.importUsers(rows, false, new ImportProgress(USERS));
        }
        double usage = usage(writes, 0, started);
        assertEquals(USERS, report.imported(), report.toString());
        assertEquals(0, report.failed(), report.toString());
        Set<String> stored = raw.scanPaginator(b -> b.tableName(table)).items().stream()
                .map(item -> item.get(UserTable.KEY).s()).collect(Collectors.toSet());
        assertEquals(allEmails(), stored);
        assertTrue(usage >= 0.8, "used " + usage + " of the write capacity; throttled " + writes.throttled());
        // DynamoDB Local reports no consumed capacity for BatchExecuteStatement: said so, not counted as 0
        assertTrue(users.capacityUsed().describe().contains("not reported write units"),
                users.capacityUsed().describe());
    }
}
