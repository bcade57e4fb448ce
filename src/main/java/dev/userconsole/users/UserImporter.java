package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.audit.AuditRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Imports rows in parallel: plaintext passwords are hashed on every core, and users are written in
 * transactions of conditional puts, so an existing email is never overwritten and re-running an
 * interrupted import completes it without duplicates. Throttled writes are retried with jittered
 * exponential backoff; so are chunks whose answer was lost, and a retry that finds rows this import wrote
 * (an earlier attempt went through) counts them as imported, not as already existing.
 */
final class UserImporter {
    /** What to do with a row whose email already exists. */
    enum OnExisting { SKIP, FAIL }

    private static final Logger LOG = LoggerFactory.getLogger(UserImporter.class);
    private static final int MAX_ATTEMPTS = 8;
    /** Sends of a chunk whose answers are lost: each already waits for the call timeout, retries included. */
    private static final int LOST_ANSWER_ATTEMPTS = 3;
    /** Users per transaction: the most DynamoDB allows, fewest round trips. */
    static final int CHUNK = 100;
    private static final long BASE_BACKOFF_MS = 50;

    private final DynamoDbClient client;
    private final String table;
    private final PasswordHasher hasher;
    private final Timestamps timestamps;
    private final SdkErrors errors;
    private final int threads;

    UserImporter(DynamoDbClient client, String table, PasswordHasher hasher, Timestamps timestamps,
                 SdkErrors errors, int threads) {
        this.client = client;
        this.table = table;
        this.hasher = hasher;
        this.timestamps = timestamps;
        this.errors = errors;
        this.threads = threads;
    }

    /** @param audit receives one record per row, written or not */
    ImportReport run(Iterator<ImportRow> rows, OnExisting onExisting, ImportProgress progress, AuditLog.Batch audit) {
        Counts counts = new Counts(audit);
        Map<String, Long> seen = new ConcurrentHashMap<>();
        Chunks chunks = new Chunks();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), r -> {
                    Thread thread = new Thread(r, "import");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            while (rows.hasNext() && !progress.isCancelled()) {
                ImportRow row = rows.next();
                Valid valid = validate(row, seen, counts);
                if (valid == null) {
                    progress.rowDone();
                    continue;
                }
                pool.execute(() -> {
                    Prepared prepared = prepare(valid, counts);
                    if (prepared != null) {
                        List<Prepared> full = chunks.add(prepared);
                        if (full != null) {
                            writeChunk(full, onExisting, counts, progress);
                        }
                    } else {
                        progress.rowDone();
                    }
                });
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        List<Prepared> rest = chunks.drain();
        if (!rest.isEmpty()) {
            writeChunk(rest, onExisting, counts, progress);
        }
        List<ImportReport.RowProblem> problems = new ArrayList<>(counts.problems);
        problems.sort(Comparator.comparingLong(ImportReport.RowProblem::line));
        return new ImportReport(counts.imported.get(), counts.skipped.get(), counts.invalid.get(),
                counts.failed.get(), problems);
    }

    private Valid validate(ImportRow row, Map<String, Long> seen, Counts counts) {
        if (row.problem() != null) {
            counts.invalid(row, row.problem());
            return null;
        }
        try {
            String email = UserValidator.email(row.email());
            String first = UserValidator.firstName(row.firstName());
            String last = UserValidator.lastName(row.lastName());
            if ((row.password() == null) == (row.passwordHash() == null)) {
                throw new InvalidInputException("password", "give either password or passwordHash");
            }
            if (row.passwordHash() != null && !PasswordHasher.isBcryptHash(row.passwordHash())) {
                throw new InvalidInputException("passwordHash", "is not a bcrypt hash ($2a$, $2b$ or $2y$)");
            }
            String password = row.password() == null ? null : UserValidator.password(row.password());
            Long earlier = seen.putIfAbsent(email, row.line());
            if (earlier != null) {
                counts.invalid(row, "email " + email + " already appears on line " + earlier);
                return null;
            }
            return new Valid(row.line(), email, first, last, password, row.passwordHash());
        } catch (InvalidInputException e) {
            counts.invalid(row, e.getMessage());
            return null;
        }
    }

    /** Hashes a plaintext password (the slow part, run on every core) and builds the item. */
    private Prepared prepare(Valid row, Counts counts) {
        try {
            String hash = row.passwordHash() != null ? row.passwordHash() : hasher.hash(row.password());
            String now = timestamps.now();
            return new Prepared(row.line(), row.email(), Map.of(
                    User.EMAIL, AttributeValue.fromS(row.email()),
                    User.FIRST_NAME, AttributeValue.fromS(row.firstName()),
                    User.LAST_NAME, AttributeValue.fromS(row.lastName()),
                    User.PASSWORD, AttributeValue.fromS(hash),
                    User.DATE_CREATED, AttributeValue.fromS(now),
                    User.DATE_UPDATED, AttributeValue.fromS(now)));
        } catch (RuntimeException e) {
            // only the type: a hashing library's message might quote its input
            LOG.error("Import line {}: unexpected {}", row.line(), e.getClass().getName());
            counts.failed(row.line(), row.email(), Problem.DATABASE_ERROR,
                    "unexpected " + e.getClass().getSimpleName() + " (see the log)");
            return null;
        }
    }

    /**
     * Writes up to {@link #CHUNK} users in one transaction of conditional puts: as fast as a batch write,
     * but an existing email can never be overwritten. A cancelled transaction says which conditions
     * failed; those users existed, and the others are sent again.
     */
    private void writeChunk(List<Prepared> chunk, OnExisting onExisting, Counts counts, ImportProgress progress) {
        List<Prepared> pending = chunk;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Prepared> sending = pending;
            try {
                client.transactWriteItems(b -> b.transactItems(sending.stream().map(row -> TransactWriteItem.builder()
                        .put(put -> put.tableName(table).item(row.item())
                                .conditionExpression("attribute_not_exists(#key)")
                                .expressionAttributeNames(Map.of("#key", User.EMAIL))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                        .build()).collect(Collectors.toList())));
                counts.imported(sending);
                sending.forEach(row -> progress.rowDone());
                return;
            } catch (TransactionCanceledException e) {
                pending = new ArrayList<>();
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                for (int i = 0; i < sending.size(); i++) {
                    CancellationReason reason = i < reasons.size() ? reasons.get(i) : null;
                    if (reason != null && "ConditionalCheckFailed".equals(reason.code())) {
                        if (isOurs(reason, sending.get(i))) {
                            counts.imported(List.of(sending.get(i)));
                        } else {
                            existed(sending.get(i), onExisting, counts);
                        }
                        progress.rowDone();
                    } else {
                        pending.add(sending.get(i));
                    }
                }
                if (pending.size() == sending.size()) {
                    backOffOrFail(attempt, pending, counts, progress, Problem.CHANGED_BY_SOMEONE_ELSE,
                            "the write was refused repeatedly (conflicts)");
                }
            } catch (SdkException e) {
                ConsoleException translated = errors.translate(e);
                boolean lostAnswer = LostAnswers.mayHaveApplied(e);
                boolean retry = lostAnswer ? attempt < LOST_ANSWER_ATTEMPTS : translated.problem() == Problem.THROTTLED;
                if (!retry) {
                    attempt = MAX_ATTEMPTS;
                }
                // a lost answer is sent again: a retry that finds its own rows counts them as imported
                backOffOrFail(attempt, pending, counts, progress, lostAnswer ? Problem.OUTCOME_UNKNOWN
                        : translated.problem(), lostAnswer ? "the database's answers were lost, so whether this row"
                        + " was written is unknown; run the import again to finish it" : translated.getMessage());
            }
        }
    }

    private void backOffOrFail(int attempt, List<Prepared> pending, Counts counts, ImportProgress progress,
                               Problem problem, String reason) {
        if (attempt >= MAX_ATTEMPTS) {
            for (Prepared row : pending) {
                counts.failed(row.line(), row.email(), problem, reason);
                progress.rowDone();
            }
            pending.clear();
            return;
        }
        backOff(attempt);
    }

    /**
     * Whether the item that failed the condition is the one this import sent: an earlier attempt whose answer
     * was lost wrote it. Each row's item is unique to this run (its dateCreated, and for plaintext passwords
     * the hash's random salt).
     */
    private static boolean isOurs(CancellationReason reason, Prepared row) {
        return reason.hasItem() && reason.item().equals(row.item());
    }

    private static void existed(Prepared row, OnExisting onExisting, Counts counts) {
        if (onExisting == OnExisting.SKIP) {
            counts.skipped(row);
        } else {
            counts.failed(row.line(), row.email(), Problem.ALREADY_EXISTS, "a user with this email already exists");
        }
    }

    private static void backOff(int attempt) {
        long ceiling = BASE_BACKOFF_MS << Math.min(attempt, 10);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(Problem.DATABASE_ERROR, "The import was interrupted.", e);
        }
    }

