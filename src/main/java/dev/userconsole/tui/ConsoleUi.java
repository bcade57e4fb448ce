package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.TextGUIThread;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.config.Connection;
import dev.userconsole.config.MfaCodes;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Switchboard;
import dev.userconsole.config.Target;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.TrashMissingException;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.Written;
import dev.userconsole.users.health.FixPlan;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-screen console: one main window (status line, the current view, a footer of key hints) and
 * dialogs on top of it. Everything here runs on the UI thread; database work goes through {@link Backend}.
 */
public final class ConsoleUi {
    private static final String SPINNER = "|/-\\";
    private static final boolean NO_COLOR = System.getenv("NO_COLOR") != null;
    static final String READ_ONLY_MESSAGE = "Read-only: nothing can be changed here (--read-only or READ_ONLY).";

    /** Keys every screen and dialog has. */
    static final Keymap<ConsoleUi> KEYS = Keymap.of("Everywhere",
            on("?, F1", "this help", ConsoleUi::help, Key.ch('?'), Key.F1).brief("help"),
            described("Esc", "close a dialog, or go back").helpOnly(),
            described("Tab, Shift-Tab", "next / previous field or button").helpOnly(),
            on(Key.ch(':'), "switch connection (also s in the menu)", ConsoleUi::switchConnection).helpOnly(),
            on(Key.ctrl('c'), "quit at once", ConsoleUi::quit).helpOnly());

    private final WindowBasedTextGUI gui;
    private MfaCodes mfaCodes = MfaCodes.NONE;
    private final Backend backend;
    private StatusLine status;
    private final BasicWindow main = new BasicWindow();
    private final Label statusLabel = new Label("");
    private final Label hintsLabel = new Label("");
    private final Label busyLabel = new Label("");
    private final Panel content = new Panel(new BorderLayout());
    private final Deque<String> hintStack = new ArrayDeque<>();
    /** What the footer says when no note covers it: the screen's or dialog's keys. */
    private String hints = "";
    /** Where {@code y} copies to; {@code null} off a real terminal (tests, the start-up training). */
    private Clipboard clipboard;
    private final List<Runnable> tickTasks = new ArrayList<>();
    private final Runnable onQuit;
    private boolean readOnly;
    /** The chosen connection, or {@code null}: named in every confirmation. */
    private Connection connection;
    /** What the read-only refusal says, when a connection (not --read-only) decided it. */
    private String readOnlyMessage = READ_ONLY_MESSAGE;
    private Switchboard switchboard;
    private View view;
    private UserBrowserView browser;
    private String busyTask;
    private int spinnerStep;

    /**
     * @param opener connects to the database; runs on the database thread
     * @param where where the console is connected, for the status line
     * @param onQuit called once the main window is closed
     */
    public ConsoleUi(WindowBasedTextGUI gui, Supplier<UserController> opener, String tableName, String where,
                     boolean embedded, Runnable onQuit) {
        this(gui, opener, tableName, where, embedded, false, onQuit);
    }

    /**
     * @param readOnly write actions are shown disabled and refused with a message (the controller refuses
     *                 them too)
     */
    public ConsoleUi(WindowBasedTextGUI gui, Supplier<UserController> opener, String tableName, String where,
                     boolean embedded, boolean readOnly, Runnable onQuit) {
        this.gui = gui;
        this.onQuit = onQuit;
        this.readOnly = readOnly;
        this.status = new StatusLine(tableName, where, embedded, readOnly);
        this.backend = new Backend(opener, task -> gui.getGUIThread().invokeLater(task), this::busy);
        main.setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        Panel root = new Panel(new BorderLayout());
        statusLabel.addStyle(SGR.REVERSE);
        root.addComponent(statusLabel, BorderLayout.Location.TOP);
        root.addComponent(content, BorderLayout.Location.CENTER);
        Panel footer = new Panel(new BorderLayout());
        footer.addComponent(hintsLabel, BorderLayout.Location.CENTER);
        footer.addComponent(busyLabel, BorderLayout.Location.RIGHT);
        root.addComponent(footer, BorderLayout.Location.BOTTOM);
        main.setComponent(root);
        gui.getGUIThread().setExceptionHandler(new TextGUIThread.ExceptionHandler() {
            @Override
            public boolean onIOException(IOException e) {
                log().error("The terminal failed", e);
                return true;
            }

            @Override
            public boolean onRuntimeException(RuntimeException e) {
                // a bug in a screen must not take the console down: report it and keep going
                log().error("Unexpected failure on the UI thread", e);
                showError(new ConsoleException(Problem.DATABASE_ERROR,
                        "Something unexpected went wrong; the details are in the log file.", e));
                return false;
            }
        });
        main.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window window, KeyStroke key, AtomicBoolean deliver) {
                hintsLabel.setText(hints); // a note lasts until the next key
                if (handleGlobalKey(key) || (view != null && view.onKey(key))) {
                    deliver.set(false);
                }
            }

