package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;

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
import java.util.stream.Stream;

/** A titled text with an OK button: help, results, information. */
class MessageDialog {
    static final Keymap<MessageDialog> KEYS = Keymap.of("Messages and this help",
            described("Up/Down, PgUp/PgDn", "scroll a text longer than the screen").brief("scroll")
                    .onlyWhen(MessageDialog::scrolls),
            described("Tab, Enter", "to OK, and close").brief("close").onlyWhen(MessageDialog::scrolls),
            described("Enter", "close").onlyWhen(dialog -> !dialog.scrolls()),
            escape("close"));

    final ConsoleUi ui;
    final BasicWindow window;
    final Panel panel = new Panel(new LinearLayout());
    private final Button ok;
    private TextBox scroller;

    MessageDialog(ConsoleUi ui, String title, String text) {
        this.ui = ui;
        this.window = new BasicWindow(title);
        int wrapAt = Math.max(20, Math.min(76, ui.width() - 6));
        String[] lines = wrapped(text, wrapAt);
        int room = Math.max(3, ui.height() - 8);
        if (lines.length > room) {
            lines = wrapped(text, wrapAt - 2); // room for the scroll bar and the caret, so nothing scrolls sideways
        }
        if (lines.length <= room) {
            for (String line : lines) {
                panel.addComponent(new Label(line));
            }
        } else {
            // longer than the screen: a read-only text area that scrolls with the arrow keys
            int width = Math.min(ui.width() - 6, Arrays.stream(lines).mapToInt(String::length).max().orElse(20) + 2);
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

    /** Lines that fit are kept as they are (a table's indentation stays); longer ones are wrapped. */
    private static String[] wrapped(String text, int width) {
        return Arrays.stream(text.split("\n", -1)).map(VisibleText::forScreen)
                .flatMap(line -> VisibleText.width(line) <= width ? Stream.of(line) : Wrap.lines(line, width).stream())
                .toArray(String[]::new);
    }

    private boolean scrolls() {
        return scroller != null;
    }

    void open() {
        ui.openDialog(window, KEYS, this);
        if (scroller != null) {
            scroller.takeFocus();
        } else {
            ok.takeFocus();
        }
    }
}
