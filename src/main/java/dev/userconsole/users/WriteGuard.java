package dev.userconsole.users;

import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.audit.AuditHistory;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.audit.AuditOutcome;
import dev.userconsole.users.audit.AuditRecord;
import dev.userconsole.users.audit.WriteAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one gate every write passes, below both faces: refuses all writes in read-only mode, refuses them
 * when the audit log cannot be written, and records every attempt with its outcome.
 */
public final class WriteGuard {
    /**
     * The failures some guard has recorded (by identity, held weakly), so that a face that records whatever
     * ended its write attempt never records one twice: one audit line per attempt, whatever failed first.
     */
    private static final Set<Throwable> RECORDED = Collections.newSetFromMap(Collections.synchronizedMap(
            new WeakHashMap<>()));

    private final boolean readOnly;
    private final String readOnlyReason;
    private final AuditLog audit;

    public WriteGuard(boolean readOnly, AuditLog audit) {
        this(readOnly, Settings.READ_ONLY_OPTION, audit);
    }

    /** @param readOnlyReason why writes are refused, for the refusal's sentence */
    public WriteGuard(boolean readOnly, String readOnlyReason, AuditLog audit) {
        this.readOnly = readOnly;
        this.readOnlyReason = readOnlyReason;
        this.audit = audit;
    }

    public static WriteGuard of(Settings settings) {
        return new WriteGuard(settings.readOnly(), settings.readOnlyReason(),
                AuditLog.to(settings.auditLog(), endpoint(settings.target()), settings.tableName()));
    }

    /** Writable and unaudited: for controllers built by hand (tests, tools). */
    public static WriteGuard unaudited() {
        return new WriteGuard(false, AuditLog.disabled());
    }

    /** The store as the audit log names it: the endpoint URL, "embedded", or "aws:REGION". */
    static String endpoint(Target target) {
        if (target instanceof Target.Endpoint endpoint) {
            return endpoint.uri().toString();
        }
        if (target instanceof Target.Aws aws) {
            return "aws:" + aws.region();
        }
        return "embedded";
    }

    public boolean readOnly() {
        return readOnly;
    }

    /**
     * The history of users in the log this guard writes (a user's lines, newest first): needs no database,
     * so {@code history} works while another program holds the embedded one.
     */
    public AuditHistory history() {
        return audit.history();
    }

    /** The refusal every face shows in read-only mode. */
    public static ConsoleException readOnlyRefusal(String what) {
        return readOnlyRefusal(Settings.READ_ONLY_OPTION, what);
    }

    /** @param reason why the mode is on: "--read-only or READ_ONLY=true", "connection prod is production; ..." */
    public static ConsoleException readOnlyRefusal(String reason, String what) {
        return new ConsoleException(Problem.READ_ONLY,
                "Read-only mode (" + reason + "): " + what + " is refused; nothing was written.");
    }

    /** Refuses, and records the refusal, when read-only or when the audit log cannot be written. */
    public void allow(WriteAction action, String email, List<String> fields) {
        if (readOnly) {
            throw refused(action, email, fields, readOnlyRefusal(readOnlyReason, action.doing()));
        }
        try {
            audit.requireWritable();
        } catch (ConsoleException e) {
            throw refused(action, email, fields, e);
        }
    }

    /** Runs one write through the gate and records how it ended. */
    <T> T run(WriteAction action, String email, List<String> fields, Supplier<T> write) {
        allow(action, email, fields);
        T result;
        try {
            result = write.get();
        } catch (RuntimeException | Error e) {
            record(action, email, fields, e);
            throw e;
        }
        audit.append(AuditRecord.ok(action, email, fields));
        return result;
    }

    /** Records a write a face refused before it reached the controller (its own input checks); returns it. */
    public ConsoleException refused(WriteAction action, String email, List<String> fields, ConsoleException refusal) {
        record(action, email, fields, refusal);
        return refusal;
    }

    /**
     * Records the failure that ended a write attempt, unless a guard already recorded it (the controller
     * records what fails inside it): for a face to call on whatever it caught, so that every attempt is
     * audited once, whether validation, the connection, a read before the write or the write failed first.
     */
    public void ended(WriteAction action, String email, List<String> fields, Throwable failure) {
        if (!RECORDED.contains(failure)) {
            record(action, email, fields, failure);
        }
    }

    private void record(WriteAction action, String email, List<String> fields, Throwable failure) {
        audit.append(AuditRecord.failed(action, email, fields, failure));
        RECORDED.add(failure);
    }

    /** An import: one record per row (buffered), then one summary record with the totals. */
    ImportReport runImport(Function<AuditLog.Batch, ImportReport> importer) {
        return runRows(WriteAction.IMPORT, importer, WriteGuard::summary);
    }

    /**
     * A write of many rows (an import, a restore): one record per row (buffered), then one summary record
     * with the totals.
     */
    <R> R runRows(WriteAction action, Function<AuditLog.Batch, R> write, Function<R, AuditRecord> summary) {
        allow(action, null, List.of());
        R report;
        try (AuditLog.Batch rows = audit.batch()) {
            report = write.apply(rows);
        } catch (RuntimeException | Error e) {
            record(action, null, List.of(), e);
            throw e;
        }
        audit.append(summary.apply(report));
        return report;
    }

    private static AuditRecord summary(ImportReport report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("imported", report.imported());
        counts.put("skipped", report.skipped());
        counts.put("invalid", report.invalid());
        counts.put("failed", report.failed());
        if (report.cancelled() > 0) {
            counts.put("cancelled", report.cancelled());
        }
        if (report.failed() > 0) {
            return AuditRecord.importSummary(AuditOutcome.FAILED, null, counts);
        }
        return report.invalid() > 0 ? AuditRecord.importSummary(AuditOutcome.REFUSED, Problem.INVALID_INPUT, counts)
                : AuditRecord.importSummary(AuditOutcome.OK, null, counts);
    }

    /** The names of the fields an update changes (never their values). */
    public static List<String> changedFields(UserChanges changes) {
        List<String> names = new ArrayList<>();
        if (changes.firstName() != null) {
            names.add(User.FIRST_NAME);
        }
        if (changes.lastName() != null) {
            names.add(User.LAST_NAME);
        }
        if (changes.newPassword() != null) {
            names.add(User.PASSWORD);
        }
        return names;
    }
}
