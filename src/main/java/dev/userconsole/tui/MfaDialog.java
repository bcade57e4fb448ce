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
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.store.MfaCodes;
import dev.userconsole.text.VisibleText;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks for an MFA code in a dialog, masked. Called on the console's database thread while the screen runs
 * on its own: the question is posted to the screen's thread and the caller waits for the answer.
 */
final class MfaDialog implements MfaCodes {
    private volatile ConsoleUi ui;

    /** The console the dialog opens on, once it is drawn; before that there is no one to ask. */
    void attach(ConsoleUi console) {
        this.ui = console;
    }

    @Override
    public synchronized Optional<String> code(String profile, String serial) {
        ConsoleUi console = ui;
        if (console == null) {
            return Optional.empty();
        }
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        console.gui().getGUIThread().invokeLater(() -> open(console, profile, serial, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static void open(ConsoleUi ui, String profile, String serial, CompletableFuture<Optional<String>> answer) {
        BasicWindow window = new BasicWindow("MFA code");
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Profile " + VisibleText.forScreen(profile) + " assumes a role that needs"));
        panel.addComponent(new Label("the code of " + VisibleText.forScreen(serial) + ":"));
        TextBox code = new TextBox(new TerminalSize(12, 1)).setMask('*');
        panel.addComponent(code);
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("OK", () -> {
            ui.closeDialog(window);
            String typed = code.getText().strip();
            answer.complete(typed.isEmpty() ? Optional.empty() : Optional.of(typed));
        }));
        buttons.addComponent(new Button("Cancel", () -> {
            ui.closeDialog(window);
            answer.complete(Optional.empty());
        }));
        panel.addComponent(buttons);
        window.setComponent(panel);
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliver) {
                if (Keys.is(key, KeyType.Escape)) {
                    answer.complete(Optional.empty());
                }
            }
        });
        ui.openDialog(window, "Type the code, Tab to OK, Enter");
        code.takeFocus();
    }
}
