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
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.Written;

/** Lock (with an optional reason) or unlock the user as it was loaded; Cancel has the focus. */
final class LockUserDialog {
    private final ConsoleUi ui;
    private final User user;
    private final boolean lock;
    private final BasicWindow window;
    private final TextBox reason = new TextBox(new TerminalSize(40, 1));
    private final Label state = new Label("");
    private final Button confirm;
    private final Button cancel;

    LockUserDialog(ConsoleUi ui, User user, boolean lock) {
        this.ui = ui;
        this.user = user;
        this.lock = lock;
        this.window = new BasicWindow(lock ? "Lock user" : "Unlock user");
        String email = VisibleText.forScreen(user.emailAddress());
        Panel panel = new Panel(new LinearLayout());
        if (lock) {
            panel.addComponent(new Label("Lock " + email + " in " + ui.place() + "?"));
            panel.addComponent(new Label("No password matches until it is unlocked (also in the original app)."));
            panel.addComponent(new EmptySpace());
            Panel line = new Panel(new LinearLayout(Direction.HORIZONTAL));
            line.addComponent(new Label("Reason (optional):"));
            line.addComponent(reason);
            panel.addComponent(line);
        } else {
            panel.addComponent(new Label("Unlock " + email + " in " + ui.place() + "?"));
            panel.addComponent(new Label("Its old password works again."));
        }
        panel.addComponent(new EmptySpace());
        panel.addComponent(state);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        confirm = new Button(lock ? "Lock" : "Unlock", this::submit);
        cancel = new Button("Cancel", () -> ui.closeDialog(window));
        buttons.addComponent(confirm);
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        if (lock) {
            reason.takeFocus();
        } else {
            cancel.takeFocus();
        }
    }

    private void submit() {
        if (!confirm.isEnabled()) {
            return;
        }
        String why;
        try {
            why = lock ? UserValidator.lockReason(reason.getText()) : null;
        } catch (InvalidInputException e) {
            state.setText("! " + e.getMessage());
            return;
        }
        confirm.setEnabled(false);
        state.setText(lock ? "Locking..." : "Unlocking...");
        ui.backend().run(lock ? "Locking user" : "Unlocking user",
                users -> lock ? users.lock(user, why) : users.unlock(user), this::done, this::failed);
    }

    private void done(Written written) {
        ui.closeDialog(window);
        ui.usersChanged();
        String email = VisibleText.forScreen(written.user().emailAddress());
        ui.showWritten(lock ? "Locked" : "Unlocked", written, lock
                ? "Locked user " + email + ": no password matches until it is unlocked."
                : "Unlocked user " + email + ": its password works again.");
    }

    private void failed(ConsoleException e) {
        ui.closeDialog(window);
        ui.usersChanged();
        ui.showError(e);
    }
}
