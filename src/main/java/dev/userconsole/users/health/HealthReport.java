package dev.userconsole.users.health;

import java.util.List;
import java.util.Map;

/**
 * What one scan of the table found.
 *
 * @param scanned   the items read
 * @param complete  false when the scan was cancelled: the findings then cover only the items read
 * @param revisions how many bcrypt hashes of each revision ({@code 2a}, {@code 2b}, {@code 2y}), locked ones too
 * @param findings  one per {@link Check}, in its order, empty ones included
 */
public record HealthReport(String table, long scanned, boolean complete, Map<String, Long> revisions,
                           List<Finding> findings) {

    public Finding finding(Check check) {
        return findings.stream().filter(f -> f.check() == check).findFirst().orElseThrow();
    }

    /** No finding of a check that is a problem. */
    public boolean healthy() {
        return findings.stream().noneMatch(f -> f.check().problem() && f.count() > 0);
    }

    public long problems() {
        return findings.stream().filter(f -> f.check().problem()).mapToLong(Finding::count).sum();
    }

    /** The users a fix would act on, from this scan: each is read again before it is changed. */
    public FixPlan plan(FixKind kind) {
        List<Finding.Entry> targets = findings.stream().filter(f -> f.check().fix() == kind)
                .flatMap(f -> f.entries().stream())
                .filter(entry -> kind != FixKind.KEYS || !entry.detail().startsWith(ItemInspector.CANNOT_MOVE))
                .filter(entry -> kind != FixKind.DATES || entry.detail().contains(ItemInspector.REPAIRABLE))
                .toList();
        return new FixPlan(kind, targets);
    }
}
