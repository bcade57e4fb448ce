package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.CapacityMeter;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.Pacer;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.store.UserTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Writes many new items on a pool of writer threads, each by a single-item conditional write that never
 * overwrites an existing key and costs one write unit on AWS: PartiQL INSERTs, 25 to a request
 * ({@link BatchInsert}), where the engine has PartiQL; else a conditional PutItem each. Items that need a
 * case-twin check go through {@link ConditionalPut} one by one.
 *
 * <p>Every request waits for its turn at the connection's write {@link Pacer}; throttled writes are sent
 * again when it says, for as long as it takes (until cancelled). A write whose answer was lost is sent again
 * too, which is safe because every write is conditional: a resend that finds this exact item stored counts
 * it as written. After {@value #LOST_ANSWER_ATTEMPTS} lost answers the item's outcome is unknown.
 */
public final class NewItemWriter implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 8;
    /** Sends whose answers are lost: each already waits for the call timeout, the SDK's retries included. */
    private static final int LOST_ANSWER_ATTEMPTS = 3;
    private static final long BASE_BACKOFF_MS = 50;
    /** Items waiting per writer thread before {@link #put} blocks (memory stays bounded). */
    private static final int QUEUED_PER_THREAD = 2 * BatchInsert.SIZE;
    /**
     * A partial batch waits at most about this long for more items: when they come slowly (passwords being
     * hashed), each is written, and counted, soon after it is ready.
     */
    private static final long FLUSH_AFTER_MS = 100;
    /** A statement refused with these is sent again, after a pause. */
    private static final Set<String> RETRIED_STATEMENT_ERRORS = Set.of("ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded", "TransactionConflict", "InternalServerError");

    /** Statement errors that mean throttling: paced and sent again, however often, until cancelled. */
    private static final Set<String> THROTTLED_STATEMENT_ERRORS = Set.of("ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    private final ConditionalPut put;
    private final Pacer pacer;
    private final BatchInsert batch;
    private final SdkErrors errors;
    private final ExecutorService pool;
    private final Semaphore room;
    private final int capacity;
    private final WriteUnits units;
    private final ScheduledExecutorService flusher;
    private final List<Pending> filling = new ArrayList<>(BatchInsert.SIZE);
    private long fillingSince;
    private volatile boolean cancelled;

    /**
     * @param features what the connection's engine has (shared by everything on one connection, so an
     *                 engine without PartiQL or transactions is asked once)
     */
    public NewItemWriter(DynamoDbClient client, String table, EngineFeatures features, SdkErrors errors,
                         int threads) {
        this(client, table, features, errors, threads, Pacer.unlimited(), new CapacityMeter());
    }

    /**
     * @param pacer the connection's write pacer: every request waits for its turn, and throttled writes are
     *              sent again when the pacer says, for as long as it takes (until cancelled)
     * @param meter counts the write units consumed on the connection
     */
    public NewItemWriter(DynamoDbClient client, String table, EngineFeatures features, SdkErrors errors,
                         int threads, Pacer pacer, CapacityMeter meter) {
        this.pacer = pacer;
        this.units = new WriteUnits(meter);
        this.put = new ConditionalPut(client, table, features, units);
        this.batch = new BatchInsert(client, table, features, units);
        this.errors = errors;
        this.capacity = threads * QUEUED_PER_THREAD;
        this.room = new Semaphore(capacity);
        this.pool = Executors.newFixedThreadPool(threads, daemon("item-writer"));
        this.flusher = Executors.newSingleThreadScheduledExecutor(daemon("item-writer-flush"));
        flusher.scheduleWithFixedDelay(this::flushIfWaiting, FLUSH_AFTER_MS, FLUSH_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Write capacity units the writes consumed so far, as the engine reports them (0 where it does not). */
    public double writeUnits() {
        return units.total();
    }

    /** Sends the item, conditional on its key being absent; {@code done} gets the outcome on a writer thread. */
    public void put(Map<String, AttributeValue> item, Consumer<PutOutcome> done) {
        put(item, List.of(), done);
    }

    /**
     * Sends the item, conditional on its key and on its {@code twinKeys} (the email as typed, when it differs
     * from the normalised key, see {@link ConditionalPut}) being absent. Blocks while many items wait.
     */
    void put(Map<String, AttributeValue> item, List<String> twinKeys, Consumer<PutOutcome> done) {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.accept(new PutOutcome.Cancelled());
            return;
        }
        Pending pending = new Pending(item, twinKeys, done);
        if (!twinKeys.isEmpty() || !batch.mayBeSupported()) {
            pool.execute(() -> pending.finish(cancelled ? new PutOutcome.Cancelled() : writeOne(pending)));
            return;
        }
        List<Pending> full = null;
        synchronized (filling) {
            if (filling.isEmpty()) {
                fillingSince = System.nanoTime();
            }
            filling.add(pending);
            if (filling.size() == BatchInsert.SIZE) {
                full = takeFilling();
            }
        }
        if (full != null) {
            sendBatch(full);
        }
    }

    private List<Pending> takeFilling() {
        List<Pending> taken = List.copyOf(filling);
        filling.clear();
        return taken;
    }

    private void flushIfWaiting() {
        List<Pending> waiting = null;
        synchronized (filling) {
            if (!filling.isEmpty() && System.nanoTime() - fillingSince >= TimeUnit.MILLISECONDS.toNanos(FLUSH_AFTER_MS)) {
                waiting = takeFilling();
            }
        }
        if (waiting != null) {
            sendBatch(waiting);
        }
    }

    /** Drops the items not yet sent (their outcome is {@link PutOutcome.Cancelled}); those being sent finish. */
    public void cancel() {
        cancelled = true;
    }

    private void sendBatch(List<Pending> items) {
        pool.execute(() -> writeBatch(items));
    }

    private PutOutcome writeOne(Pending item) {
        int lostAnswers = 0;
        while (true) {
            double reserved = turn(1);
            if (reserved < 0) {
                return new PutOutcome.Cancelled();
            }
            try {
                PutOutcome outcome = put.attempt(item.item(), item.twinKeys());
                pacer.answered(reserved, null);
                return outcome;
            } catch (SdkException e) {
                ConsoleException translated = errors.translate(e);
                if (translated.problem() == Problem.THROTTLED && !cancelled) {
                    pacer.throttled(reserved); // sent again when the pacer says, however often
                    continue;
                }
                pacer.answered(reserved, 0.0);
                if (LostAnswers.mayHaveApplied(e)) {
                    if (++lostAnswers >= LOST_ANSWER_ATTEMPTS) {
                        return unknown();
                    }
                    continue;
                }
                return new PutOutcome.Failed(translated.problem(), translated.getMessage());
            }
        }
    }

    private void writeBatch(List<Pending> items) {
        List<Pending> pending = items;
        int lostAnswers = 0;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (cancelled) {
                pending.forEach(item -> item.finish(new PutOutcome.Cancelled()));
                return;
            }
            Optional<List<BatchStatementResponse>> answers;
            double reserved = turn(pending.size());
            if (reserved < 0) {
                cancel();
                continue;
            }
            try {
                answers = batch.send(pending.stream().map(Pending::item).collect(Collectors.toList()));
                pacer.answered(reserved, null);
            } catch (SdkException e) {
                if (errors.translate(e).problem() == Problem.THROTTLED) {
                    pacer.throttled(reserved);
                    attempt--;
                    continue;
                }
                pacer.answered(reserved, 0.0);
                if (LostAnswers.mayHaveApplied(e)) {
                    if (++lostAnswers >= LOST_ANSWER_ATTEMPTS) {
                        pending.forEach(item -> item.finish(unknown()));
                        return;
                    }
                    continue;
                }
                ConsoleException translated = errors.translate(e);
                if (translated.problem() == Problem.ACCESS_DENIED) {
                    // allowed PutItem but not PartiQLInsert, perhaps: a denied PutItem says so itself
                    batch.notPermitted();
                    pending.forEach(item -> item.finish(cancelled ? new PutOutcome.Cancelled() : writeOne(item)));
                    return;
                }
                if (translated.problem() != Problem.THROTTLED || attempt >= MAX_ATTEMPTS) {
                    pending.forEach(item -> item.finish(new PutOutcome.Failed(translated.problem(),
                            translated.getMessage())));
                    return;
                }
                backOffOrCancel(attempt);
                continue;
            }
            if (answers.isEmpty()) { // no PartiQL here: one conditional put each
                pending.forEach(item -> item.finish(cancelled ? new PutOutcome.Cancelled() : writeOne(item)));
                return;
            }
            if (answers.get().stream().allMatch(answer -> answer.error() != null
                    && THROTTLED_STATEMENT_ERRORS.contains(answer.error().codeAsString()))) {
                attempt--; // throttled as a whole: not an attempt that failed
            }
            pending = settle(pending, answers.get(), attempt);
            if (!pending.isEmpty()) {
                backOffOrCancel(attempt);
            }
        }
    }

    /** Finishes the items whose statements were answered for good; returns those to send again. */
    private List<Pending> settle(List<Pending> sent, List<BatchStatementResponse> answers, int attempt) {
        List<Pending> again = new ArrayList<>();
        List<Pending> duplicates = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Pending item = sent.get(i);
            BatchStatementError error = i < answers.size() ? answers.get(i).error() : null;
            if (error == null) {
                item.finish(new PutOutcome.Written(false));
            } else if ("DuplicateItem".equals(error.codeAsString())
                    || "ConditionalCheckFailed".equals(error.codeAsString())) {
                if (error.hasItem() && !error.item().isEmpty()) {
                    item.finish(put.existing(item.item(), error.item()));
                } else {
                    duplicates.add(item);
                }
            } else if ("AccessDenied".equals(error.codeAsString())) {
                batch.notPermitted();
                item.finish(cancelled ? new PutOutcome.Cancelled() : writeOne(item));
            } else if (THROTTLED_STATEMENT_ERRORS.contains(error.codeAsString())) {
                pacer.throttled(0);
                again.add(item);
            } else if (RETRIED_STATEMENT_ERRORS.contains(error.codeAsString()) && attempt < MAX_ATTEMPTS) {
                again.add(item);
            } else {
                ConsoleException translated = errors.translate(DynamoDbException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode(error.codeAsString())
                                .errorMessage(error.message()).build()).build());
                item.finish(new PutOutcome.Failed(translated.problem(), translated.getMessage()));
            }
        }
        if (!duplicates.isEmpty()) {
            again.addAll(compareWithStored(duplicates));
        }
        return again;
    }

    /**
     * INSERTs refused as duplicates, whose answer carries no item: the stored items are read, and this exact
     * item counts as written (an earlier attempt's). Returns those gone meanwhile, to send again.
     */
    private List<Pending> compareWithStored(List<Pending> duplicates) {
        Map<String, Map<String, AttributeValue>> stored;
        try {
            stored = batch.read(duplicates.stream().map(item -> item.item().get(UserTable.KEY).s())
                    .collect(Collectors.toList()));
        } catch (SdkException e) {
            ConsoleException translated = errors.translate(e);
            duplicates.forEach(item -> item.finish(new PutOutcome.Failed(translated.problem(),
                    "an item with this key exists, and reading it failed: " + translated.getMessage())));
            return List.of();
        }
        List<Pending> gone = new ArrayList<>();
        for (Pending item : duplicates) {
            Map<String, AttributeValue> now = stored.get(item.item().get(UserTable.KEY).s());
            if (now == null) {
                gone.add(item);
            } else {
                item.finish(put.existing(item.item(), now));
            }
        }
        return gone;
    }

    /** Waits for the pacer; the units reserved, or -1 when cancelled or interrupted meanwhile. */
    private double turn(int items) {
        try {
            double reserved = pacer.awaitTurn();
            return cancelled ? -1 : reserved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void backOffOrCancel(int attempt) {
        if (!backOff(attempt)) {
            cancel();
        }
    }

    private static PutOutcome unknown() {
        return new PutOutcome.Failed(Problem.OUTCOME_UNKNOWN, "the database's answers were lost, so whether this"
                + " item was written is unknown; run it again to finish");
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

    /** Sends what is left in a partial batch, then waits until every item put has its outcome. */
    @Override
    public void close() {
        flusher.shutdownNow();
        List<Pending> rest;
        synchronized (filling) {
            rest = takeFilling();
        }
        if (!rest.isEmpty()) {
            sendBatch(rest);
        }
        room.acquireUninterruptibly(capacity);
        room.release(capacity);
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An item given to {@link #put}, until its outcome is told. */
    private final class Pending {
        private final Map<String, AttributeValue> item;
        private final List<String> twinKeys;
        private final Consumer<PutOutcome> done;

        Pending(Map<String, AttributeValue> item, List<String> twinKeys, Consumer<PutOutcome> done) {
            this.item = item;
            this.twinKeys = twinKeys;
            this.done = done;
        }

        Map<String, AttributeValue> item() {
            return item;
        }

        List<String> twinKeys() {
            return twinKeys;
        }

        void finish(PutOutcome outcome) {
            try {
                done.accept(outcome);
            } finally {
                room.release();
            }
        }
    }
}