            @Override
            public void onResized(Window window, TerminalSize oldSize, TerminalSize newSize) {
                if (view != null) {
                    view.onShow();
                }
            }
        });
    }

    /** Draws the menu at once; connecting and the table's status follow in the background. */
    public void open() {
        gui.addWindow(main);
        showMenu();
        redrawStatus();
        gui.getGUIThread().invokeLater(() -> {
            backend.start(this::connectionFailed);
            refreshStatus();
        });
        onTick(this::showUnitsUsed);
    }

    /** "  throttled, waiting" for progress lines while the table throttles long work; else "". */
    String throttledNote() {
        return backend.ifConnected().filter(UserController::throttledRecently).map(users -> "  throttled, waiting")
                .orElse("");
    }

    /** The session's capacity units in the status line, redrawn when they change. */
    private void showUnitsUsed() {
        backend.ifConnected().ifPresent(users -> {
            if (status.unitsUsed(users.capacityUsed())) {
                redrawStatus();
            }
        });
    }

    /** The main window: closed when the user quits. */
    public Window mainWindow() {
        return main;
    }

    public void quit() {
        for (Window window : List.copyOf(gui.getWindows())) {
            window.close();
        }
        backend.close();
        onQuit.run();
    }

    // ---- navigation -----------------------------------------------------------------------------

    void showMenu() {
        show(new MenuView(this));
    }

    void showUsers() {
        showUsers(new UserBrowserView(this));
    }

    void showUsers(UserBrowserView view) {
        browser = view;
        show(browser);
        browser.reload();
    }

    /** The user list, when it is the current view. */
    UserBrowserView browser() {
        return browser;
    }

    private void show(View next) {
        if (view != null) {
            view.onHide();
        }
        view = next;
        if (!(next instanceof UserBrowserView)) {
            browser = null;
        }
        content.removeAllComponents();
        content.addComponent(next.component(), BorderLayout.Location.CENTER);
        setHints(next.hints());
        next.onShow();
        main.setFocusedInteractable(null);
        next.component().invalidate();
        next.focus();
    }

    /** The footer: the screen's or dialog's hints, then the global ones. */
    void setHints(String hints) {
        String global = KEYS.hints(this, readOnly);
        showHints(" " + (hints.isEmpty() ? global : hints + "  " + global));
    }

    private void showHints(String text) {
        hints = text;
        hintsLabel.setText(text);
    }

    /** Says {@code text} in the footer, printable and cut to the width, in place of the keys until the next key. */
    void note(String text) {
        String fitted = VisibleText.fit(VisibleText.forScreen(text), Math.max(1, width() - 2));
        hintsLabel.setText(" " + fitted.stripTrailing());
    }

    /**
     * Opens a dialog window on top, its keys declared in {@code keys}: its footer replaces the screen's until it
     * closes, its bindings run first, then Esc closes it where the table says so, then the global keys.
     */
    <T> void openDialog(BasicWindow dialog, Keymap<T> keys, T target) {
        dialog.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        dialog.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window window, KeyStroke key, AtomicBoolean deliver) {
                if (keys.handle(key, target, ConsoleUi.this)) {
                    deliver.set(false);
                } else if (keys.escapeCloses(key)) {
                    closeDialog(dialog);
                    deliver.set(false);
                } else if (handleGlobalKey(key)) {
                    deliver.set(false);
                }
            }
        });
        hintStack.push(hints);
        setHints(keys.hints(target, readOnly));
        gui.addWindow(dialog);
        gui.setActiveWindow(dialog);
    }

    void closeDialog(BasicWindow dialog) {
        if (gui.getWindows().contains(dialog)) {
            dialog.close();
            if (hintStack.isEmpty()) {
                setHints(view.hints());
            } else {
                showHints(hintStack.pop());
            }
        }
    }

    /** The keys of every screen, handled before the screen's own. */
    private boolean handleGlobalKey(KeyStroke key) {
        return KEYS.handle(key, this, this);
    }

    /** Whether the keyboard is in a text field, where letters, ? and : are typed rather than commands. */
    boolean typing() {
        Window active = gui.getActiveWindow();
        return active != null && active.getFocusedInteractable() instanceof TextBox box && !box.isReadOnly();
    }

    // ---- connections -----------------------------------------------------------------------------

    /** Lets the switcher offer these places; {@code current} is the connection the console started on. */
    public void enableSwitching(Switchboard switchboard, Settings current) {
        this.switchboard = switchboard;
        if (current.connection() != null) {
            onConnection(current);
            redrawStatus();
        }
    }

    private void onConnection(Settings current) {
        connection = current.connection();
        status.onConnection(connection.name(), connection.production());
        readOnlyMessage = "Read-only: nothing can be changed here (" + current.readOnlyReason() + ")."
                + (productionLocked(current) ? " Or press : and choose " + connection.name()
                + " again, typing its name to allow writes." : "");
    }

    /** Read-only only because it is production: typing its name in the switcher lifts it. */
    private static boolean productionLocked(Settings current) {
        return current.readOnly() && current.connection().production() && !current.connection().readOnly()
                && !Settings.READ_ONLY_OPTION.equals(current.readOnlyReason());
    }

    void switchConnection() {
        if (switchboard == null) {
            showMessage("Switch connection", "Switching is not available here.");
        } else {
            new SwitchDialog(this, switchboard).open();
        }
    }

    /** Where {@code y} copies to: the real terminal's clipboard, through OSC 52. */
    void copyWith(Clipboard clipboard) {
        this.clipboard = clipboard;
    }

    /** Puts {@code text} exactly on the administrator's clipboard and says so in the footer, shown printable. */
    void copy(String text) {
        if (clipboard == null) {
            note("Nothing copied: there is no terminal to reach a clipboard through here.");
            return;
        }
        try {
            clipboard.copy(text);
        } catch (IOException e) {
            log().warn("Could not write the clipboard's escape sequence to the terminal", e);
            note("Nothing copied: the terminal could not be written to.");
            return;
        }
        note("Copied " + text + " to your clipboard (OSC 52, if your terminal allows it)");
    }

    /** Who a connection switched to asks for an MFA code (the console's dialog). */
    void askMfaCodesWith(MfaCodes codes) {
        this.mfaCodes = codes;
    }

    /**
     * Connects to {@code next} in the background; only once it answers is the old connection closed and the
     * screen moved to it. A failure leaves everything as it was and says why.
     */
    void switchTo(Settings next) {
        String before = place();
        backend.reconnect(() -> UserController.open(next, mfaCodes), () -> arrived(next), e -> showError(new ConsoleException(
                e.problem(), "Could not switch: " + e.getMessage() + " Still on " + before + ".", e)));
    }

    private void arrived(Settings next) {
        readOnly = next.readOnly();
        connection = null;
        readOnlyMessage = READ_ONLY_MESSAGE;
        status = new StatusLine(next.tableName(), ConsoleApp.where(next.target()),
                next.target() instanceof Target.Embedded, readOnly);
        if (next.connection() != null) {
            onConnection(next);
        }
        showMenu();
        redrawStatus();
        refreshStatus();
        showMessage("Connected", "Now on " + next.describeConnection() + "."
                + (readOnly ? "\nRead-only: " + next.readOnlyReason() + "." : ""));
    }

    /** "table User on production": what confirmations name, so that no one mistakes where they act. */
    String place() {
        return "table " + status.tableName() + (connection == null ? "" : " on " + connection.name());
    }

    // ---- actions ---------------------------------------------------------------------------------

    void help() {
        new MessageDialog(this, "Keys", Help.text(Help.WIDTH)).open();
    }

    void insertUser() {
        unlessReadOnly(() -> UserFormDialog.forInsert(this).open());
    }

    void updateUser(User user) {
        unlessReadOnly(() -> UserFormDialog.forUpdate(this, user).open());
    }

    void updateUserByEmail() {
        unlessReadOnly(() -> new FindUserDialog(this, "Update user", this::updateUser).open());
    }

    void deleteUser(User user) {
        unlessReadOnly(() -> new DeleteUserDialog(this, user).open());
    }

    void deleteUserByEmail() {
        unlessReadOnly(() -> new FindUserDialog(this, "Delete user", this::deleteUser).open());
    }

    /** Locks the user as loaded, asking for an optional reason. */
    void lockUser(User user) {
        unlessReadOnly(() -> new LockUserDialog(this, user, true).open());
    }

    void unlockUser(User user) {
        unlessReadOnly(() -> new LockUserDialog(this, user, false).open());
    }

    /** Asks random or passphrase (and unlock, when locked), then shows the new password once. */
    void resetPassword(User user) {
        unlessReadOnly(() -> new ResetPasswordDialog(this, user).open());
    }

    void createTable() {
        unlessReadOnly(() -> new CreateTableDialog(this).open());
    }

    boolean readOnly() {
        return readOnly;
    }

    /** Opens a write action's dialog, or in read-only mode says in a sentence why it does not. */
    void unlessReadOnly(Runnable openDialog) {
        if (readOnly) {
            showMessage("Read-only", readOnlyMessage);
        } else {
            openDialog.run();
        }
    }

    /** Shows warnings about the set-up (a .env others can read) in a dialog, not over the screen. */
    public void warn(List<String> warnings) {
        if (!warnings.isEmpty()) {
            showMessage("Warning", String.join("\n", warnings));
        }
    }

    void tableInfo() {
        new TableInfoDialog(this).open();
    }

    void healthReport() {
        show(new HealthView(this));
    }

    void trash() {
        new TrashDialog(this).open();
    }

    /** Offers a fix of the health report (a confirmation first); in read-only mode says why it does not. */
    void fixHealth(FixPlan plan, HealthView report) {
        unlessReadOnly(() -> new HealthFixDialog(this, plan, report::scan).open());
    }

    void importUsers() {
        unlessReadOnly(() -> new ImportDialog(this).open());
    }

    void exportUsers() {
        new ExportDialog(this).open();
    }

    /** After any write: the status line's count and the user list are out of date. */
    void usersChanged() {
        refreshStatus();
        if (browser != null) {
            browser.reload();
        }
    }

    void showError(ConsoleException e) {
        if (e instanceof TrashMissingException missing && !readOnly) {
            new TrashCreationDialog(this, missing).open();
            return;
        }
        if (e.problem() == Problem.TABLE_MISSING && !(e instanceof TrashMissingException)) {
            e = new ConsoleException(Problem.TABLE_MISSING, "The table " + status.tableName()
                    + " does not exist yet: create it from the menu (c).", e.getCause());
        }
        new ErrorDialog(this, e).open();
    }

    void showMessage(String title, String text) {
        new MessageDialog(this, title, text).open();
    }

    /** Says what a write did: first how it was found out, when its answer was lost and it was checked. */
    void showWritten(String title, Written written, String done) {
        showMessage(title, written.note().map(note -> note + "\n\n").orElse("") + done);
    }

    // ---- status line and busy indicator -----------------------------------------------------------

    void refreshStatus() {
        backend.run("Reading table status", UserController::describeTable, info -> {
            if (info.isPresent()) {
                status.tableFound(info.get());
            } else {
                status.tableMissing();
            }
            redrawStatus();
        }, e -> {
            status.unavailable(e.problem() == Problem.UNREACHABLE ? "cannot reach the database" : shortReason(e));
            redrawStatus();
        });
    }

    private void connectionFailed(ConsoleException e) {
        status.unavailable(shortReason(e));
        redrawStatus();
        showError(e);
    }

    private static String shortReason(ConsoleException e) {
        return e.problem().name().toLowerCase().replace('_', ' ');
    }

    private void redrawStatus() {
        statusLabel.setText(VisibleText.forScreen(status.text()));
        boolean production = connection != null && connection.production();
        // red and white, not the reverse video of the other lines; NO_COLOR still has the PRODUCTION badge
        statusLabel.setBackgroundColor(production && !NO_COLOR ? TextColor.ANSI.RED : null);
        statusLabel.setForegroundColor(production && !NO_COLOR ? TextColor.ANSI.WHITE_BRIGHT : null);
        if (production && !NO_COLOR) {
            statusLabel.removeStyle(SGR.REVERSE);
        } else {
            statusLabel.addStyle(SGR.REVERSE);
        }
    }

    private void busy(String task) {
        busyTask = task;
        if (task == null) {
            busyLabel.setText("");
            return;
        }
        tickSpinner();
    }

    /** Runs {@code task} on every tick of the event loop (about every 100 ms) until removed. */
    void onTick(Runnable task) {
        tickTasks.add(task);
    }

    void removeTick(Runnable task) {
        tickTasks.remove(task);
    }

    /** Advances the spinner and other timed updates; the console's event loop calls it about every 100 ms. */
    public void tickSpinner() {
        List.copyOf(tickTasks).forEach(Runnable::run);
        if (busyTask != null) {
            spinnerStep = (spinnerStep + 1) % SPINNER.length();
            busyLabel.setText(SPINNER.charAt(spinnerStep) + " " + busyTask + "... ");
        }
    }

    Backend backend() {
        return backend;
    }

    WindowBasedTextGUI gui() {
        return gui;
    }

    /** Columns available to views, for laying out tables. */
    int width() {
        return gui.getScreen().getTerminalSize().getColumns();
    }

    int height() {
        return gui.getScreen().getTerminalSize().getRows();
    }

    /** Looked up only when needed: SLF4J's own start stays off the way to the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(ConsoleUi.class);
    }
}
