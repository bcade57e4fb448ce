package dev.userconsole.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import java.util.Arrays;

/** A titled text with an OK button: help, results, information. */
class MessageDialog {
    final ConsoleUi ui;
    final BasicWindow window;
    final Panel panel = new Panel(new LinearLayout());
    private final Button ok;
    private TextBox scroller;

    MessageDialog(ConsoleUi ui, String title, String text) {
        this.ui = ui;
        this.window = new BasicWindow(title);
        int wrapAt = Math.max(20, Math.min(76, ui.width() - 6));
        String[] lines = Arrays.stream(text.split("\n", -1)).map(VisibleText::forScreen)
                .flatMap(line -> Wrap.lines(line, wrapAt).stream()).toArray(String[]::new);
        int room = Math.max(3, ui.height() - 8);
        if (lines.length <= room) {
            for (String line : lines) {
                panel.addComponent(new Label(line));
            }
        } else {
            // longer than the screen: a read-only text area that scrolls with the arrow keys
            int width = Math.min(ui.width() - 6, Arrays.stream(lines).mapToInt(String::length).max().orElse(20) + 1);
            scroller = new TextBox(new TerminalSize(width, room), String.join("\n", lines),
                    TextBox.Style.MULTI_LINE);
            scroller.setReadOnly(true);
            panel.addComponent(scroller);
        }
        panel.addComponent(new EmptySpace());
        ok = new Button("OK", () -> ui.closeDialog(window));
        panel.addComponent(ok);
        window.setComponent(panel);
    }

    void open() {
        if (scroller != null) {
            ui.openDialog(window, "Up/Down scroll  Tab then Enter or Esc close");
            scroller.takeFocus();
        } else {
            ui.openDialog(window, "Enter/Esc close");
            ok.takeFocus();
        }
    }
}
