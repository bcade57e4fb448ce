package dev.userconsole.users.backup;

import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.DynamoJson;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.store.UserTable;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.FirstDenial;
import dev.userconsole.users.ImportProgress;
import dev.userconsole.users.ImportReport;
import dev.userconsole.users.NewItemWriter;
import dev.userconsole.users.PutOutcome;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.audit.AuditRecord;
import dev.userconsole.users.audit.WriteAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Puts every item of a backup back, exactly as it is in the file, and never over an existing item. Lines are
 * checked for structure only (valid DynamoDB JSON with a non-empty string key), not by the rules for new
 * users: a backup holds whatever the table held. A key already holding this very item counts as already
 * restored, so a re-run after an interruption finishes the job; a key holding another item is a conflict,
 * and that item is kept.
 */
public final class TableRestore {
    private final DynamoDbClient client;
    private final String table;
    private final SdkErrors errors;
    private final Supplier<NewItemWriter> writers;

    /** @param writers makes the writer of one restore (it is closed when the restore ends) */
    public TableRestore(DynamoDbClient client, String table, SdkErrors errors, Supplier<NewItemWriter> writers) {
        this.client = client;
        this.table = table;
        this.errors = errors;
        this.writers = writers;
    }

    /** @param audit receives one record per line, restored or not */
    public RestoreReport run(Iterator<BackupFile.Line> lines, ImportProgress progress, AuditLog.Batch audit) {
        requireTable();
        Counts counts = new Counts(audit);
        try (NewItemWriter writer = writers.get()) {
            while (lines.hasNext()) {
                if (progress.isCancelled() || counts.denial.happened()) {
                    writer.cancel();
                    break;
                }
                BackupFile.Line line = lines.next();
                Map<String, AttributeValue> item;
                try {
                    item = itemOf(line);
                } catch (InvalidInputException e) {
                    counts.invalid(line.number(), e.getMessage());
                    progress.rowDone();
                    continue;
                }
                writer.put(item, outcome -> {
                    counts.outcome(line.number(), item, outcome);
                    progress.rowDone();
                });
            }
        }
        counts.denial.throwIfNothingWritten(counts.restored.get() + counts.alreadyThere.get());
        List<ImportReport.RowProblem> problems = new ArrayList<>(counts.problems);
        problems.sort(Comparator.comparingLong(ImportReport.RowProblem::line));
        return new RestoreReport(counts.restored.get(), counts.alreadyThere.get(), counts.conflicts.get(),
                counts.invalid.get(), counts.failed.get(), problems);
    }

    /** A missing table is said once, before anything is read, not once per line. */
    private void requireTable() {
        try {
            client.describeTable(b -> b.tableName(table));
        } catch (SdkException e) {
            throw SdkErrors.isRefusal(e) ? errors.translateRefusedWrite(e) : errors.translate(e);
        }
    }

    private static Map<String, AttributeValue> itemOf(BackupFile.Line line) {
        if (line.unreadable() != null) {
            throw new InvalidInputException("line", line.unreadable());
        }
        Map<String, AttributeValue> item = DynamoJson.read(line.text());
        AttributeValue key = item.get(UserTable.KEY);
        String where = "Item." + UserTable.KEY;
        if (key == null) {
            throw new InvalidInputException(where, "is missing (it is the table's key)");
        }
        if (key.type() != AttributeValue.Type.S) {
            throw new InvalidInputException(where, "must be a string (S): it is the table's key");
        }
        if (key.s().isEmpty()) {
            throw new InvalidInputException(where, "is empty (a key cannot be)");
        }
        return item;
    }

    private static String email(Map<String, AttributeValue> item) {
        return item.get(UserTable.KEY).s();
    }

    private static final class Counts {
        final AtomicLong restored = new AtomicLong();
        final AtomicLong alreadyThere = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong invalid = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<ImportReport.RowProblem> problems = Collections.synchronizedList(new ArrayList<>());
        final FirstDenial denial = new FirstDenial();
        private final AuditLog.Batch audit;

        Counts(AuditLog.Batch audit) {
            this.audit = audit;
        }

        void invalid(long line, String reason) {
            invalid.incrementAndGet();
            audit.add(AuditRecord.row(WriteAction.RESTORE_ROW, line, null, Problem.INVALID_INPUT));
            problems.add(new ImportReport.RowProblem(line, null, reason));
        }

        void outcome(long line, Map<String, AttributeValue> item, PutOutcome outcome) {
            String email = email(item);
            if (outcome instanceof PutOutcome.Written written) {
                // a key already holding this exact item: an earlier run's (or this run's, its answer lost)
                (written.alreadyStored() ? alreadyThere : restored).incrementAndGet();
                audit.add(AuditRecord.row(WriteAction.RESTORE_ROW, line, email,
                        written.alreadyStored() ? Problem.ALREADY_EXISTS : null));
            } else if (outcome instanceof PutOutcome.Existed existed) {
                if (SameItem.same(existed.stored(), item)) {
                    alreadyThere.incrementAndGet();
                    audit.add(AuditRecord.row(WriteAction.RESTORE_ROW, line, email, Problem.ALREADY_EXISTS));
                } else {
                    conflicts.incrementAndGet();
                    audit.add(AuditRecord.row(WriteAction.RESTORE_ROW, line, email, Problem.CHANGED_BY_SOMEONE_ELSE));
                    problems.add(new ImportReport.RowProblem(line, VisibleText.of(email),
                            "conflict: another item is stored under this key; it was kept, untouched"));
                }
            } else if (outcome instanceof PutOutcome.Failed failure) {
                failed(line, email, failure.problem(), failure.reason());
            } else {
                failed(line, email, Problem.DATABASE_ERROR, "not sent: the restore was stopped");
            }
        }

        private void failed(long line, String email, Problem problem, String reason) {
            denial.note(problem, reason);
            failed.incrementAndGet();
            audit.add(AuditRecord.row(WriteAction.RESTORE_ROW, line, email, problem));
            problems.add(new ImportReport.RowProblem(line, VisibleText.of(email), reason));
        }
    }
}
