package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.text.ProgressText;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import dev.userconsole.users.health.FixPlan;
import dev.userconsole.users.health.HealthText;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names a fix, how many users it acts on, the first of them, the table and the connection, and asks; Cancel
 * has the focus. Applied with a progress dialog; the result says what happened to each user.
 */
final class HealthFixDialog {
    private static final int SHOWN = 5;
    private static final int RESULTS_SHOWN = 10;

    private final ConsoleUi ui;
    private final FixPlan plan;
    private final Runnable afterwards;
    private final BasicWindow window;
    private final Button cancel;

    HealthFixDialog(ConsoleUi ui, FixPlan plan, Runnable afterwards) {
        this.ui = ui;
        this.plan = plan;
        this.afterwards = afterwards;
        this.window = new BasicWindow(plan.kind().title());
        String where = ui.backend().ifConnected().map(UserController::where).orElse("not connected");
        Panel panel = new Panel(new LinearLayout());
        for (String line : HealthText.plan(plan, ui.place() + " (" + where + ")", SHOWN)) {
            for (String wrapped : ErrorDialog.wrap(VisibleText.forScreen(line))) {
                panel.addComponent(new Label(wrapped));
            }
        }
        panel.addComponent(new Label("Each user is read again first and changed only if it is still as read."));
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("Apply", this::apply));
        cancel = new Button("Cancel", () -> ui.closeDialog(window));
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        cancel.takeFocus();
    }

    private void apply() {
        ui.closeDialog(window);
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        long begun = System.nanoTime();
        ProgressDialog progress = new ProgressDialog(ui, plan.kind().title(), () -> ProgressText.line(done.get(),
                plan.targets().size(), (System.nanoTime() - begun) / 1e9, "users"), () -> stop.set(true));
        progress.open();
        ui.backend().run("Fixing", users -> users.fixHealth(plan, done, stop::get), report -> {
            progress.close();
            ui.usersChanged();
            ui.showMessage(report.allDone() ? "Fixed" : "Fixed in part",
                    String.join("\n", HealthText.results(report, RESULTS_SHOWN)));
            afterwards.run();
        }, e -> {
            progress.close();
            ui.showError(e);
        });
    }
}
