package dev.userconsole.users.backup;

import dev.userconsole.errors.Problem;
import dev.userconsole.users.ImportReport;
import dev.userconsole.users.audit.AuditOutcome;
import dev.userconsole.users.audit.AuditRecord;
import dev.userconsole.users.audit.WriteAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a restore did.
 *
 * @param alreadyThere lines whose item was already stored exactly as in the backup (an earlier run's)
 * @param conflicts lines whose key holds a different item: that item was kept, untouched
 * @param problems every line not restored and not already there, with its number and why
 */
public record RestoreReport(long restored, long alreadyThere, long conflicts, long invalid, long failed,
                            List<ImportReport.RowProblem> problems) {

    /** The restore's summary line for the audit log. */
    public AuditRecord auditSummary() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("restored", restored);
        counts.put("alreadyThere", alreadyThere);
        counts.put("conflicts", conflicts);
        counts.put("invalid", invalid);
        counts.put("failed", failed);
        if (failed > 0) {
            return AuditRecord.summary(WriteAction.RESTORE, AuditOutcome.FAILED, null, counts);
        }
        if (invalid > 0) {
            return AuditRecord.summary(WriteAction.RESTORE, AuditOutcome.REFUSED, Problem.INVALID_INPUT, counts);
        }
        return conflicts > 0
                ? AuditRecord.summary(WriteAction.RESTORE, AuditOutcome.REFUSED, Problem.CHANGED_BY_SOMEONE_ELSE, counts)
                : AuditRecord.summary(WriteAction.RESTORE, AuditOutcome.OK, null, counts);
    }
}
