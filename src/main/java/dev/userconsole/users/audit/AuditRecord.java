package dev.userconsole.users.audit;

import dev.userconsole.errors.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One write attempt. Never holds a password, hash or key: only names of changed fields.
 *
 * @param email the email as given (user input: escaped and shortened when written), or {@code null}
 * @param line  the file's line, for {@link WriteAction#IMPORT_ROW} and {@link WriteAction#RESTORE_ROW}, else {@code null}
 * @param problem the {@link Problem} name when not {@link AuditOutcome#OK}, else {@code null}
 * @param fields the names of the fields an update changes (empty for other actions)
 * @param counts an import's or restore's totals, for its summary record, else empty
 */
public record AuditRecord(Instant time, WriteAction action, String email, Long line, AuditOutcome outcome,
                          String problem, List<String> fields, Map<String, Long> counts) {

    public static AuditRecord ok(WriteAction action, String email, List<String> fields) {
        return new AuditRecord(Instant.now(), action, email, null, AuditOutcome.OK, null, fields, Map.of());
    }

    public static AuditRecord failed(WriteAction action, String email, List<String> fields, Throwable failure) {
        return new AuditRecord(Instant.now(), action, email, null, AuditOutcome.of(failure),
                AuditOutcome.problemCode(failure), fields, Map.of());
    }

    /** One import row: written when {@code problem} is {@code null}. */
    public static AuditRecord importRow(long line, String email, Problem problem) {
        return row(WriteAction.IMPORT_ROW, line, email, problem);
    }

    /** One row of a file of rows ({@link WriteAction#IMPORT_ROW}, {@link WriteAction#RESTORE_ROW}). */
    public static AuditRecord row(WriteAction action, long line, String email, Problem problem) {
        return new AuditRecord(Instant.now(), action, email, line,
                problem == null ? AuditOutcome.OK : AuditOutcome.of(problem),
                problem == null ? null : problem.name(), List.of(), Map.of());
    }

    /** An import's summary line. */
    public static AuditRecord importSummary(AuditOutcome outcome, Problem problem, Map<String, Long> counts) {
        return summary(WriteAction.IMPORT, outcome, problem, counts);
    }

    /** The summary line of a file of rows, with its counts. */
    public static AuditRecord summary(WriteAction action, AuditOutcome outcome, Problem problem,
                                      Map<String, Long> counts) {
        return new AuditRecord(Instant.now(), action, null, null, outcome,
                problem == null ? null : problem.name(), List.of(), counts);
    }
}
