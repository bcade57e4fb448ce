package dev.userconsole.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.testing.ThrottlingProxy;
import dev.userconsole.tui.ConsoleUi;
import dev.userconsole.users.ImportFile;
import dev.userconsole.users.ImportProgress;
import dev.userconsole.users.ImportReport;
import dev.userconsole.users.NewItemWriter;
import dev.userconsole.users.PasswordHasher;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserExporter;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.output.UserWriter;
import dev.userconsole.users.query.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The in-JVM benchmarks of scripts/bench.sh. Each prints Markdown table rows: what, the program's
 * figure, the baseline's figure measured in the same run, the ratio, and the goal.
 *
 * <p>Usage: Bench ENDPOINT SECTION... with sections seed, list, browser, import, throttled, scale (after seed).
 */
public final class Bench {
    private static final String HASH = "$2a$10$ykIB146pc6J/gHogeOAlyu.fTkFHFuL9Do1F.l7StM0iCwLpbHi82";
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int BIG = Integer.getInteger("bench.big", 100_000);
    private static final int SMALL = Integer.getInteger("bench.small", 10_000);
    private static final int PLAIN_IMPORT = Integer.getInteger("bench.plainImport", 10_000);

    private final URI endpoint;

    private Bench(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench(URI.create(args[0]));
        for (String section : Arrays.copyOfRange(args, 1, args.length)) {
            switch (section) {
                case "seed" -> bench.seed();
                case "list" -> bench.list();
                case "browser" -> bench.browser();
                case "import" -> bench.importUsers();
                case "throttled" -> bench.throttled();
                case "scale" -> bench.scale();
                default -> throw new IllegalArgumentException(section);
            }
        }
        System.exit(0);
    }

    private Settings settings(String table, int cost) {
        return new Settings(new Target.Endpoint(endpoint, "us-east-1", Credentials.placeholder()), table, cost,
                Duration.ofSeconds(60), Path.of("target", "bench-logs"));
    }

    private DynamoDbClient plainClient() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    static void row(String what, String program, String baseline, String ratio, String goal) {
        System.out.println("| " + what + " | " + program + " | " + baseline + " | " + ratio + " | " + goal + " |");
        System.out.flush();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    // ---- seed ----------------------------------------------------------------------------------------

    /** Tables Bench100k and Bench10k, written with plain BatchWriteItem by 4 threads. */
    private void seed() throws Exception {
        for (Object[] spec : new Object[][] {{"Bench" + BIG, BIG}, {"Bench" + SMALL, SMALL}}) {
            String table = (String) spec[0];
            int count = (Integer) spec[1];
            try (UserController users = UserController.open(settings(table, 10))) {
                users.createTable(true);
            }
            double took = seconds(() -> batchWrite(table, count, "seed"));
            System.err.printf("seeded %s with %d users in %.1f s%n", table, count, took);
        }
    }

    private void batchWrite(String table, int count, String prefix) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (DynamoDbClient client = plainClient()) {
            List<Future<?>> parts = new ArrayList<>();
            int per = (count + 3) / 4;
            for (int t = 0; t < 4; t++) {
                int from = t * per;
                int to = Math.min(count, from + per);
                parts.add(pool.submit(() -> batchWriteRange(client, table, prefix, from, to)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    /** The plain BatchWriteItem loop: 25 items per call, unprocessed items sent again. */
    static void batchWriteRange(DynamoDbClient client, String table, String prefix, int from, int to) {
        batchWriteRange(client, table, i -> item(prefix, i), from, to);
    }

    /** The same loop of the items {@code item} makes for each index. */
    static void batchWriteRange(DynamoDbClient client, String table, IntFunction<Map<String, AttributeValue>> item,
                                int from, int to) {
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = from; i < to; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item.apply(i)).build()).build());
            if (batch.size() == 25 || i == to - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
                    pending = response.unprocessedItems();
                }
                batch.clear();
            }
        }
    }

    static Map<String, AttributeValue> item(String prefix, int i) {
        String date = "2026-11-24T12:00:00.000Z";
        return Map.of("emailAddress", AttributeValue.fromS(prefix + i + "@example.com"),
                "firstName", AttributeValue.fromS("First" + i), "lastName", AttributeValue.fromS("Lastname" + i),
                "password", AttributeValue.fromS(HASH), "dateCreated", AttributeValue.fromS(date),
                "dateUpdated", AttributeValue.fromS(date));
    }

