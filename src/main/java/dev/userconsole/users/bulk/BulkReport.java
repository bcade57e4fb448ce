package dev.userconsole.users.bulk;

import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.AuditOutcome;
import dev.userconsole.users.audit.AuditRecord;
import dev.userconsole.users.output.CsvCells;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** What a bulk action did, user by user; {@code cancelled} counts the users it did not reach. */
public record BulkReport(BulkAction action, List<BulkResult> results, long cancelled) {

    public long count(BulkResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public boolean allDone() {
        return cancelled == 0 && results.stream().allMatch(r -> r.outcome() == BulkResult.Outcome.DONE);
    }

    /** "Locked 35; skipped because changed 1, not found 1, unchanged 0, failed 0." */
    public String summary() {
        String done = action.done();
        return Character.toUpperCase(done.charAt(0)) + done.substring(1) + " " + count(BulkResult.Outcome.DONE)
                + "; skipped because changed " + count(BulkResult.Outcome.CHANGED)
                + ", not found " + count(BulkResult.Outcome.NOT_FOUND)
                + ", unchanged " + count(BulkResult.Outcome.UNCHANGED)
                + ", failed " + count(BulkResult.Outcome.FAILED)
                + (cancelled > 0 ? ", not reached (cancelled) " + cancelled : "") + ".";
    }

    /** A line for each user that was not done: "  a@example.com: changed: User a@... was changed ...". */
    public List<String> problems() {
        return results.stream().filter(r -> r.outcome() != BulkResult.Outcome.DONE)
                .map(r -> "  " + VisibleText.of(r.email()) + ": " + r.outcome().code() + ": " + r.detail()).toList();
    }

    /** The counts per outcome, for the audit log's summary line. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (BulkResult.Outcome outcome : BulkResult.Outcome.values()) {
            counts.put(outcome.code(), count(outcome));
        }
        if (cancelled > 0) {
            counts.put("cancelled", cancelled);
        }
        return counts;
    }

    public AuditRecord auditSummary() {
        if (count(BulkResult.Outcome.FAILED) > 0) {
            return AuditRecord.summary(action.summary(), AuditOutcome.FAILED, null, counts());
        }
        return allDone() ? AuditRecord.summary(action.summary(), AuditOutcome.OK, null, counts())
                : AuditRecord.summary(action.summary(), AuditOutcome.REFUSED, firstProblem(), counts());
    }

    private Problem firstProblem() {
        for (BulkResult result : results) {
            switch (result.outcome()) {
                case CHANGED:
                    return Problem.CHANGED_BY_SOMEONE_ELSE;
                case NOT_FOUND:
                    return Problem.NOT_FOUND;
                default:
                    break;
            }
        }
        return null;
    }

    /** The report as RFC 4180 CSV: email, outcome, detail; no cell runs as a spreadsheet formula. */
    public void writeCsv(Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("email", "outcome", "detail")
                .setRecordSeparator("\n").get());
        for (BulkResult result : results) {
            csv.printRecord(CsvCells.safe(result.email()), result.outcome().code(), CsvCells.safe(result.detail()));
        }
        csv.flush();
    }
}
