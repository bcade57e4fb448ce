package dev.userconsole.users.bulk;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.Pacer;
import dev.userconsole.users.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Applies a bulk action to every user of a plan, by several writers at once (each write waits mostly for its
 * answer), paced by the connection's write pacer so that they stay within the table's capacity. Each write is the controller's own
 * conditional, audited write of one user as previewed; a user it refuses is reported with why, and the rest go on.
 */
public final class BulkRunner {
    /** The controller's write of one user as the preview read it; throws a ConsoleException saying why not. */
    @FunctionalInterface
    public interface UserWrite {
        void apply(User loaded);
    }

    private final int writers;
    private final Pacer pacer;

    /** @param pacer the connection's write pacer: each write waits for its turn, and a throttled one is sent again */
    public BulkRunner(int writers, Pacer pacer) {
        this.writers = writers;
        this.pacer = pacer;
    }

    /**
     * @param done      counts the users dealt with, for progress
     * @param cancelled checked before each user and after each throttled attempt: once it says so, the users not
     *                  yet written (not started, or throttled and waiting) are not reached
     */
    public BulkReport run(BulkPlan plan, UserWrite write, AtomicLong done, BooleanSupplier cancelled) {
        List<User> users = plan.users();
        BulkResult[] results = new BulkResult[users.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(writers, users.size())), r -> {
            Thread thread = new Thread(r, "bulk-" + plan.action().verb());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < users.size(); i++) {
                int index = i;
                pool.execute(() -> {
                    if (!cancelled.getAsBoolean()) {
                        results[index] = one(users.get(index), write, cancelled);
                        if (results[index] != null) {
                            done.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            awaitAll(pool);
        } finally {
            pool.shutdownNow();
        }
        List<BulkResult> reported = new ArrayList<>();
        plan.missing().forEach(email -> reported.add(new BulkResult(email, BulkResult.Outcome.NOT_FOUND,
                "no user has this email")));
        Arrays.stream(results).filter(Objects::nonNull).forEach(reported::add);
        long notReached = Arrays.stream(results).filter(Objects::isNull).count();
        return new BulkReport(plan.action(), List.copyOf(reported), notReached);
    }

    /** What happened to this user; null when it was cancelled while throttled, so changed nothing. */
    private BulkResult one(User user, UserWrite write, BooleanSupplier cancelled) {
        try {
            if (!paced(user, write, cancelled)) {
                return null;
            }
            return new BulkResult(user.emailAddress(), BulkResult.Outcome.DONE, "");
        } catch (ConsoleException e) {
            return new BulkResult(user.emailAddress(), BulkResult.Outcome.of(e.problem()), e.getMessage());
        } catch (RuntimeException e) {
            return new BulkResult(user.emailAddress(), BulkResult.Outcome.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /**
     * A throttled write changed nothing (a complete refusal): it is sent again once the pacer allows, unless
     * the work was cancelled meanwhile.
     *
     * @return whether the user was written; false when cancelled after a throttled attempt
     */
    private boolean paced(User user, UserWrite write, BooleanSupplier cancelled) {
        while (true) {
            double reserved = pacer.turn("waiting to write a user");
            try {
                write.apply(user);
                pacer.answered(reserved, null);
                return true;
            } catch (ConsoleException e) {
                if (e.problem() != Problem.THROTTLED) {
                    pacer.answered(reserved, null);
                    throw e;
                }
                pacer.throttled(reserved);
                if (cancelled.getAsBoolean()) {
                    return false;
                }
            }
        }
    }

    private static void awaitAll(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // every write has its own call timeout, so the pool ends
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
