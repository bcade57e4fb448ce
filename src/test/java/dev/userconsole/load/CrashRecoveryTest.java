package dev.userconsole.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.Main;
import dev.userconsole.testing.Engine;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.StoredUser;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mindrot.jbcrypt.BCrypt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The program killed with SIGKILL in the middle of writes: afterwards the embedded database opens (the
 * data directory lock died with the process), every acknowledged write is there and intact, and an
 * interrupted import finishes on a re-run without duplicates.
 */
class CrashRecoveryTest {
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int IMPORT_ROWS = 4000;

    @TempDir
    Path dir;
    private final Random random = new Random();

    @Test
    void everyAcknowledgedInsertSurvivesAKill() throws Exception {
        Path data = dir.resolve("data");
        try (UserController users = UserController.open(InsertStream.settings(data))) {
            users.createTable(true);
        }
        List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Process writer = spawn(InsertStream.class.getName(), data.toString(), "round" + round);
            List<String> lines = readLinesInBackground(writer);
            waitFor(() -> !lines.isEmpty() || !writer.isAlive(), 60_000);
            assertTrue(writer.isAlive(), "the insert stream stopped by itself: " + lines);
            Thread.sleep(random.nextInt(1500)); // a random moment mid-stream
            writer.destroyForcibly(); // SIGKILL
            assertEquals(SIGKILL_EXIT, writer.waitFor());
            Thread.sleep(200); // let the reader take what was in the pipe
            lines.stream().filter(line -> line.endsWith("@crash.test")).forEach(acknowledged::add);
        }
        try (UserController users = UserController.open(InsertStream.settings(data))) {
            Map<String, User> stored = users.list().collect(Collectors.toMap(User::emailAddress, Function.identity()));
            for (String email : acknowledged) {
                User user = stored.get(email);
                assertTrue(user != null, email + " was acknowledged but is missing");
                assertEquals(InsertStream.firstName(email), user.firstName());
                assertEquals("Crash", user.lastName());
                assertEquals(user.dateCreated(), user.dateUpdated());
            }
            // each killed writer may have stored one insert it had no time to acknowledge
            assertTrue(stored.size() - acknowledged.size() <= 3, stored.size() + " stored, " + acknowledged.size()
                    + " acknowledged");
            for (String email : acknowledged.subList(acknowledged.size() - 3, acknowledged.size())) {
                assertTrue(users.checkPassword(email, InsertStream.password(email)), email + "'s password");
            }
        }
    }

    @Test
    void anImportKilledMidwayFinishesOnARerunWithoutDuplicates() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("users.csv");
        String hash = BCrypt.hashpw("imported-password", BCrypt.gensalt(10));
        List<String> rows = new ArrayList<>(List.of("email,firstName,lastName,passwordHash"));
        for (int i = 0; i < IMPORT_ROWS; i++) {
            rows.add("import" + i + "@crash.test,First" + i + ",Last" + i + "," + hash);
        }
        Files.write(file, rows);
        try (UserController users = UserController.open(InsertStream.settings(data))) {
            users.createTable(true);
        }
        Path store = data.resolve("shared-local-instance.db");
        long emptySize = Files.size(store);
        Process first = spawn(Main.class.getName(), "--embedded", "--data-dir", data.toString(), "import",
                file.toString());
        // once rows are landing in the store file, kill at a random moment
        waitFor(() -> sizeOf(store) > emptySize + 64 * 1024 || !first.isAlive(), 120_000);
        Thread.sleep(random.nextInt(300));
        first.destroyForcibly();
        assertEquals(SIGKILL_EXIT, first.waitFor(), "the import finished before it could be killed");
        long survived;
        try (UserController users = UserController.open(InsertStream.settings(data))) {
            survived = users.list().count();
        }
        assertTrue(survived > 0 && survived < IMPORT_ROWS, survived + " rows survived the kill");

        Process rerun = spawn(dir.resolve("rerun.txt"), Main.class.getName(), "--embedded", "--data-dir", data.toString(), "import",
                file.toString());
        assertTrue(rerun.waitFor(180, TimeUnit.SECONDS), "the re-run did not finish");
        List<String> said = Files.readAllLines(dir.resolve("rerun.txt"));
        assertEquals(0, rerun.exitValue(), said.toString());
        assertTrue(said.contains("Imported " + (IMPORT_ROWS - survived) + ", skipped " + survived
                + " (already existed), invalid 0, failed 0."), said.toString());
        try (UserController users = UserController.open(InsertStream.settings(data))) {
            List<StoredUser> stored = users.listWithHashes(1).toList();
            assertEquals(IMPORT_ROWS, stored.size());
            assertEquals(IMPORT_ROWS, stored.stream().map(s -> s.user().emailAddress()).distinct().count());
            for (StoredUser user : stored) {
                String n = user.user().emailAddress().replaceAll("\\D", "");
                assertEquals("import" + n + "@crash.test", user.user().emailAddress());
                assertEquals("First" + n, user.user().firstName());
                assertEquals(hash, user.passwordHash());
            }
        }
    }

    /**
     * A bulk delete killed with SIGKILL part-way, on an engine with transactions and one without: every user is
     * then in the table or in the trash, never in neither; a re-run deletes the rest, after which none is in both.
     * {@code -Dcrash.users=10000} for the full size (the CI form: 500).
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBulkDeleteKilledMidwayLosesNoUserAndARerunFinishesIt(Engine engine) throws Exception {
        int count = Integer.getInteger("crash.users", 500);
        String hash = BCrypt.hashpw("crash-password", BCrypt.gensalt(10));
        String table = LocalDynamoDb.freshTableName();
        String trash = table + "-trash";
        try (UserController users = engine.controller(table); DynamoDbClient raw = engine.raw()) {
            users.createTable(true);
            LocalDynamoDb.putAll(raw, table, IntStream.range(0, count).mapToObj(i -> Map.of(
                    User.EMAIL, AttributeValue.fromS("user" + i + "@crash.example"),
                    User.FIRST_NAME, AttributeValue.fromS("First" + i), User.LAST_NAME, AttributeValue.fromS("Crash"),
                    User.PASSWORD, AttributeValue.fromS(hash),
                    User.DATE_CREATED, AttributeValue.fromS("2026-01-01T00:00:00.000Z"),
                    User.DATE_UPDATED, AttributeValue.fromS("2026-01-01T00:00:00.000Z"))).toList());
            String endpoint = engine.endpoint().toString();
            Process first = spawn(Main.class.getName(), "--endpoint", endpoint, "--table", table, "delete", "--filter",
                    "domain:crash.example", "--yes", "--expect", String.valueOf(count));
            waitFor(() -> count(raw, trash) >= count / 10 || !first.isAlive(), 120_000);
            Thread.sleep(random.nextInt(200));
            first.destroyForcibly();
            assertEquals(SIGKILL_EXIT, first.waitFor(), "the bulk delete finished before it could be killed");
            // requests the killed process had sent are still being answered; a scan does not isolate transactions
            Thread.sleep(1500);
            Set<String> inTable = emails(raw, table);
            Set<String> inTrash = emails(raw, trash);
            assertTrue(inTable.size() > 0 && inTable.size() < count, inTable.size() + " users left after the kill");
            for (int i = 0; i < count; i++) {
                String email = "user" + i + "@crash.example";
                assertTrue(inTable.contains(email) || inTrash.contains(email), email + " is in neither");
            }
            if (engine == Engine.DYNAMODB_LOCAL) {
                assertTrue(inTable.stream().noneMatch(inTrash::contains), "one transaction: never in both");
            }

            Process rerun = spawn(dir.resolve("rerun.txt"), Main.class.getName(), "--endpoint", endpoint, "--table",
                    table, "delete", "--filter", "domain:crash.example", "--yes", "--expect",
                    String.valueOf(inTable.size()));
            assertTrue(rerun.waitFor(300, TimeUnit.SECONDS), "the re-run did not finish");
            assertEquals(0, rerun.exitValue(), Files.readString(dir.resolve("rerun.txt")));
            assertEquals(Set.of(), emails(raw, table), "the re-run deleted the rest");
            assertEquals(count, emails(raw, trash).size(), "every user is in the trash");
        }
    }

    private static long count(DynamoDbClient raw, String table) {
        return raw.scanPaginator(b -> b.tableName(table).select(Select.COUNT)).stream()
                .mapToLong(page -> page.count()).sum();
    }

    private static Set<String> emails(DynamoDbClient raw, String table) {
        return raw.scanPaginator(b -> b.tableName(table).consistentRead(true).projectionExpression("#e")
                .expressionAttributeNames(Map.of("#e", User.EMAIL))).items().stream()
                .map(item -> item.get(User.EMAIL).s()).collect(Collectors.toSet());
    }

    private Process spawn(String mainClass, String... args) throws IOException {
        return spawn(dir.resolve("stderr-" + System.nanoTime() + ".txt"), mainClass, args);
    }

    private Process spawn(Path stderr, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("BCRYPT_COST", "10");
        builder.environment().put("LOG_DIR", dir.resolve("logs").toString());
        return builder.start();
    }

    /** Every line the process prints, collected as it comes by a daemon thread. */
    private static List<String> readLinesInBackground(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died: the lines read so far are all it said
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
