package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.LocalServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DynamoDB Local in its own process, keeping its data on disk, killed with SIGKILL while inserts run and
 * started again from what is on disk: the program reports the outage in time and in a sentence, works
 * again without being restarted, and every insert it acknowledged is there.
 */
class ServerCrashTest {
    private static final String TABLE = "User";

    @TempDir
    Path dir;

    /** The restarted server's first answers can take longer than the short timeout while it warms up. */
    private static void awaitAnswers(UserController users) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                users.describeTable();
                return;
            } catch (ConsoleException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void everyAcknowledgedInsertSurvivesAKilledServerAndServiceReturnsAfterItsRestart() throws Exception {
        try (LocalServerProcess server = LocalServerProcess.start(dir.resolve("data"), dir.resolve("logs"))) {
            URI endpoint = URI.create("http://127.0.0.1:" + server.port());
            try (UserController setup = UserController.open(
                    NetworkFaultsTest.settingsThrough(endpoint, TABLE, Duration.ofSeconds(30)))) {
                setup.createTable(true);
            }
            try (UserController users = UserController.open(NetworkFaultsTest.settingsThrough(endpoint, TABLE))) {
                List<String> acknowledged = new CopyOnWriteArrayList<>();
                List<ConsoleException> failures = new CopyOnWriteArrayList<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService writer = Executors.newSingleThreadExecutor();
                Future<?> writes = writer.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String email = "user" + i + "@example.com";
                        try {
                            users.insert(new NewUser(email, "User", "Number" + i, "password-1"));
                            acknowledged.add(email);
                        } catch (ConsoleException e) {
                            failures.add(e);
                        }
                    }
                });
                while (acknowledged.size() < 20 && !writes.isDone()) {
                    Thread.sleep(20);
                }
                server.kill();

                ConsoleException down = NetworkFaultsTest.failsClearly(() -> users.get("user0@example.com"));
                assertEquals(Problem.UNREACHABLE, down.problem());
                while (failures.isEmpty() && !writes.isDone()) {
                    Thread.sleep(20);
                }
                stop.set(true);
                writes.get();
                writer.shutdown();
                for (ConsoleException failure : failures) {
                    assertTrue(Set.of(Problem.UNREACHABLE, Problem.OUTCOME_UNKNOWN).contains(failure.problem()),
                            failure.getMessage());
                    assertFalse(failure.getMessage().contains("\n") || failure.getMessage().contains("Exception"),
                            failure.getMessage());
                }

                server.start();
                awaitAnswers(users);
                for (String email : acknowledged) {
                    assertEquals(email, users.get(email).emailAddress(), "acknowledged insert survives the kill");
                }
                users.insert(new NewUser("after@example.com", "After", "Restart", "password-1"));
                assertTrue(users.find("after@example.com").isPresent());
            }
        }
    }
}
