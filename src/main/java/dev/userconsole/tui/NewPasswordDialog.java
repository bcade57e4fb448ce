package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.NewPassword;

/**
 * A generated password, shown once: the label holding it is emptied whenever the window closes (OK, Esc,
 * quitting), so no later frame can draw it again.
 */
final class NewPasswordDialog {
    static final Keymap<NewPasswordDialog> KEYS = Keymap.of("New password (shown once)",
            described("Enter", "close; the password is cleared from the screen").brief("close (the password is cleared)"),
            escape("close"));

    private final ConsoleUi ui;
    private final Label password;
    private final Button ok;
    private final BasicWindow window = new BasicWindow("New password") {
        @Override
        public void close() {
            password.setText("");
            super.close();
        }
    };

    NewPasswordDialog(ConsoleUi ui, NewPassword reset) {
        this.ui = ui;
        this.password = new Label(reset.password());
        Panel panel = new Panel(new LinearLayout());
        String email = VisibleText.forScreen(reset.written().user().emailAddress());
        reset.written().note().ifPresent(note -> panel.addComponent(new Label(VisibleText.forScreen(note))));
        panel.addComponent(new Label("The new password of " + email + ", shown once:"));
        panel.addComponent(new EmptySpace());
        panel.addComponent(password);
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label("Hand it over now: it is not kept anywhere, and closing this clears it."));
        if (reset.unlocked()) {
            panel.addComponent(new Label("The user is unlocked."));
        } else if (reset.written().user().locked()) {
            panel.addComponent(new Label("The user is still locked: unlock it once the password is handed over."));
        }
        ok = new Button("OK", () -> ui.closeDialog(window));
        panel.addComponent(ok);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, KEYS, this);
        ok.takeFocus();
    }
}
