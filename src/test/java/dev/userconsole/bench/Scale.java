package dev.userconsole.bench;

import static dev.userconsole.bench.Bench.check;
import static dev.userconsole.bench.Bench.fmt;
import static dev.userconsole.bench.Bench.median;
import static dev.userconsole.bench.Bench.row;
import static dev.userconsole.bench.Bench.seconds;

import dev.userconsole.users.UserController;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.bulk.BulkReport;
import dev.userconsole.users.query.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Many users at once on a table of {@code bench.huge} users (1,000,000 by default), generated fast: pre-hashed,
 * parallel BatchWriteItem. One user in a hundred was updated on 2026-11-25 (what the program marks and locks),
 * one in a hundred on 2026-11-26 (what the raw loop locks), so both lock the same number of users.
 *
 * <p>Marking every match of a query reads the whole table, and DynamoDB Local serves a 1 MB scan page of a
 * 1,000,000-item table in about 6 s (its cost per page grows with the table; a whole scan would take some
 * 17 minutes, and each page is past the program's 5 s attempt limit), so that figure is measured on a table of
 * {@code bench.markUsers} (100,000) with the same pattern. The query is one DynamoDB evaluates (a date range),
 * so program and raw scan send the same FilterExpression.
 */
final class Scale {
    static final int HUGE = Integer.getInteger("bench.huge", 1_000_000);
    static final int MARK_USERS = Integer.getInteger("bench.markUsers", 100_000);
    private static final String HASH = "$2a$10$ykIB146pc6J/gHogeOAlyu.fTkFHFuL9Do1F.l7StM0iCwLpbHi82";
    private static final String CREATED = "2026-11-24T12:00:00.000Z";
    private static final int SEED_THREADS = 8;
    /** As many as the program's bulk runner uses on this machine. */
    private static final int RAW_WRITERS = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);

    private Scale() {
    }

    static String table() {
        return table(HUGE);
    }

    static String table(int count) {
        return "BenchHuge" + count;
    }

    private static String email(int i) {
        return "u" + i + "@example.com";
    }

    private static String updated(int i) {
        return i % 100 == 0 ? "2026-11-25" : i % 100 == 1 ? "2026-11-26" : "2026-11-24";
    }

    /** A table of {@code count} users (made by the controller, on demand), written by threads of plain BatchWriteItem. */
    static void seed(UserController users, DynamoDbClient client, int count) throws Exception {
        users.createTable(true);
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            int per = (count + SEED_THREADS - 1) / SEED_THREADS;
            for (int t = 0; t < SEED_THREADS; t++) {
                int from = t * per;
                int to = Math.min(count, from + per);
                parts.add(pool.submit(() -> write(client, table(count), from, to)));
            }
            double took = seconds(() -> parts.forEach(Scale::await));
            System.err.printf("seeded %s with %d users in %.1f s%n", table(count), count, took);
        } finally {
            pool.shutdown();
        }
    }

    private static void await(Future<?> part) {
        try {
            part.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(DynamoDbClient client, String table, int from, int to) {
        Bench.batchWriteRange(client, table, i -> Map.of("emailAddress", AttributeValue.fromS(email(i)),
                "firstName", AttributeValue.fromS("First" + i), "lastName", AttributeValue.fromS("Last" + i),
                "password", AttributeValue.fromS(HASH), "dateCreated", AttributeValue.fromS(CREATED),
                "dateUpdated", AttributeValue.fromS(updated(i) + "T12:00:00.000Z")), from, to);
    }

    /**
     * Marking every match of a query and acting on it reads every match: the program's plan of a bulk lock
     * against a raw parallel scan with the same filter, 4 segments each.
     */
    static void markEveryMatch(UserController users, DynamoDbClient client) {
        Query query = Query.parse("updated:2026-11-25");
        String table = table(MARK_USERS);
        List<Double> program = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        BulkPlan[] plan = new BulkPlan[1];
        for (int run = 0; run < Bench.RUNS * 2 + 1; run++) { // each first in turn: the machine is noisy
            Runnable rawRun = () -> raw.add(seconds(() -> check(rawMatches(client, table, "2026-11-25").size(),
                    MARK_USERS / 100)));
            Runnable programRun = () -> program.add(seconds(() -> plan[0] = users.planBulk(BulkAction.LOCK, query)));
            (run % 2 == 0 ? rawRun : programRun).run();
            (run % 2 == 0 ? programRun : rawRun).run();
            check(plan[0].count(), MARK_USERS / 100);
        }
        row("Mark every match of a query on " + MARK_USERS + " users and read them for a bulk action (s)",
                fmt(median(program)) + " (" + (MARK_USERS / 100) + " matches)", fmt(median(raw)) + " (raw parallel"
                        + " scan, same filter)", fmt(median(raw) / median(program)) + "x", ">= 0.9x");
    }

    /**
     * The program's bulk lock of one user in a hundred of the huge table, planned from their emails (a list, as
     * {@code --emails-from} gives: read by key, no scan), against a raw parallel loop of conditional UpdateItems
     * on another one in a hundred, whose versions and hashes it knows from the seeding. Each run locks users of
     * its own (the program those at i % 100 == 2r, the raw loop 2r + 1), and each goes first in turn.
     */
    static void bulkLock(UserController users, DynamoDbClient client, DynamoDbClient likeTheProgram) {
        List<Double> program = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> programCpu = new ArrayList<>();
        List<Double> rawCpu = new ArrayList<>();
        List<Double> configuredCpu = new ArrayList<>();
        List<Double> configuredWall = new ArrayList<>();
        int count = 0;
        for (int run = 0; run < Bench.RUNS; run++) {
            List<String> emails = new ArrayList<>();
            List<Map<String, AttributeValue>> baseline = new ArrayList<>();
            for (int i = 2 * run; i < HUGE; i += 100) {
                emails.add(email(i));
                baseline.add(Map.of("emailAddress", AttributeValue.fromS(email(i + 1)),
                        "password", AttributeValue.fromS(HASH),
                        "dateUpdated", AttributeValue.fromS(updated(i + 1) + "T12:00:00.000Z")));
            }
            BulkPlan plan = users.planBulk(BulkAction.LOCK, "emails of one user in a hundred", emails);
            check(plan.count(), emails.size());
            count = plan.count();
            List<Map<String, AttributeValue>> configured = new ArrayList<>();
            for (int i = 2 * run + 50; i < HUGE; i += 100) {
                configured.add(Map.of("emailAddress", AttributeValue.fromS(email(i)), "password", AttributeValue.fromS(HASH),
                        "dateUpdated", AttributeValue.fromS(updated(i) + "T12:00:00.000Z")));
            }
            Runnable rawRun = () -> raw.add(cpuSeconds(rawCpu, () -> rawLock(client, baseline, false)));
            configuredWall.add(cpuSeconds(configuredCpu, () -> rawLock(likeTheProgram, configured, true)));
            Runnable programRun = () -> program.add(cpuSeconds(programCpu, () -> {
                BulkReport report = users.runBulk(plan, "bench", new AtomicLong(), () -> false);
                if (!report.allDone()) {
                    throw new IllegalStateException(report.summary());
                }
            }));
            (run % 2 == 0 ? rawRun : programRun).run();
            (run % 2 == 0 ? programRun : rawRun).run();
        }
        double p = median(program);
        double r = median(raw);
        row("Bulk lock of " + count + " users among " + HUGE + " (s)", fmt(p) + " (" + fmt(count / p) + " users/s)",
                fmt(r) + " (raw loop of conditional UpdateItem, " + RAW_WRITERS + " threads)", fmt(r / p) + "x",
                ">= 0.9x");
        row("  the raw loop with the program's client settings (timeouts, standard retries, consumed capacity) (s)",
                fmt(p), fmt(median(configuredWall)), fmt(median(configuredWall) / p) + "x", "reported");
        row("  this JVM's CPU per locked user (ms)", fmt(median(programCpu) * 1000 / count),
                fmt(median(rawCpu) * 1000 / count) + " (the raw loop); " + fmt(median(configuredCpu) * 1000 / count)
                        + " (the raw loop with the program's client settings: timeouts, retries, consumed capacity)",
                fmt(median(programCpu) / median(rawCpu)) + "x", "reported: the engine shares the cores");
    }

    /** Wall-clock seconds of the work; the CPU seconds this JVM spent on it go to {@code cpu}. */
    private static double cpuSeconds(List<Double> cpu, Runnable work) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        double wall = seconds(work);
        cpu.add((os.getProcessCpuTime() - before) / 1e9);
        return wall;
    }

    /** The users updated on that day, by a parallel scan with the FilterExpression a script would send. */
    private static List<Map<String, AttributeValue>> rawMatches(DynamoDbClient client, String table, String day) {
        List<Map<String, AttributeValue>> found = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> segments = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                int segment = s;
                segments.add(pool.submit(() -> client.scanPaginator(ScanRequest.builder().tableName(table)
                        .segment(segment).totalSegments(4).filterExpression("dateUpdated BETWEEN :from AND :until")
                        .expressionAttributeValues(Map.of(":from", AttributeValue.fromS(day),
                                ":until", AttributeValue.fromS(day + "T99"))).build())
                        .items().forEach(found::add)));
            }
            segments.forEach(Scale::await);
        } finally {
            pool.shutdown();
        }
        return List.copyOf(found);
    }

    /** What a script would do: for each user, SET the lock on the version it scanned, several at once. */
    private static void rawLock(DynamoDbClient client, List<Map<String, AttributeValue>> items, boolean capacity) {
        ExecutorService pool = Executors.newFixedThreadPool(RAW_WRITERS);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items) {
                writes.add(pool.submit(() -> client.updateItem(b -> b.tableName(table())
                        .key(Map.of("emailAddress", item.get("emailAddress")))
                        .updateExpression("SET password = :locked, lockedAt = :now, lockedBy = :who, dateUpdated = :now")
                        .conditionExpression("dateUpdated = :version AND password = :hash")
                        .expressionAttributeValues(Map.of(":locked", AttributeValue.fromS("!" + item.get("password").s()),
                                ":now", AttributeValue.fromS("2026-12-04T12:00:00.000Z"),
                                ":who", AttributeValue.fromS("bench@localhost"),
                                ":version", item.get("dateUpdated"), ":hash", item.get("password")))
                        .returnConsumedCapacity(capacity ? ReturnConsumedCapacity.TOTAL : ReturnConsumedCapacity.NONE))));
            }
            writes.forEach(Scale::await);
        } finally {
            pool.shutdown();
        }
    }
}
