package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Switchboard;
import dev.userconsole.testing.CapturedOutput;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The real console screens on Lanterna's virtual terminal: keys in, drawn text out. */
final class VirtualConsole implements AutoCloseable {
    private static final long TIMEOUT_MS = 20_000;

    final DefaultVirtualTerminal terminal;
    final MultiWindowTextGUI gui;
    final ConsoleUi ui;
    private final TerminalScreen screen;
    boolean quit;

    VirtualConsole(int columns, int rows, Supplier<UserController> opener, String table) {
        this(columns, rows, opener, table, false);
    }

    VirtualConsole(int columns, int rows, Supplier<UserController> opener, String table, boolean readOnly) {
        this(columns, rows, opener, table, readOnly, ui -> { });
    }

    /** The console as the program opens it on these settings, with the switcher offering the switchboard's places. */
    VirtualConsole(int columns, int rows, Settings settings, Switchboard switchboard) {
        this(columns, rows, () -> UserController.open(settings), settings.tableName(), settings.readOnly(),
                ui -> ui.enableSwitching(switchboard, settings));
    }

    private VirtualConsole(int columns, int rows, Supplier<UserController> opener, String table, boolean readOnly,
                           Consumer<ConsoleUi> beforeOpen) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
        ui = new ConsoleUi(gui, opener, table, "test endpoint", false, readOnly, () -> quit = true);
        beforeOpen.accept(ui);
        ui.open();
        pump();
    }

    void type(String text) {
        text.chars().forEach(c -> key(new KeyStroke((char) c, false, false)));
    }

    /** Types a long text as one burst of keys (the UI handles all queued keys before it redraws). */
    void paste(String text) {
        text.chars().forEach(c -> terminal.addInput(new KeyStroke((char) c, false, false)));
        pump();
    }

    void press(KeyType type) {
        key(new KeyStroke(type));
    }

    void press(KeyType type, int times) {
        for (int i = 0; i < times; i++) {
            press(type);
        }
    }

    void ctrl(char c) {
        key(new KeyStroke(c, true, false));
    }

    /** Opens Insert user from the menu, types each field in order and presses Save. */
    void submitInsertForm(String first, String last, String email, String password, String confirm) {
        type("i");
        waitFor("Insert user");
        for (String value : new String[] {first, last, email, password, confirm}) {
            type(value);
            press(KeyType.Tab);
        }
        press(KeyType.Enter);
    }

    /** Opens Update user from the menu for this email and waits for its form. */
    void openUpdateForm(String email) {
        type("u");
        waitFor("Email of the user:");
        type(email);
        press(KeyType.Enter);
        waitFor("Leave the password empty");
    }

    /** In an open update form: replaces the last character of the last name with {@code text} and saves. */
    void editLastNameAndSave(String text) {
        press(KeyType.Tab);
        press(KeyType.Backspace);
        type(text);
        press(KeyType.Tab, 3);
        press(KeyType.Enter);
    }

    void key(KeyStroke key) {
        terminal.addInput(key);
        pump();
    }

    /** Lets the UI handle queued keys and background results, then redraws. */
    void pump() {
        try {
            for (int i = 0; i < 20; i++) {
                gui.getGUIThread().processEventsAndUpdate();
            }
            ui.tickSpinner();
            gui.getGUIThread().processEventsAndUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pumps until the screen satisfies the condition; fails with the screen's text if it never does. */
    String waitFor(String description, Predicate<String> condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        String text = text();
        while (!condition.test(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out waiting for " + description + "; the screen shows:\n" + text);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pump();
            text = text();
        }
        CapturedOutput.record("screen, waiting for " + description, text);
        return text;
    }

    String waitFor(String visible) {
        return waitFor("\"" + visible + "\"", t -> t.contains(visible));
    }

    /** Waits for the background thread to finish what it was given. */
    void settle() {
        waitFor("the background work to finish", t -> !ui.backend().isBusy());
    }

    /** The screen as lines of text; the second column of a wide character is left out. */
    String text() {
        StringBuilder out = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < size.getColumns(); column++) {
                TextCharacter c = terminal.getCharacter(column, row);
                line.append(c.getCharacterString());
                if (c.isDoubleWidth()) {
                    column++;
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The last line: the footer, with the keys or a note. */
    String footer() {
        return text().lines().reduce((a, b) -> b).orElse("");
    }

    /** The screen line that contains {@code text}. */
    String lineWith(String text) {
        return text().lines().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line contains " + text + ":\n" + text()));
    }

    @Override
    public void close() {
        CapturedOutput.record("screen at the end", text());
        ui.backend().close();
        try {
            screen.stopScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