    // ---- list ----------------------------------------------------------------------------------------

    private void list() {
        String table = "Bench" + BIG;
        List<Double> program = new ArrayList<>();
        List<Double> programOneSegment = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        try (UserController users = UserController.open(settings(table, 10)); DynamoDbClient client = plainClient()) {
            for (int run = 0; run < RUNS; run++) {
                baseline.add(seconds(() -> minimalScan(client, table)));
                program.add(seconds(() -> programList(users, users.defaultScanSegments())));
                programOneSegment.add(seconds(() -> programList(users, 1)));
            }
        }
        double b = median(baseline);
        row("List " + BIG + " users as JSONL, in one JVM (s)", fmt(median(program)) + " (4 segments)", fmt(b)
                + " (SDK scan loop)", fmt(b / median(program)) + "x", ">= 0.95x");
        row("  the same with one segment (s)", fmt(median(programOneSegment)), fmt(b),
                fmt(b / median(programOneSegment)) + "x", ">= 0.95x");
    }

    // ---- throttled -------------------------------------------------------------------------------------

    /**
     * List and export of the big table through {@link ThrottlingProxy} at 1,000 read units a second (burst of
     * one second), against the same through the proxy with capacity to spare. The table is on demand in
     * DescribeTable, so the pacer has no provisioned rate to start from: it finds the rate by throttling (AIMD).
     */
    private void throttled() throws IOException {
        String table = "Bench" + BIG;
        double capacity = Integer.getInteger("bench.throttledReads", 1_000);
        for (String work : List.of("List", "Export")) {
            throttledRun(table, work, 1e9); // warms both runs up alike: the first run in a JVM is the slowest
            double[] paced = throttledRun(table, work, capacity);
            double[] free = throttledRun(table, work, 1e9);
            // what the bucket could grant while the run lasted: its rate, plus the one-second burst it starts with
            double share = paced[1] / (capacity * paced[0] + capacity);
            // where the engine and proxy on this machine serve less than the capacity even unthrottled, the
            // share of that pace says how close pacing came to what was possible here
            double reachable = Math.min(capacity, free[1] / free[0]);
            row(work + " " + BIG + " users through a " + (long) capacity + "-read-unit throttle, on-demand in"
                            + " DescribeTable: the pace found by throttling (units/s)",
                    fmt(paced[1] / paced[0]) + " (" + fmt(paced[0]) + " s, " + (long) paced[2] + " throttled)",
                    fmt(free[1] / free[0]) + " (" + fmt(free[0]) + " s, the same proxy, no throttling)",
                    fmt(share) + " of the capacity; " + fmt(paced[1] / paced[0] / reachable)
                            + " of the pace reachable here", "reported");
        }
    }

