package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.UserController;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.health.FixKind;
import dev.userconsole.users.health.FixPlan;
import dev.userconsole.users.health.FixReport;
import dev.userconsole.users.health.HealthJson;
import dev.userconsole.users.health.HealthReport;
import dev.userconsole.users.health.HealthText;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Scan the whole table once and report what is unhealthy, with counts and the emails"
                + " concerned: weak or non-bcrypt hashes, un-normalised keys and twins, missing or mistyped"
                + " attributes, dates not in ISO-8601 UTC; and, for information, locked users and bcrypt revisions.",
                "--fix lock|keys|dates previews the fix, asks (--yes does not), applies it user by user and says"
                        + " what happened to each. Exit code 0 healthy (or every user fixed), 1 problems found"
                        + " (or some users not fixed)."})
final class DoctorCommand extends UserCommand {
    private static final int SHOWN = 10;
    private static final int PLAN_SHOWN = 20;

    @Mixin
    LargeScanConfirmation largeScan = new LargeScanConfirmation();

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.DoctorFormats.class, defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--all", description = "List every user of each finding (default: the first " + SHOWN + ").")
    boolean all;

    @Option(names = "--fix", paramLabel = "KIND", completionCandidates = Candidates.FixKinds.class,
            description = "lock (accounts with weak or broken hashes), keys (move to the normalised key), dates"
                    + " (repair those that can be read for certain). Asks first unless --yes.")
    String fix;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "0",
            description = "Parallel scan segments (default: chosen for the database).")
    int segments;

    @Override
    void validateInput() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConsoleException(Problem.INVALID_INPUT, "--format: doctor writes text or json.");
        }
        Segments.check(segments);
        if (fix != null && !largeScan.yes && io().console() == null) {
            throw new ConsoleException(Problem.INVALID_INPUT,
                    "There is no terminal to confirm the fix on; add --yes to apply it without asking.");
        }
    }

    private FixKind kind() {
        return FixKind.ofCode(fix).orElseThrow(() -> new ConsoleException(Problem.INVALID_INPUT,
                "--fix: give lock, keys or dates."));
    }

    @Override
    WriteAction writes() {
        return fix == null ? null : kind().action();
    }

    @Override
    int run(UserController users) {
        if (!largeScan.confirmed(io(), users, false)) {
            return 1;
        }
        long total = users.describeTable().map(t -> t.itemCount()).orElse(0L);
        AtomicLong scanned = new AtomicLong();
        HealthReport report;
        try (ProgressBar bar = new ProgressBar(io().err(), io().console() != null, "items", scanned::get, total)
                .throttledWhen(users::throttledRecently)) {
            report = users.healthReport(Segments.choose(segments, users), scanned, () -> false);
        }
        if (fix == null) {
            if (format.equals("json")) {
                HealthJson.write(report, io().out());
            } else {
                HealthText.report(report, all ? Integer.MAX_VALUE : SHOWN, "(--all lists every one)")
                        .forEach(io().out()::println);
            }
            return report.healthy() ? 0 : 1;
        }
        return applyFix(users, report.plan(kind()));
    }

    private int applyFix(UserController users, FixPlan plan) {
        String place = root.settings(false).place();
        if (plan.isEmpty()) {
            io().err().println("Nothing to fix: no user of " + place + " needs \"" + plan.kind().title() + "\".");
            if (format.equals("json")) {
                HealthJson.write(new FixReport(plan.kind(), List.of(), 0), users.tableName(), io().out());
            }
            return 0;
        }
        HealthText.plan(plan, place + " (" + users.where() + ")", all ? Integer.MAX_VALUE : PLAN_SHOWN)
                .forEach(io().err()::println);
        if (!largeScan.yes) {
            String answer = io().console().readLine("Apply it to %d users? [y/N] ", plan.targets().size());
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                io().err().println("Nothing changed.");
                return 1;
            }
        }
        AtomicLong done = new AtomicLong();
        FixReport fixed;
        try (ProgressBar bar = new ProgressBar(io().err(), io().console() != null, "users", done::get,
                plan.targets().size())) {
            fixed = users.fixHealth(plan, done, () -> false);
        }
        if (format.equals("json")) {
            HealthJson.write(fixed, users.tableName(), io().out());
        } else {
            HealthText.results(fixed, Integer.MAX_VALUE).forEach(io().out()::println);
        }
        return fixed.allDone() ? 0 : 1;
    }
}
