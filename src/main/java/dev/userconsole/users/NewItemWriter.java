package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.store.Transactions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes many new items, each with its own conditional PutItem, on a pool of writer threads: one write unit
 * per item on AWS, and it works on every engine (no transactions). An existing key is never overwritten.
 * Throttled writes back off (jittered, exponential) and are sent again; so is a write whose answer was lost,
 * which is safe because the put is conditional: a resend that finds this exact item counts it as written.
 * After {@value #LOST_ANSWER_ATTEMPTS} lost answers the item's outcome is unknown.
 */
public final class NewItemWriter implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 8;
    /** Sends whose answers are lost: each already waits for the call timeout, the SDK's retries included. */
    private static final int LOST_ANSWER_ATTEMPTS = 3;
    private static final long BASE_BACKOFF_MS = 50;
    /** Items waiting per writer thread before {@link #put} blocks (memory stays bounded). */
    private static final int QUEUED_PER_THREAD = 4;

    private final ConditionalPut put;
    private final SdkErrors errors;
    private final ExecutorService pool;
    private final Semaphore room;
    private final int capacity;
    private volatile boolean cancelled;

    public NewItemWriter(DynamoDbClient client, String table, SdkErrors errors, int threads) {
        this(new ConditionalPut(client, table, new Transactions(client)), errors, threads);
    }

    NewItemWriter(ConditionalPut put, SdkErrors errors, int threads) {
        this.put = put;
        this.errors = errors;
        this.capacity = threads * (QUEUED_PER_THREAD + 1);
        this.room = new Semaphore(capacity);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "item-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends the item, conditional on its key being absent; {@code done} gets the outcome on a writer thread. */
    public void put(Map<String, AttributeValue> item, Consumer<PutOutcome> done) {
        put(item, Optional.empty(), done);
    }

    /**
     * Sends the item, conditional on its key and on {@code twinKey} (the email as typed, when it differs from
     * the normalised key) being absent. Blocks while many items wait to be sent.
     */
    void put(Map<String, AttributeValue> item, Optional<String> twinKey, Consumer<PutOutcome> done) {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.accept(new PutOutcome.Cancelled());
            return;
        }
        pool.execute(() -> {
            try {
                done.accept(cancelled ? new PutOutcome.Cancelled() : write(item, twinKey));
            } finally {
                room.release();
            }
        });
    }

    /** Drops the items not yet sent (their outcome is {@link PutOutcome.Cancelled}); those being sent finish. */
    public void cancel() {
        cancelled = true;
    }

    private PutOutcome write(Map<String, AttributeValue> item, Optional<String> twinKey) {
        int lostAnswers = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return put.attempt(item, twinKey);
            } catch (SdkException e) {
                if (LostAnswers.mayHaveApplied(e)) {
                    if (++lostAnswers >= LOST_ANSWER_ATTEMPTS) {
                        return new PutOutcome.Failed(Problem.OUTCOME_UNKNOWN, "the database's answers were lost, so"
                                + " whether this item was written is unknown; run it again to finish");
                    }
                    continue;
                }
                ConsoleException translated = errors.translate(e);
                if (translated.problem() != Problem.THROTTLED || attempt >= MAX_ATTEMPTS || cancelled) {
                    return new PutOutcome.Failed(translated.problem(), translated.getMessage());
                }
                if (!backOff(attempt)) {
                    return new PutOutcome.Cancelled();
                }
            }
        }
    }

    /** Waits before a throttled write is sent again; false when interrupted. */
    private static boolean backOff(int attempt) {
        long ceiling = BASE_BACKOFF_MS << Math.min(attempt, 10);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until every item put has its outcome. */
    @Override
    public void close() {
        room.acquireUninterruptibly(capacity);
        room.release(capacity);
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
