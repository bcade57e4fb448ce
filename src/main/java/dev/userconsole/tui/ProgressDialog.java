package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.function.Supplier;

/** A progress line refreshed on every tick of the console, and a Cancel button. */
final class ProgressDialog {
    static final Keymap<ProgressDialog> KEYS = Keymap.of("Import or export under way",
            described("Enter", "on Cancel: stop it (what was written stays written)").brief("on Cancel stops it"),
            on(Key.ESCAPE, "stop it, as Cancel does", ProgressDialog::cancel).brief("stop"));
    private final ConsoleUi ui;
    private final BasicWindow window;
    private final Label progress = new Label("");
    private final Button cancel;
    private final Supplier<String> text;
    private final Runnable tick;
    private final Runnable onCancel;

    ProgressDialog(ConsoleUi ui, String title, Supplier<String> text, Runnable onCancel) {
        this.ui = ui;
        this.text = text;
        this.window = new BasicWindow(title);
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(progress);
        panel.addComponent(new EmptySpace());
        this.onCancel = onCancel;
        cancel = new Button("Cancel", this::cancel);
        panel.addComponent(cancel);
        window.setComponent(panel);
        tick = () -> progress.setText(text.get());
    }

    void open() {
        progress.setText(text.get());
        ui.openDialog(window, KEYS, this);
        cancel.takeFocus();
        ui.onTick(tick);
    }

    private void cancel() {
        onCancel.run();
        progress.setText("Cancelling after the rows already started...");
    }

    void close() {
        ui.removeTick(tick);
        ui.closeDialog(window);
    }
}
