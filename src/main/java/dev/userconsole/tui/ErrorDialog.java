package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import java.util.concurrent.atomic.AtomicBoolean;

/** One sentence; the details (what kind of problem, the underlying cause) on a key, never a stack trace. */
final class ErrorDialog {
    private static final int WRAP = 60;

    private final ConsoleUi ui;
    private final BasicWindow window = new BasicWindow("Error");
    private final Panel panel = new Panel(new LinearLayout());
    private final Label details = new Label("");
    private final Button ok;

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
        Runnable showDetails = () -> details.setText(String.join("\n", wrap(detailsOf(error))));
        buttons.addComponent(new Button("Details", showDetails));
        panel.addComponent(buttons);
        window.setComponent(panel);
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliver) {
                if (Keys.isChar(key, 'd')) {
                    showDetails.run();
                    deliver.set(false);
                }
            }
        });
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
        ui.openDialog(window, "Enter/Esc close  d details");
        ok.takeFocus();
    }
}
