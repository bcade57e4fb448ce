package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;

/** Names the user and asks before deleting; Cancel has the focus. */
final class DeleteUserDialog {
    private final ConsoleUi ui;
    private final BasicWindow window = new BasicWindow("Delete user");
    private final Label state = new Label("");
    private final Button delete;
    private final Button cancel;
    private final User user;

    DeleteUserDialog(ConsoleUi ui, User user) {
        this.ui = ui;
        this.user = user;
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Delete " + VisibleText.forScreen(user.emailAddress()) + " from " + ui.place() + "?"));
        panel.addComponent(new Label("It is kept in the trash first: undelete puts it back."));
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label("  " + VisibleText.forScreen(user.emailAddress())));
        panel.addComponent(new Label("  " + VisibleText.forScreen(user.firstName()) + " " + VisibleText.forScreen(user.lastName())));
        panel.addComponent(new EmptySpace());
        panel.addComponent(state);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        delete = new Button("Delete", this::submit);
        cancel = new Button("Cancel", () -> ui.closeDialog(window));
        buttons.addComponent(delete);
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        cancel.takeFocus();
    }

    private void submit() {
        if (!delete.isEnabled()) {
            return;
        }
        delete.setEnabled(false);
        state.setText("Deleting...");
        ui.backend().run("Deleting user", users -> users.delete(user.emailAddress()), deleted -> {
            ui.closeDialog(window);
            ui.usersChanged();
            ui.showWritten("Deleted", deleted, "Deleted user " + deleted.user().emailAddress() + ". It is kept in the"
                    + " trash: undelete --email puts it back.");
        }, this::failed);
    }

    private void failed(ConsoleException e) {
        if (e.problem() == Problem.NOT_FOUND) {
            ui.closeDialog(window);
            ui.usersChanged();
            ui.showMessage("Not found", "User " + user.emailAddress() + " does not exist (any more); nothing was deleted.");
            return;
        }
        delete.setEnabled(true);
        state.setText("");
        ui.showError(e);
    }
}
