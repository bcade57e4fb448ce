package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Racing administrators: the conditional writes must let exactly one of them win. */
class ConcurrencyTest {
    private final String table = LocalDynamoDb.freshTableName();
    private UserController users;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        users = LocalDynamoDb.controller(table);
        users.createTable(false);
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
        users.close();
    }

    /** Runs the same task on n threads released together; returns "ok" or the problem of each. */
    private Map<String, Long> race(int n, Function<Integer, Object> task) throws Exception {
        pool = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            Callable<String> call = () -> {
                start.await();
                try {
                    task.apply(id);
                    return "ok";
                } catch (ConsoleException e) {
                    return e.problem().name();
                }
            };
            outcomes.add(pool.submit(call));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        return results.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    }

    @Test
    void eightConcurrentInsertsOfOneEmailLetExactlyOneWin() throws Exception {
        Map<String, Long> outcomes = race(8, id ->
                users.insert(new NewUser("same@example.com", "Admin" + id, "Racer", "password-" + id)));
        assertEquals(Map.of("ok", 1L, Problem.ALREADY_EXISTS.name(), 7L), outcomes);
        assertEquals(1, users.list().count());
        String winner = users.get("same@example.com").firstName();
        int id = Integer.parseInt(winner.substring("Admin".length()));
        assertTrue(users.checkPassword("same@example.com", "password-" + id),
                "the stored hash belongs to the insert that won");
    }

    @Test
    void twoConcurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        User loaded = users.insert(new NewUser("shared@example.com", "Shared", "User", "password-1")).user();
        Map<String, Long> outcomes = race(2, id ->
                users.update(loaded, new UserChanges("Admin" + id, "Edit" + id, null)));
        assertEquals(Map.of("ok", 1L, Problem.CHANGED_BY_SOMEONE_ELSE.name(), 1L), outcomes);
        User stored = users.get("shared@example.com");
        assertEquals(stored.firstName().substring(5), stored.lastName().substring(4),
                "first and last name come from the same, winning, update");
    }
}