    /** Seconds, read units granted and requests throttled of one list or export through the proxy. */
    private double[] throttledRun(String table, String work, double readUnits) throws IOException {
        try (ThrottlingProxy proxy = new ThrottlingProxy(endpoint.getPort())) {
            proxy.provision(table, readUnits, readUnits, 1);
            Settings through = new Settings(new Target.Endpoint(proxy.endpoint(), "us-east-1",
                    Credentials.placeholder()), table, 10, Duration.ofSeconds(60), Path.of("target", "bench-logs"));
            try (UserController users = UserController.open(through)) {
                PrintWriter out = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(),
                        StandardCharsets.UTF_8));
                double took = seconds(() -> {
                    if (work.equals("List")) {
                        programList(users, users.defaultScanSegments());
                    } else {
                        check(new UserExporter(users, OutputFormat.JSONL, true, users.defaultScanSegments())
                                .export(out, new AtomicLong(), () -> false), BIG);
                    }
                });
                return new double[] {took, proxy.reads(table).granted(), proxy.reads(table).throttled()};
            }
        }
    }

    private static void programList(UserController users, int segments) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        UserWriter writer = OutputFormat.JSONL.writer(out, false);
        long count;
        try (Stream<User> all = users.list(segments)) {
            count = 0;
            for (Iterator<User> it = all.iterator(); it.hasNext(); count++) {
                writer.write(it.next());
            }
        }
        writer.finish();
        check(count, BIG);
    }

    /** What a script would write with the SDK alone: scan all pages, print each item as a JSON line. */
    private static void minimalScan(DynamoDbClient client, String table) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        long count = 0;
        for (Map<String, AttributeValue> item : client.scanPaginator(b -> b.tableName(table)).items()) {
            StringBuilder line = new StringBuilder("{");
            item.forEach((k, v) -> {
                if (!k.equals("password")) {
                    line.append('"').append(k).append("\":\"").append(v.s()).append("\",");
                }
            });
            line.setCharAt(line.length() - 1, '}');
            out.println(line);
            count++;
        }
        out.flush();
        check(count, BIG);
    }

    static void check(long count, long expected) {
        if (count != expected) {
            throw new IllegalStateException("read " + count + " users, expected " + expected);
        }
    }

    static String fmt(double value) {
        return String.format("%.2f", value);
    }

    // ---- scale ---------------------------------------------------------------------------------------

    /** Read users and bulk work on {@link Scale#HUGE} users: the browser against the small table, the rest raw. */
    private void scale() throws Exception {
        try (UserController marking = UserController.open(settings(Scale.table(Scale.MARK_USERS), 10));
             DynamoDbClient client = plainClient()) {
            Scale.seed(marking, client, Scale.MARK_USERS);
            Scale.markEveryMatch(marking, client);
        }
        try (UserController users = UserController.open(settings(Scale.table(), 10)); DynamoDbClient client = plainClient()) {
            Scale.seed(users, client, Scale.HUGE);
            browse("Bench" + SMALL, SMALL); // warms up the screens: the first browse in a JVM is the slowest
            double[] small = browse("Bench" + SMALL, SMALL);
            double[] huge = browse(Scale.table(), Scale.HUGE);
            row("User browser on " + Scale.HUGE + " users: first screenful (ms)", fmt(huge[0]), fmt(small[0]) + " (on "
                    + SMALL + ")", fmt(huge[0] / small[0]) + "x", "<= 300 ms");
            row("User browser: heap after scrolling to the end of " + Scale.HUGE + " users (MB)", fmt(huge[1]),
                    fmt(small[1]) + " (" + SMALL + ")", fmt(huge[1] / small[1]) + "x", "flat: no growth with the"
                            + " table (" + (Scale.HUGE / SMALL) + "x rows)");
            try (DynamoDbClient likeTheProgram = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(5)))
                    .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                            .apiCallAttemptTimeout(Duration.ofSeconds(5)).apiCallTimeout(Duration.ofSeconds(60)))
                    .build()) {
                Scale.bulkLock(users, client, likeTheProgram);
            }
        }
    }

    // ---- browser -------------------------------------------------------------------------------------

    private void browser() throws Exception {
        double[] small = browse("Bench" + SMALL, SMALL);
        double[] big = browse("Bench" + BIG, BIG);
        row("User browser on " + BIG + " users: first screenful (ms)", fmt(big[0]), fmt(small[0]) + " (on " + SMALL
                + ")", fmt(big[0] / small[0]) + "x", "<= 300 ms");
        row("User browser: heap after scrolling to the end (MB)", fmt(big[1]) + " (" + BIG + ")",
                fmt(small[1]) + " (" + SMALL + ")", fmt(big[1] / small[1]) + "x",
                "no growth proportional to the table (" + (BIG / SMALL) + "x rows)");
        filter("Bench" + BIG);
    }

    /** The browser's filter reads the whole table: parallel segments against one, as before they were used. */
    private void filter(String table) {
        List<Double> parallel = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        try (UserController users = UserController.open(settings(table, 10))) {
            for (int run = 0; run < RUNS; run++) {
                parallel.add(seconds(() -> search(users, users.defaultScanSegments())));
                single.add(seconds(() -> search(users, 1)));
            }
            double p = median(parallel);
            double one = median(single);
            row("User browser: filter scanning all " + BIG + " users (s)", fmt(p) + " (" + users.defaultScanSegments()
                    + " segments)", fmt(one) + " (1 segment)", fmt(one / p) + "x faster", "faster with segments");
        }
    }

    private static void search(UserController users, int segments) {
        long[] scanned = new long[1];
        boolean complete = users.search(Query.parse("no-such-user"), segments, 2000, (found, soFar) -> scanned[0] = soFar,
                () -> false);
        if (!complete) {
            throw new IllegalStateException("the search stopped early");
        }
        check(scanned[0], BIG);
    }

    /** Returns {milliseconds to the first screenful, MB of heap used after scrolling to the end}. */
    private double[] browse(String table, int count) throws Exception {
        List<Double> firstScreen = new ArrayList<>();
        double heap = 0;
        for (int run = 0; run < RUNS; run++) {
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            MultiWindowTextGUI gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
            Settings settings = settings(table, 10);
            ConsoleUi ui = new ConsoleUi(gui, () -> UserController.open(settings), table, "bench", false, () -> { });
            ui.open();
            pumpUntil(gui, terminal, "Table " + table + ": ACTIVE");
            long start = System.nanoTime();
            terminal.addInput(new KeyStroke('r', false, false));
            pumpUntil(gui, terminal, "more as you scroll");
            firstScreen.add((System.nanoTime() - start) / 1e6);
            if (run == 0) {
                long deadline = System.nanoTime() + Long.getLong("bench.scrollSeconds", 600L) * 1_000_000_000L;
                String text = screenText(terminal);
                while (!text.contains("(the last)") && !text.contains(count + " users (all loaded)")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("never reached the end:\n" + text);
                    }
                    terminal.addInput(new KeyStroke(KeyType.End));
                    pump(gui);
                    text = screenText(terminal);
                }
                heap = usedHeapMb();
            }
            ui.quit();
            screen.stopScreen();
        }
        return new double[] {median(firstScreen), heap};
    }

    private static double usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    private static void pump(MultiWindowTextGUI gui) {
        try {
            gui.getGUIThread().processEventsAndUpdate();
            Thread.sleep(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pumpUntil(MultiWindowTextGUI gui, DefaultVirtualTerminal terminal, String text) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!screenText(terminal).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("never showed " + text + ":\n" + screenText(terminal));
            }
            pump(gui);
        }
    }

    private static String screenText(DefaultVirtualTerminal terminal) {
        StringBuilder out = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                out.append(terminal.getCharacter(column, row).getCharacterString());
            }
            out.append('\n');
        }
        return out.toString();
    }

    // ---- import --------------------------------------------------------------------------------------

    private void importUsers() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        PasswordHasher hasher = new PasswordHasher(10);
        hasher.hash("warm-up-password");
        int samples = 20;
        double single = seconds(() -> {
            for (int i = 0; i < samples; i++) {
                hasher.hash("password-" + i);
            }
        });
        double singleRate = samples / single;
        Path plain = Files.createTempFile("bench-plain", ".csv");
        writeCsv(plain, PLAIN_IMPORT, false);
        String plainTable = "BenchImportPlain";
        ImportReport report;
        double took;
        try (UserController users = UserController.open(settings(plainTable, 10))) {
            users.createTable(true);
            long start = System.nanoTime();
            try (ImportFile rows = ImportFile.open(plain, null)) {
                report = users.importUsers(rows, false, new ImportProgress(PLAIN_IMPORT));
            }
            took = (System.nanoTime() - start) / 1e9;
        }
        check(report.imported(), PLAIN_IMPORT);
        double rate = PLAIN_IMPORT / took;
        row("Import " + PLAIN_IMPORT + " users with plaintext passwords, cost 10 (users/s)", fmt(rate),
                fmt(cores * singleRate) + " (" + cores + " cores x " + fmt(singleRate) + " hashes/s)",
                fmt(rate / (cores * singleRate)), ">= 0.9");

        Path hashed = Files.createTempFile("bench-hashed", ".csv");
        writeCsv(hashed, BIG, true);
        List<Double> program = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> unitsPerUser = new ArrayList<>();
        int runs = Integer.getInteger("bench.importRuns", 1); // each run writes 2 x 100,000 users
        for (int run = 0; run < runs; run++) {
            String importTable = "BenchImportHashed" + run;
            String batchTable = "BenchBatch" + run;
            try (UserController users = UserController.open(settings(importTable, 10));
                 UserController other = UserController.open(settings(batchTable, 10));
                 DynamoDbClient client = plainClient()) {
                users.createTable(true);
                other.createTable(true);
                baseline.add(seconds(() -> batchWriteRange(client, batchTable, "user", 0, BIG)));
                program.add(seconds(() -> {
                    try (ImportFile rows = ImportFile.open(hashed, null)) {
                        ImportReport imported = users.importUsers(rows, false, new ImportProgress(BIG));
                        check(imported.imported(), BIG);
                        unitsPerUser.add(imported.writeUnits() / imported.imported());
                    }
                }));
            }
        }
        double b = median(baseline);
        row("Import " + BIG + " pre-hashed users (s)", fmt(median(program)), fmt(b) + " (BatchWriteItem loop)",
                fmt(b / median(program)) + "x", ">= 0.9x");
        double reported = median(unitsPerUser);
        row("  write units per imported user, as the engine reports them (ReturnConsumedCapacity)",
                reported > 0 ? fmt(reported) : "none reported (DynamoDB Local gives no capacity for"
                        + " BatchExecuteStatement)", "1.0 (one single-item write under 1 KB)",
                reported > 0 ? fmt(reported) : "n/a", "1.0");
        double putItemUnits = putItemUnitsPerUser(SMALL);
        row("  the same through conditional PutItem (engines without PartiQL), " + SMALL + " users",
                fmt(putItemUnits), "1.0 (one conditional PutItem under 1 KB)", fmt(putItemUnits), "1.0");
        long serverPid = Long.getLong("bench.serverPid", -1);
        if (serverPid > 0) {
            engineCpuRows(serverPid, b);
        }
        Files.delete(plain);
        Files.delete(hashed);
    }

    /**
     * What bounds the pre-hashed import's ratio here: the engine's CPU per new user for each write form,
     * and the console's form written with the plain SDK and none of the console's code.
     */
    private void engineCpuRows(long serverPid, double batchLoop) {
        try (DynamoDbClient client = plainClient()) {
            WriteForms forms = new WriteForms(client, serverPid);
            double raw = forms.insertStatements(BIG).wall();
            row("  the same INSERTs from a plain SDK loop, 8 threads, no console code (s)", fmt(raw),
                    fmt(batchLoop) + " (BatchWriteItem loop)", fmt(batchLoop / raw) + "x", "reported");
            Map<String, WriteForms.Cost> costs = forms.byForm(SMALL);
            double batch = costs.values().iterator().next().engineCpu();
            costs.forEach((form, cost) -> row("  engine CPU for " + SMALL + " new users, " + form + " (s)",
                    fmt(cost.engineCpu()), fmt(batch) + " (BatchWriteItem)", fmt(cost.engineCpu() / batch) + "x",
                    "reported"));
        }
    }

    /** Write units per item of the PutItem path, as the engine reports them. */
    private double putItemUnitsPerUser(int count) {
        String table = "BenchPutItemUnits" + System.nanoTime();
        try (UserController users = UserController.open(settings(table, 10)); DynamoDbClient client = plainClient()) {
            users.createTable(true);
            EngineFeatures features = new EngineFeatures();
            features.doWithout(EngineFeatures.Feature.PARTIQL);
            try (NewItemWriter writer = new NewItemWriter(client, table, features, new SdkErrors("bench", table), 16)) {
                for (int i = 0; i < count; i++) {
                    writer.put(Map.of("emailAddress", AttributeValue.fromS("user" + i + "@example.com"),
                            "firstName", AttributeValue.fromS("First" + i), "lastName", AttributeValue.fromS("Last" + i),
                            "password", AttributeValue.fromS(HASH)), outcome -> { });
                }
                writer.close();
                return writer.writeUnits() / count;
            }
        }
    }

    private static void writeCsv(Path file, int count, boolean hashed) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("email,firstName,lastName," + (hashed ? "passwordHash" : "password"));
            for (int i = 0; i < count; i++) {
                out.println("user" + i + "@example.com,First" + i + ",Lastname" + i + "," + (hashed ? HASH : "password-" + i));
            }
        }
    }
}
