package dev.userconsole.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.text.ProgressText;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import dev.userconsole.users.PasswordGenerator;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.output.PasswordFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A bulk action on the marked users (of Read users, or of the Trash): choose it, see the preview (how many, the
 * first ones, the table), type the count back, watch it run (cancellable), then read what happened to each user
 * that was not done.
 */
final class BulkDialog {
    private static final int PREVIEWED = 8;

    private final ConsoleUi ui;
    private final Runnable afterWrites;

    BulkDialog(ConsoleUi ui, Runnable afterWrites) {
        this.ui = ui;
        this.afterWrites = afterWrites;
    }

    /** Asks what to do with the marked users of Read users, then previews it. */
    void chooseFor(Marks marks) {
        BasicWindow window = new BasicWindow("Act on the marked users");
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("What to do with the users marked (" + marks.summary() + ")?"));
        panel.addComponent(new Label("A preview comes first; nothing changes before you type the count."));
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        for (BulkAction action : List.of(BulkAction.DELETE, BulkAction.LOCK, BulkAction.UNLOCK,
                BulkAction.RESET_PASSWORD)) {
            String label = action == BulkAction.RESET_PASSWORD ? "Reset passwords"
                    : Character.toUpperCase(action.verb().charAt(0)) + action.verb().substring(1);
            buttons.addComponent(new Button(label, () -> {
                ui.closeDialog(window);
                plan(action, marks);
            }));
        }
        Button cancel = new Button("Cancel", () -> ui.closeDialog(window));
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        cancel.takeFocus();
    }

    private void plan(BulkAction action, Marks marks) {
        List<String> emails = marks.users().stream().map(User::emailAddress).toList();
        preview(marks.everyMatch().<Function<UserController, BulkPlan>>map(query -> users -> users.planBulk(action, query))
                .orElse(users -> users.planBulk(action, "marked users", emails)));
    }

    /** Reads the users the planner chooses, as they are now, and previews what would happen to them. */
    void preview(Function<UserController, BulkPlan> planner) {
        ui.backend().run("Reading the marked users", planner, this::showPreview, ui::showError);
    }

    private void showPreview(BulkPlan plan) {
        if (plan.count() == 0) {
            ui.showMessage("Nothing to do", "No user to " + plan.action().verb() + "; nothing changed.");
            return;
        }
        BasicWindow window = new BasicWindow("Preview");
        Panel panel = new Panel(new LinearLayout());
        int width = Math.max(40, Math.min(76, ui.width() - 6));
        for (String line : plan.preview(ui.place(), PREVIEWED)) {
            Wrap.lines(VisibleText.forScreen(line), width).forEach(wrapped -> panel.addComponent(new Label(wrapped)));
        }
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label("Type " + plan.count() + " to " + plan.action().verb() + " "
                + BulkPlan.users(plan.count()) + ":"));
        TextBox count = new TextBox(new TerminalSize(10, 1));
        panel.addComponent(count);
        boolean resets = plan.action() == BulkAction.RESET_PASSWORD;
        TextBox passwordsTo = new TextBox(new TerminalSize(Math.max(20, width - 10), 1), "new-passwords-" + stamp()
                + ".csv");
        if (resets) {
            panel.addComponent(new Label("The new passwords go only to this new file (rw-------), never to the"
                    + " screen:"));
            panel.addComponent(passwordsTo);
        }
        Label state = new Label("");
        panel.addComponent(state);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button go = new Button("Go", () -> {
            if (!count.getText().strip().equals(String.valueOf(plan.count()))) {
                state.setText("Type " + plan.count() + ", the number of users shown, to go on.");
                return;
            }
            PasswordFile passwords = null;
            if (resets) {
                try {
                    passwords = PasswordFile.create(Path.of(passwordsTo.getText().strip()), "The passwords file");
                } catch (ConsoleException | InvalidPathException e) {
                    state.setText("! " + VisibleText.forScreen(String.valueOf(e.getMessage())));
                    return;
                }
            }
            ui.closeDialog(window);
            run(plan, passwords);
        });
        buttons.addComponent(go);
        buttons.addComponent(new Button("Cancel", () -> ui.closeDialog(window)));
        panel.addComponent(buttons);
        window.setComponent(panel);
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        count.takeFocus();
    }

    /** @param passwords where a reset's new passwords go (null for the other actions); closed when done */
    private void run(BulkPlan plan, PasswordFile passwords) {
        AtomicLong done = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        long started = System.nanoTime();
        ProgressDialog progress = new ProgressDialog(ui, "Working on " + BulkPlan.users(plan.count()), () ->
                ProgressText.line(done.get(), plan.count(), (System.nanoTime() - started) / 1e9, "users")
                        + ui.throttledNote(), () -> cancelled.set(true));
        progress.open();
        List<String> notes = passwords == null ? List.of() : List.of("The new passwords are in "
                + passwords.path() + " (rw-------), one email,password line each: hand them over, then delete it.");
        ui.backend().run("Bulk " + plan.action().verb(), (UserController users) -> {
            if (passwords == null) {
                return users.runBulk(plan, "bulk lock from the console", done, cancelled::get);
            }
            try (passwords) {
                return users.runBulkReset(plan, PasswordGenerator.Style.RANDOM, false, passwords, done, cancelled::get);
            }
        }, report -> {
                    progress.close();
                    afterWrites.run();
                    new BulkReportDialog(ui, report, notes, "bulk-report-" + stamp() + ".csv").open();
                }, error -> {
                    progress.close();
                    afterWrites.run();
                    ui.showError(error);
                });
    }

    /** For new file names: the local time to the second, as in new-passwords-20261204-153012.csv. */
    private static String stamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    }
}
