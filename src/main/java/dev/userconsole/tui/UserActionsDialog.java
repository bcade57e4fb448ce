package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;

/** Enter on a user in the list: what to do with that user (by its exact stored key). */
final class UserActionsDialog {
    private final ConsoleUi ui;
    private final BasicWindow window = new BasicWindow("User");
    private final ActionListBox actions = new ActionListBox();

    UserActionsDialog(ConsoleUi ui, User user) {
        this.ui = ui;
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label(VisibleText.forScreen(user.emailAddress())));
        panel.addComponent(new Label(VisibleText.forScreen(user.firstName()) + " " + VisibleText.forScreen(user.lastName())));
        if (user.locked()) {
            panel.addComponent(new Label("Locked: no password matches."));
        }
        panel.addComponent(new EmptySpace());
        String writes = ui.readOnly() ? " (disabled: read-only)" : "";
        actions.addItem("Update" + writes, () -> {
            ui.closeDialog(window);
            ui.updateUser(user);
        });
        actions.addItem("Delete" + writes, () -> {
            ui.closeDialog(window);
            ui.deleteUser(user);
        });
        actions.addItem((user.locked() ? "Unlock" : "Lock") + writes, () -> {
            ui.closeDialog(window);
            if (user.locked()) {
                ui.unlockUser(user);
            } else {
                ui.lockUser(user);
            }
        });
        actions.addItem("Reset password" + writes, () -> {
            ui.closeDialog(window);
            ui.resetPassword(user);
        });
        actions.addItem("Cancel", () -> ui.closeDialog(window));
        panel.addComponent(actions);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, "Up/Down + Enter choose  Esc cancel");
        actions.takeFocus();
    }
}
