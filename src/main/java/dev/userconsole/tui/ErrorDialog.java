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
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;

/** One sentence; the details (what kind of problem, the underlying cause) on a key, never a stack trace. */
final class ErrorDialog {
    private static final int WRAP = 60;
    static final Keymap<ErrorDialog> KEYS = Keymap.of("Error",
            described("Enter", "close (on OK), or show the details (on Details)").brief("close"),
            on(Key.ch('d'), "details: what kind of problem, and its cause", ErrorDialog::showDetails).brief("details"),
            escape("close"));

    private final ConsoleUi ui;
    private final BasicWindow window = new BasicWindow("Error");
    private final Panel panel = new Panel(new LinearLayout());
    private final Label details = new Label("");
    private final Button ok;
    private final ConsoleException error;

    ErrorDialog(ConsoleUi ui, ConsoleException error) {
        this.ui = ui;
        for (String line : wrap(VisibleText.forScreen(error.getMessage()))) {
            panel.addComponent(new Label(line));
        }
        panel.addComponent(new EmptySpace());
        panel.addComponent(details);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        ok = new Button("OK", () -> ui.closeDialog(window));
        buttons.addComponent(ok);
        buttons.addComponent(new Button("Details", this::showDetails));
        panel.addComponent(buttons);
        window.setComponent(panel);
        this.error = error;
    }

    private void showDetails() {
        details.setText(String.join("\n", wrap(detailsOf(error))));
    }

    private static String detailsOf(ConsoleException error) {
        String cause = error.getCause() == null ? "no further cause"
                : error.getCause().getClass().getSimpleName() + ": " + error.getCause().getMessage();
        return "Kind: " + error.problem() + ". Cause: " + VisibleText.forScreen(cause)
                + ". The log file (logs/user-console.log) has the full record.";
    }

    /** Word-wraps to the dialog width. */
    static String[] wrap(String text) {
        return Wrap.lines(text, WRAP).toArray(String[]::new);
    }

    void open() {
        ui.openDialog(window, KEYS, this);
        ok.takeFocus();
    }
}
