package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.config.Connection;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Switchboard;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import java.util.List;
import java.util.function.Supplier;

/**
 * The switcher (":" or the menu's s): the connections of the connections file, then the AWS profiles.
 * A production connection asks for its name to be typed before it opens writable.
 */
final class SwitchDialog {
    static final Keymap<SwitchDialog> KEYS = Keymap.of("Switch connection (: or s)",
            described("Up/Down, Enter", "connect to the chosen connection or profile").brief("connect")
                    .onlyWhen(dialog -> dialog.typed == null),
            described("name", "production: type its name to allow writes, or leave it empty for read-only")
                    .brief("type the name to allow writes").onlyWhen(SwitchDialog::confirming),
            on(Key.ENTER, "connect", (SwitchDialog dialog) -> dialog.submitTyped.run())
                    .onlyWhen(dialog -> dialog.confirming() && dialog.typed.isFocused()),
            escape("cancel"));

    private final ConsoleUi ui;
    private final Switchboard switchboard;
    private final BasicWindow window = new BasicWindow("Switch connection");
    /** The production name field and what Enter in it does, once a production connection is chosen. */
    private TextBox typed;
    private Runnable submitTyped;

    SwitchDialog(ConsoleUi ui, Switchboard switchboard) {
        this.ui = ui;
        this.switchboard = switchboard;
    }

    void open() {
        Panel panel = new Panel(new LinearLayout());
        ActionListBox list = new ActionListBox();
        List<Connection> connections = List.of();
        String problem = null;
        try {
            connections = switchboard.connections();
        } catch (ConsoleException e) {
            problem = e.getMessage();
        }
        for (Connection connection : connections) {
            list.addItem(" " + VisibleText.forScreen(connection.name()) + "   " + describe(connection),
                    () -> chosen(connection));
        }
        for (String profile : switchboard.profiles()) {
            String shown = VisibleText.forScreen(profile);
            list.addItem(" profile " + shown, () -> connect(() -> switchboard.profile(profile)));
        }
        if (problem != null) {
            lines(panel, "! " + problem);
            panel.addComponent(new EmptySpace());
        }
        if (list.getItemCount() == 0) {
            lines(panel, "No connections yet: name them in " + switchboard.connectionsFile()
                    + ", and AWS profiles in ~/.aws/config.");
            window.setComponent(panel);
            ui.openDialog(window, KEYS, this);
            return;
        }
        panel.addComponent(new Label("Connections (" + switchboard.connectionsFile() + ") and AWS profiles:"));
        panel.addComponent(new EmptySpace());
        panel.addComponent(list);
        window.setComponent(panel);
        ui.openDialog(window, KEYS, this);
        list.takeFocus();
    }

    private boolean confirming() {
        return typed != null;
    }

    private static String describe(Connection connection) {
        String place = connection.embedded() ? "embedded"
                : connection.endpoint() != null ? connection.endpoint() : "AWS " + connection.region();
        return VisibleText.forScreen(place + (connection.table() == null ? "" : ", table " + connection.table())
                + (connection.production() ? "  PRODUCTION" : "") + (connection.readOnly() ? "  read-only" : ""));
    }

    private void chosen(Connection connection) {
        if (connection.production() && !connection.readOnly()) {
            confirmWrites(connection);
        } else {
            connect(() -> switchboard.connection(connection.name(), false));
        }
    }

    /** Production: read-only unless its name is typed, so that writes there are never an accident. */
    private void confirmWrites(Connection connection) {
        String name = connection.name();
        Panel panel = new Panel(new LinearLayout());
        lines(panel, name + " is production: it opens read-only.");
        lines(panel, "To allow writes on " + name + ", type its name; leave this empty for read-only:");
        TextBox typed = new TextBox(new TerminalSize(30, 1));
        Label error = new Label("");
        panel.addComponent(typed);
        panel.addComponent(error);
        submitTyped = () -> {
            String text = typed.getText().strip();
            if (!text.isEmpty() && !text.equals(name)) {
                error.setText("That is not " + VisibleText.forScreen(name) + "; type it exactly, or leave it empty.");
                return;
            }
            connect(() -> switchboard.connection(name, !text.isEmpty()));
        };
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("Connect", submitTyped));
        buttons.addComponent(new Button("Cancel", () -> ui.closeDialog(window)));
        panel.addComponent(new EmptySpace());
        panel.addComponent(buttons);
        window.setComponent(panel);
        typed.takeFocus();
        this.typed = typed;
        ui.setHints(KEYS.hints(this, ui.readOnly()));
    }

    private void connect(Supplier<Settings> settings) {
        Settings next;
        try {
            next = settings.get();
        } catch (ConsoleException e) {
            ui.closeDialog(window);
            ui.showError(e);
            return;
        }
        ui.closeDialog(window);
        ui.switchTo(next);
    }

    private void lines(Panel panel, String text) {
        int wrapAt = Math.max(20, Math.min(76, ui.width() - 6));
        Wrap.lines(VisibleText.forScreen(text), wrapAt).forEach(line -> panel.addComponent(new Label(line)));
    }
}
