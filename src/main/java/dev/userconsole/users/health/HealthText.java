package dev.userconsole.users.health;

import dev.userconsole.text.VisibleText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The report and a fix's results as lines of text for people, for both faces; stored values made visible. */
public final class HealthText {
    private HealthText() {
    }

    /**
     * @param shown    users listed per finding before "... and N more" ({@code Integer.MAX_VALUE}: all)
     * @param moreHint said after "and N more", e.g. "(--all lists every one)"
     */
    public static List<String> report(HealthReport report, int shown, String moreHint) {
        List<String> lines = new ArrayList<>();
        lines.add("Table " + report.table() + ": " + report.scanned() + (report.scanned() == 1 ? " item" : " items")
                + " scanned" + (report.complete() ? "." : " (cancelled: the findings cover only those)."));
        section(lines, "Problems", report, true, shown, moreHint);
        section(lines, "Information", report, false, shown, moreHint);
        lines.add("bcrypt revisions: " + (report.revisions().isEmpty() ? "none"
                : report.revisions().entrySet().stream().map(e -> "$" + e.getKey() + "$ " + e.getValue())
                .collect(Collectors.joining(", "))));
        lines.add(report.healthy() ? "Healthy: no problems found."
                : "Not healthy: " + report.problems() + (report.problems() == 1 ? " problem." : " problems."));
        return lines;
    }

    private static void section(List<String> lines, String title, HealthReport report, boolean problems, int shown,
                                String moreHint) {
        lines.add("");
        lines.add(title + ":");
        for (Finding finding : report.findings()) {
            Check check = finding.check();
            if (check.problem() != problems) {
                continue;
            }
            lines.add(String.format("  %4d  %s%s", finding.count(), check.title(),
                    finding.count() > 0 && check.fix() != null ? "  [fix: " + check.fix().code() + "]" : ""));
            entries(lines, finding.entries(), shown, moreHint);
        }
    }

    private static void entries(List<String> lines, List<Finding.Entry> entries, int shown, String moreHint) {
        entries.stream().limit(shown).forEach(entry -> lines.add("          " + VisibleText.of(entry.email()) + ": "
                + VisibleText.of(entry.detail())));
        if (entries.size() > shown) {
            lines.add("          ... and " + (entries.size() - shown) + " more " + moreHint);
        }
    }

    /** "Move items to their normalised keys: 3 users in table User on ..." and the first users. */
    public static List<String> plan(FixPlan plan, String place, int shown) {
        List<String> lines = new ArrayList<>();
        lines.add(plan.kind().title() + ": " + plan.targets().size() + (plan.targets().size() == 1 ? " user" : " users")
                + " in " + place + ".");
        plan.targets().stream().limit(shown).forEach(t -> lines.add("  " + VisibleText.of(t.email()) + ": "
                + VisibleText.of(t.detail())));
        if (plan.targets().size() > shown) {
            lines.add("  ... and " + (plan.targets().size() - shown) + " more");
        }
        return lines;
    }

    /** Each user's outcome, then the counts. */
    public static List<String> results(FixReport report, int shown) {
        List<String> lines = new ArrayList<>();
        report.results().stream().limit(shown).forEach(r -> lines.add("  " + VisibleText.of(r.email()) + ": "
                + r.outcome().code() + " (" + VisibleText.of(r.detail()) + ")"));
        if (report.results().size() > shown) {
            lines.add("  ... and " + (report.results().size() - shown) + " more");
        }
        lines.add(report.summary());
        return lines;
    }
}
