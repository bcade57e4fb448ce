package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.User;
import java.util.function.Consumer;

/** Asks for an email and looks the user up (exact key, then normalised), for Update and Delete. */
final class FindUserDialog {
    static final Keymap<FindUserDialog> KEYS = Keymap.of("Find a user (Update user, Delete user)",
            on(Key.ENTER, "find the user typed", FindUserDialog::submit).onlyWhen(dialog -> dialog.email.isFocused())
                    .brief("find"),
            described("Tab", "to the buttons").helpOnly(),
            escape("cancel"));

    private final ConsoleUi ui;
    private final BasicWindow window;
    private final TextBox email = new TextBox(new com.googlecode.lanterna.TerminalSize(40, 1));
    private final Label error = new Label("");
    private final Button find;
    private final Consumer<User> then;

    FindUserDialog(ConsoleUi ui, String title, Consumer<User> then) {
        this.ui = ui;
        this.then = then;
        this.window = new BasicWindow(title);
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Email of the user:"));
        panel.addComponent(email);
        panel.addComponent(error);
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        find = new Button("Find", this::submit);
        buttons.addComponent(find);
        buttons.addComponent(new Button("Cancel", () -> ui.closeDialog(window)));
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, KEYS, this);
        email.takeFocus();
    }

    private void submit() {
        if (!find.isEnabled()) {
            return;
        }
        String typed = email.getText();
        if (typed.isBlank()) {
            error.setText("Type an email address.");
            return;
        }
        find.setEnabled(false);
        error.setText("Looking up...");
        ui.backend().run("Finding user", users -> users.get(typed), user -> {
            ui.closeDialog(window);
            then.accept(user);
        }, this::failed);
    }

    private void failed(ConsoleException e) {
        find.setEnabled(true);
        if (e.problem() == Problem.NOT_FOUND || e.problem() == Problem.INVALID_INPUT) {
            error.setText(ErrorDialog.wrap(e.getMessage())[0]);
        } else {
            error.setText("");
            ui.showError(e);
        }
    }
}
