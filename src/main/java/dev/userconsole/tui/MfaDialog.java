package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.config.MfaCodes;
import dev.userconsole.text.VisibleText;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks for an MFA code in a dialog, masked. Called on the console's database thread while the screen runs
 * on its own: the question is posted to the screen's thread and the caller waits for the answer.
 */
final class MfaDialog implements MfaCodes {
    static final Keymap<Question> KEYS = Keymap.of("MFA code (a role that needs one)",
            described("digits", "the device's current code (masked)").brief("type the code"),
            on(Key.ENTER, "send the code", Question::send).onlyWhen(question -> question.code().isFocused())
                    .brief("send"),
            on(Key.ESCAPE, "cancel: the role is not assumed", Question::cancel).brief("cancel"));
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

    /** One question on the screen: answered by OK, Cancel or Esc, and then closed. */
    private record Question(ConsoleUi ui, BasicWindow window, TextBox code, CompletableFuture<Optional<String>> answer) {
        void send() {
            ui.closeDialog(window);
            String typed = code.getText().strip();
            answer.complete(typed.isEmpty() ? Optional.empty() : Optional.of(typed));
        }

        void cancel() {
            ui.closeDialog(window);
            answer.complete(Optional.empty());
        }
    }

    private static void open(ConsoleUi ui, String profile, String serial, CompletableFuture<Optional<String>> answer) {
        BasicWindow window = new BasicWindow("MFA code");
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Profile " + VisibleText.forScreen(profile) + " assumes a role that needs"));
        panel.addComponent(new Label("the code of " + VisibleText.forScreen(serial) + ":"));
        TextBox code = new TextBox(new TerminalSize(12, 1)).setMask('*');
        Question question = new Question(ui, window, code, answer);
        panel.addComponent(code);
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("OK", question::send));
        buttons.addComponent(new Button("Cancel", question::cancel));
        panel.addComponent(buttons);
        window.setComponent(panel);
        ui.openDialog(window, KEYS, question);
        code.takeFocus();
    }
}
