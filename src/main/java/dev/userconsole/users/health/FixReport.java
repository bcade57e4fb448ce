package dev.userconsole.users.health;

import dev.userconsole.errors.Problem;
import dev.userconsole.users.audit.AuditOutcome;
import dev.userconsole.users.audit.AuditRecord;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a fix did, user by user; {@code cancelled} counts the users not reached. */
public record FixReport(FixKind kind, List<FixResult> results, long cancelled) {

    public long count(FixResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Every user fixed (or there was nothing to do). */
    public boolean allDone() {
        return cancelled == 0 && results.stream().allMatch(r -> r.outcome() == FixResult.Outcome.DONE);
    }

    /** The counts per outcome, in the outcome's order, with the users not reached when cancelled. */
    public Map<String, Long> counts() {
        Map<FixResult.Outcome, Long> byOutcome = new EnumMap<>(FixResult.Outcome.class);
        for (FixResult.Outcome outcome : FixResult.Outcome.values()) {
            byOutcome.put(outcome, count(outcome));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        byOutcome.forEach((outcome, n) -> counts.put(outcome.code(), n));
        if (cancelled > 0) {
            counts.put("cancelled", cancelled);
        }
        return counts;
    }

    /** "Done 3, changed by someone else 0, not found 1, refused 1, failed 0." */
    public String summary() {
        return String.format("Done %d, changed by someone else %d, not found %d, refused %d, failed %d%s.",
                count(FixResult.Outcome.DONE), count(FixResult.Outcome.CHANGED), count(FixResult.Outcome.NOT_FOUND),
                count(FixResult.Outcome.REFUSED), count(FixResult.Outcome.FAILED),
                cancelled > 0 ? ", not reached (cancelled) " + cancelled : "");
    }

    /** The fix's summary line in the audit log. */
    public AuditRecord auditSummary() {
        if (count(FixResult.Outcome.FAILED) > 0) {
            return AuditRecord.summary(kind.action(), AuditOutcome.FAILED, null, counts());
        }
        return allDone() ? AuditRecord.summary(kind.action(), AuditOutcome.OK, null, counts())
                : AuditRecord.summary(kind.action(), AuditOutcome.REFUSED, firstProblem(), counts());
    }

    private Problem firstProblem() {
        return results.stream().map(r -> r.outcome().problem()).filter(p -> p != null).findFirst().orElse(null);
    }
}
