package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.function.Supplier;

/** A progress line refreshed on every tick of the console, and a Cancel button. */
final class ProgressDialog {
    private final ConsoleUi ui;
    private final BasicWindow window;
    private final Label progress = new Label("");
    private final Button cancel;
    private final Supplier<String> text;
    private final Runnable tick;

    ProgressDialog(ConsoleUi ui, String title, Supplier<String> text, Runnable onCancel) {
        this.ui = ui;
        this.text = text;
        this.window = new BasicWindow(title);
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(progress);
        panel.addComponent(new EmptySpace());
        cancel = new Button("Cancel", () -> {
            onCancel.run();
            progress.setText("Cancelling after the rows already started...");
        });
        panel.addComponent(cancel);
        window.setComponent(panel);
        tick = () -> progress.setText(text.get());
    }

    void open() {
        progress.setText(text.get());
        ui.openDialog(window, "Enter on Cancel stops it; what was written stays written");
        cancel.takeFocus();
        ui.onTick(tick);
    }

    void close() {
        ui.removeTick(tick);
        ui.closeDialog(window);
    }
}
