package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.ScanCost;

/** Says what a whole-table scan of a large table costs and asks before it starts; Cancel has the focus. */
final class LargeScanDialog {
    private final ConsoleUi ui;
    private final BasicWindow window = new BasicWindow("Large table");
    static final Keymap<LargeScanDialog> KEYS = Keymap.of("Large table: scan it?",
            described("Tab", "Scan or Cancel").brief("choose"),
            described("Enter", "press the focused button (Cancel is focused first)").brief("confirm"),
            on(Key.ESCAPE, "cancel: no scan", LargeScanDialog::cancel).brief("cancel"));

    private final Button cancel;
    private final Runnable cancelled;

    LargeScanDialog(ConsoleUi ui, ScanCost cost, Runnable scan, Runnable cancelled) {
        this.ui = ui;
        Panel panel = new Panel(new LinearLayout());
        for (String line : ErrorDialog.wrap(VisibleText.forScreen(cost.sentence() + " Scan the whole table?"))) {
            panel.addComponent(new Label(line));
        }
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("Scan", () -> {
            ui.closeDialog(window);
            scan.run();
        }));
        this.cancelled = cancelled;
        cancel = new Button("Cancel", this::cancel);
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    private void cancel() {
        ui.closeDialog(window);
        cancelled.run();
    }

    void open() {
        ui.openDialog(window, KEYS, this);
        cancel.takeFocus();
    }
}
