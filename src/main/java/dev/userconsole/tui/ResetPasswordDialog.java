package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.CheckBox;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.NewPassword;
import dev.userconsole.users.PasswordGenerator;
import dev.userconsole.users.User;

/** Asks how to reset (random or passphrase, unlock or not), resets, then shows the password once. */
final class ResetPasswordDialog {
    static final Keymap<ResetPasswordDialog> KEYS = Keymap.of("Reset password",
            described("Tab", "the next box or button").brief("next"),
            described("Space", "tick: a passphrase instead of random characters; also unlock").brief("tick"),
            described("Enter", "on Reset: set the new password, then show it once").brief("on Reset confirms"),
            escape("cancel"));

    private final ConsoleUi ui;
    private final User user;
    private final BasicWindow window = new BasicWindow("Reset password");
    private final CheckBox passphrase = new CheckBox("A passphrase of " + PasswordGenerator.PASSPHRASE_WORDS
            + " words (default: " + PasswordGenerator.LENGTH + " random characters)");
    private final CheckBox unlock = new CheckBox("Also unlock the user");
    private final Label state = new Label("");
    private final Button reset;
    private final Button cancel;

    ResetPasswordDialog(ConsoleUi ui, User user) {
        this.ui = ui;
        this.user = user;
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Set a new generated password for " + VisibleText.forScreen(user.emailAddress())
                + " in " + ui.place() + "?"));
        panel.addComponent(new Label("The current password stops working. The new one is shown once."));
        panel.addComponent(new EmptySpace());
        panel.addComponent(passphrase);
        if (user.locked()) {
            panel.addComponent(unlock);
        } else {
            panel.addComponent(new Label("(The user is not locked.)"));
        }
        panel.addComponent(new EmptySpace());
        panel.addComponent(state);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        reset = new Button("Reset", this::submit);
        cancel = new Button("Cancel", () -> ui.closeDialog(window));
        buttons.addComponent(reset);
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, KEYS, this);
        passphrase.takeFocus();
    }

    private void submit() {
        if (!reset.isEnabled()) {
            return;
        }
        reset.setEnabled(false);
        state.setText("Resetting...");
        PasswordGenerator.Style style = passphrase.isChecked() ? PasswordGenerator.Style.PASSPHRASE
                : PasswordGenerator.Style.RANDOM;
        boolean unlocking = user.locked() && unlock.isChecked();
        ui.backend().run("Resetting password", users -> users.resetPassword(user, style, unlocking), this::done,
                this::failed);
    }

    private void done(NewPassword reset) {
        ui.closeDialog(window);
        ui.usersChanged();
        new NewPasswordDialog(ui, reset).open();
    }

    private void failed(ConsoleException e) {
        ui.closeDialog(window);
        ui.usersChanged();
        ui.showError(e);
    }
}
