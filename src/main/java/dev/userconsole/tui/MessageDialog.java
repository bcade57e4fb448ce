package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.text.VisibleText;

/** A titled text with an OK button: help, results, information. */
class MessageDialog {
    final ConsoleUi ui;
    final BasicWindow window;
    final Panel panel = new Panel(new LinearLayout());
    private final Button ok;

    MessageDialog(ConsoleUi ui, String title, String text) {
        this.ui = ui;
        this.window = new BasicWindow(title);
        for (String line : text.split("\n", -1)) {
            panel.addComponent(new Label(VisibleText.of(line)));
        }
        panel.addComponent(new EmptySpace());
        ok = new Button("OK", () -> ui.closeDialog(window));
        panel.addComponent(ok);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, "Enter/Esc close");
        ok.takeFocus();
    }
}
