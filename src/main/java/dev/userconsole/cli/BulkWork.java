package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.UserController;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.bulk.BulkReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A write command on many users: preview (the count, the first users, the selection and the table), a
 * confirmation that types the count back (or {@code --yes --expect N}), the writes, and what happened to each.
 */
final class BulkWork {
    private static final int PREVIEWED = 10;

    private final Io io;
    private final BulkOptions options;
    private final boolean yes;
    private final String place;

    BulkWork(Io io, BulkOptions options, boolean yes, String place) {
        this.io = io;
        this.options = options;
        this.yes = yes;
        this.place = place;
    }

    /** The controller's bulk write of a confirmed plan. */
    @FunctionalInterface
    interface Writes {
        BulkReport apply(BulkPlan plan, AtomicLong done, BooleanSupplier cancelled);
    }

    /** Deletes, locks (with this reason) or unlocks. */
    int run(UserController users, BulkAction action, String lockReason) {
        return runWith(users, action, (plan, done, cancelled) -> users.runBulk(plan, lockReason, done, cancelled));
    }

    /** @return the exit code: 0 when every user was done, 1 otherwise (or when nothing was confirmed) */
    int runWith(UserController users, BulkAction action, Writes writes) {
        if (scansWithoutYes(action) && !LargeScanConfirmation.asked(io, users, false)) {
            return 1;
        }
        BulkPlan plan = options.filter != null ? users.planBulk(action, options.query())
                : users.planBulk(action, "emails from " + options.emailsFrom, options.emails(io));
        PrintWriter err = io.err();
        preview(plan, err);
        if (plan.count() == 0) {
            err.println("No user to " + action.verb() + "; nothing changed.");
            return plan.missing().isEmpty() ? 0 : 1;
        }
        if (!confirmed(plan, err)) {
            err.println("Nothing changed.");
            return 1;
        }
        try (InterruptCancels interrupt = new InterruptCancels(err)) {
            BulkReport report = written(users, plan, writes, interrupt);
            report.problems().forEach(err::println);
            err.println(report.summary());
            if (options.report != null) {
                writeReport(report);
            }
            err.flush();
            return report.allDone() ? 0 : 1;
        }
    }

    private BulkReport written(UserController users, BulkPlan plan, Writes writes, InterruptCancels interrupt) {
        AtomicLong done = new AtomicLong();
        try (ProgressBar bar = new ProgressBar(io.err(), io.console() != null, "users", done::get, plan.count())
                .throttledWhen(users::throttledRecently)) {
            return writes.apply(plan, done, interrupt::requested);
        }
    }

    /**
     * A filter with no exact email reads the whole users table (an undelete reads only the trash); --yes --expect
     * answers the large-scan question too.
     */
    private boolean scansWithoutYes(BulkAction action) {
        return !yes && action != BulkAction.UNDELETE && options.filter != null && options.query().exactEmail().isEmpty();
    }

    private void preview(BulkPlan plan, PrintWriter err) {
        plan.preview(place, PREVIEWED).forEach(err::println);
        err.flush();
    }

    private boolean confirmed(BulkPlan plan, PrintWriter err) {
        if (yes) {
            if (options.expect != plan.count()) {
                throw new ConsoleException(Problem.INVALID_INPUT, "The preview shows " + BulkPlan.users(plan.count())
                        + ", not the " + options.expect + " that --expect says; nothing changed.");
            }
            return true;
        }
        String answer = io.console().readLine("Type %d to %s these %s (anything else changes nothing): ",
                plan.count(), plan.action().verb(), BulkPlan.users(plan.count()));
        return answer != null && answer.strip().equals(String.valueOf(plan.count()));
    }

    private void writeReport(BulkReport report) {
        try (Writer out = Files.newBufferedWriter(options.report, StandardCharsets.UTF_8)) {
            report.writeCsv(out);
            io.err().println("Wrote what happened to each user to " + options.report + ".");
        } catch (IOException e) {
            io.err().println("Could not write the report to " + options.report + ": " + e.getMessage()
                    + "; what happened is above.");
        }
    }
}
