package dev.userconsole.users;

import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.UserTable;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.audit.AuditRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Imports rows: plaintext passwords are hashed on every core, and each user is written by its own
 * conditional put ({@link NewItemWriter}), so an existing email (or its case twin) is never overwritten,
 * re-running an interrupted import completes it without duplicates, and it works on engines without
 * transactions. Progress counts each row as it is finished; a cancel drops the rows not yet written
 * (a row being hashed is dropped after its hash, never half written).
 */
final class UserImporter {
    /** What to do with a row whose email already exists. */
    enum OnExisting { SKIP, FAIL }

    private static final Logger LOG = LoggerFactory.getLogger(UserImporter.class);

    private final Supplier<NewItemWriter> writers;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final String tableName;
    private final Timestamps timestamps;

    /**
     * @param writers   makes the writer of one import (it is closed when the import ends)
     * @param tableName the table imported into, a word plaintext passwords must not be
     */
    UserImporter(Supplier<NewItemWriter> writers, PasswordHasher hasher, PasswordPolicy passwords, String tableName,
                 Timestamps timestamps) {
        this.writers = writers;
        this.hasher = hasher;
        this.passwords = passwords;
        this.tableName = tableName;
        this.timestamps = timestamps;
    }

    /** @param audit receives one record per row, written or not */
    ImportReport run(Iterator<ImportRow> rows, OnExisting onExisting, ImportProgress progress, AuditLog.Batch audit) {
        Counts counts = new Counts(audit, progress);
        Map<String, Long> seen = new ConcurrentHashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService hashers = Executors.newFixedThreadPool(cores, r -> {
            Thread thread = new Thread(r, "import-hash");
            thread.setDaemon(true);
            return thread;
        });
        // rows waiting to be hashed: enough to keep every core busy, few enough that a cancel drops them at once
        Semaphore hashing = new Semaphore(cores * 2);
        NewItemWriter writer = writers.get();
        try {
            while (rows.hasNext() && !progress.isCancelled() && !counts.denial.happened()) {
                Valid valid = validate(rows.next(), seen, counts);
                if (valid == null) {
                    continue;
                }
                if (valid.password() == null) {
                    send(valid, valid.passwordHash(), writer, onExisting, counts);
                    continue;
                }
                hashing.acquireUninterruptibly();
                hashers.execute(() -> {
                    try {
                        hashAndSend(valid, writer, onExisting, counts, progress);
                    } finally {
                        hashing.release();
                    }
                });
            }
        } finally {
            hashers.shutdown();
            awaitQuietly(hashers);
            if (progress.isCancelled() || counts.denial.happened()) {
                writer.cancel();
            }
            writer.close(); // waits for every outcome
        }
        counts.denial.throwIfNothingWritten(counts.imported.get());
        List<ImportReport.RowProblem> problems = new ArrayList<>(counts.problems);
        problems.sort(Comparator.comparingLong(ImportReport.RowProblem::line));
        return new ImportReport(counts.imported.get(), counts.skipped.get(), counts.invalid.get(),
                counts.failed.get(), counts.cancelled.get(), writer.writeUnits(), problems);
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
            // a locked hash (an export of a locked user) is imported locked
            if (row.passwordHash() != null && !StoredHash.of(row.passwordHash()).isBcrypt()) {
                throw new InvalidInputException("passwordHash", "is not a bcrypt hash ($2a$, $2b$ or $2y$)");
            }
            // a pre-hashed row has no plaintext to check
            String password = row.password() == null ? null
                    : passwords.check(row.password(), new PasswordContext(email, first, last, tableName));
            Long earlier = seen.putIfAbsent(email, row.line());
            if (earlier != null) {
                counts.invalid(row, "email " + email + " already appears on line " + earlier);
                return null;
            }
            return new Valid(row.line(), row.email(), email, first, last, password, row.passwordHash());
        } catch (InvalidInputException e) {
            counts.invalid(row, e.getMessage());
            return null;
        }
    }

    /** The slow part, run on every core; a row whose import was cancelled meanwhile is dropped, not sent. */
    private void hashAndSend(Valid row, NewItemWriter writer, OnExisting onExisting, Counts counts,
                             ImportProgress progress) {
        if (progress.isCancelled()) {
            counts.cancelled(row);
            return;
        }
        String hash;
        try {
            hash = hasher.hash(row.password());
        } catch (RuntimeException e) {
            // only the type: a hashing library's message might quote its input
            LOG.error("Import line {}: unexpected {}", row.line(), e.getClass().getName());
            counts.failed(row, Problem.DATABASE_ERROR, "unexpected " + e.getClass().getSimpleName() + " (see the log)");
            return;
        }
        if (progress.isCancelled()) {
            counts.cancelled(row);
            return;
        }
        send(row, hash, writer, onExisting, counts);
    }

    private void send(Valid row, String hash, NewItemWriter writer, OnExisting onExisting, Counts counts) {
        String now = timestamps.now();
        Map<String, AttributeValue> item = Map.of(
                User.EMAIL, AttributeValue.fromS(row.email()),
                User.FIRST_NAME, AttributeValue.fromS(row.firstName()),
                User.LAST_NAME, AttributeValue.fromS(row.lastName()),
                User.PASSWORD, AttributeValue.fromS(hash),
                User.DATE_CREATED, AttributeValue.fromS(now),
                User.DATE_UPDATED, AttributeValue.fromS(now));
        writer.put(item, ConditionalPut.twinKeys(row.typedEmail(), row.email()),
                outcome -> record(row, outcome, onExisting, counts));
    }

    private static void record(Valid row, PutOutcome outcome, OnExisting onExisting, Counts counts) {
        if (outcome instanceof PutOutcome.Written) {
            counts.imported(row);
        } else if (outcome instanceof PutOutcome.Existed existed) {
            existed(row, existed, onExisting, counts);
        } else if (outcome instanceof PutOutcome.Failed failed) {
            counts.failed(row, failed.problem(), failed.reason());
        } else {
            counts.cancelled(row);
        }
    }

    private static void existed(Valid row, PutOutcome.Existed existed, OnExisting onExisting, Counts counts) {
        if (onExisting == OnExisting.SKIP) {
            counts.skipped(row);
            return;
        }
        AttributeValue key = existed.stored().get(UserTable.KEY);
        String storedKey = key == null ? row.email() : key.s();
        counts.failed(row, Problem.ALREADY_EXISTS, storedKey.equals(row.email())
                ? "a user with this email already exists"
                : "a user with this email already exists, stored as " + VisibleText.of(storedKey));
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // rows still being hashed; they finish on their own
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @param typedEmail the email exactly as the file has it; {@code email} is its normalised form */
    private record Valid(long line, String typedEmail, String email, String firstName, String lastName,
                         String password, String passwordHash) {
        @Override
        public String toString() {
            return "Valid[line " + line + ", " + email + "]";
        }
    }

    /** What happened to each row, counted from many threads; every row is counted once, and audited. */
    private static final class Counts {
        final AtomicLong imported = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong invalid = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong cancelled = new AtomicLong();
        final List<ImportReport.RowProblem> problems = Collections.synchronizedList(new ArrayList<>());
        final FirstDenial denial = new FirstDenial();
        private final AuditLog.Batch audit;
        private final ImportProgress progress;

        Counts(AuditLog.Batch audit, ImportProgress progress) {
            this.audit = audit;
            this.progress = progress;
        }

        void imported(Valid row) {
            imported.incrementAndGet();
            audit.add(AuditRecord.importRow(row.line(), row.email(), null));
            progress.rowDone();
        }

        void skipped(Valid row) {
            skipped.incrementAndGet();
            audit.add(AuditRecord.importRow(row.line(), row.email(), Problem.ALREADY_EXISTS));
            progress.rowDone();
        }

        void invalid(ImportRow row, String reason) {
            invalid.incrementAndGet();
            audit.add(AuditRecord.importRow(row.line(), row.email(), Problem.INVALID_INPUT));
            problems.add(new ImportReport.RowProblem(row.line(),
                    row.email() == null || row.email().isEmpty() ? null : VisibleText.of(row.email()), reason));
            progress.rowDone();
        }

        void failed(Valid row, Problem problem, String reason) {
            denial.note(problem, reason);
            failed.incrementAndGet();
            audit.add(AuditRecord.importRow(row.line(), row.email(), problem));
            problems.add(new ImportReport.RowProblem(row.line(), row.email(), reason));
            progress.rowDone();
        }

        /** Not written because the import was cancelled: no audit record, as nothing was attempted. */
        void cancelled(Valid row) {
            cancelled.incrementAndGet();
        }
    }
}