    private static void awaitQuietly(ThreadPoolExecutor pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // rows still being hashed and written; they finish on their own
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Prepared(long line, String email, Map<String, AttributeValue> item) {
        @Override
        public String toString() {
            return "Prepared[line " + line + ", " + email + "]";
        }
    }

    /** Collects prepared rows from many threads into chunks for one transaction each. */
    private static final class Chunks {
        private List<Prepared> current = new ArrayList<>(CHUNK);

        synchronized List<Prepared> add(Prepared row) {
            current.add(row);
            if (current.size() < CHUNK) {
                return null;
            }
            return drain();
        }

        synchronized List<Prepared> drain() {
            List<Prepared> full = current;
            current = new ArrayList<>(CHUNK);
            return full;
        }
    }

    private record Valid(long line, String email, String firstName, String lastName, String password,
                         String passwordHash) {
        @Override
        public String toString() {
            return "Valid[line " + line + ", " + email + "]";
        }
    }

    private static final class Counts {
        final AtomicLong imported = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong invalid = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<ImportReport.RowProblem> problems = Collections.synchronizedList(new ArrayList<>());
        private final AuditLog.Batch audit;

        Counts(AuditLog.Batch audit) {
            this.audit = audit;
        }

        void imported(List<Prepared> rows) {
            imported.addAndGet(rows.size());
            rows.forEach(row -> audit.add(AuditRecord.importRow(row.line(), row.email(), null)));
        }

        void skipped(Prepared row) {
            skipped.incrementAndGet();
            audit.add(AuditRecord.importRow(row.line(), row.email(), Problem.ALREADY_EXISTS));
        }

        void invalid(ImportRow row, String reason) {
            invalid.incrementAndGet();
            audit.add(AuditRecord.importRow(row.line(), row.email(), Problem.INVALID_INPUT));
            problems.add(new ImportReport.RowProblem(row.line(),
                    row.email() == null || row.email().isEmpty() ? null : VisibleText.of(row.email()), reason));
        }

        void failed(long line, String email, Problem problem, String reason) {
            failed.incrementAndGet();
            audit.add(AuditRecord.importRow(line, email, problem));
            problems.add(new ImportReport.RowProblem(line, email, reason));
        }
    }
}
