package dev.userconsole.tui;

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
    private final Button cancel;

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
        cancel = new Button("Cancel", () -> {
            ui.closeDialog(window);
            cancelled.run();
        });
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, "Tab choose  Enter confirm  Esc cancel");
        cancel.takeFocus();
    }
}
