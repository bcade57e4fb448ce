package dev.userconsole.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.SimpleTheme;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Switchboard;
import dev.userconsole.config.Target;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the full-screen console on the real terminal and always gives the terminal back on exit. */
public final class ConsoleApp {
    private static final long SPINNER_INTERVAL_MS = 120;

    private ConsoleApp() {
    }

    /**
     * @param warnings    shown in a dialog once the screen is up (a .env others can read)
     * @param hasTerminal whether standard input and output are a terminal
     * @return the exit code
     */
    public static int run(Settings settings, Switchboard switchboard, List<String> warnings, boolean hasTerminal,
                          InputStream in, OutputStream terminal, PrintWriter err) {
        if (!hasTerminal) {
            err.println("The full-screen console needs a terminal, and there is none here (a pipe, or CI).");
            err.println("Use the scriptable commands instead, for example: scripts/user-console list");
            err.println("See scripts/user-console --help for all of them.");
            err.flush();
            return 2;
        }
        MfaDialog mfa = new MfaDialog();
        Supplier<UserController> connection = connectEarly(settings, mfa);
        Screen screen = null;
        try {
            Terminal term = new DefaultTerminalFactory(terminal, in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                    .createTerminal();
            screen = new TerminalScreen(term);
            screen.startScreen();
            runOn(screen, settings, switchboard, warnings, connection, mfa, new Osc52Clipboard(terminal));
            return 0;
        } catch (IOException | RuntimeException e) {
            log().error("The console stopped on an error", e);
            restore(screen);
            screen = null;
            err.println("error: the console stopped on an unexpected error; the details are in the log file.");
            err.flush();
            return 3;
        } finally {
            restore(screen);
        }
    }

    /**
     * Starts connecting (for the embedded database: starting it, the slowest part of a start) at once, in
     * parallel with taking the terminal and drawing the menu; the console's database thread waits for it.
     */
    private static Supplier<UserController> connectEarly(Settings settings, MfaDialog mfa) {
        CompletableFuture<UserController> connecting = CompletableFuture.supplyAsync(
                () -> UserController.open(settings, mfa), task -> {
                    Thread thread = new Thread(task, "user-console-connecting");
                    thread.setDaemon(true);
                    thread.start();
                });
        return () -> {
            try {
                return connecting.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        };
    }

    /** The console on a started screen, until the user quits; the caller stops the screen. */
    public static void runOn(Screen screen, Settings settings) throws IOException {
        MfaDialog mfa = new MfaDialog();
        runOn(screen, settings, null, List.of(), connectEarly(settings, mfa), mfa, null);
    }

    private static void runOn(Screen screen, Settings settings, Switchboard switchboard, List<String> warnings,
                              Supplier<UserController> opener, MfaDialog mfa, Clipboard clipboard)
            throws IOException {
        MultiWindowTextGUI gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
        if (System.getenv("NO_COLOR") != null) {
            gui.setTheme(monochrome());
        }
        ConsoleUi ui = new ConsoleUi(gui, opener, settings.tableName(), where(settings.target()),
                settings.target() instanceof Target.Embedded, settings.readOnly(), () -> { });
        mfa.attach(ui);
        ui.askMfaCodesWith(mfa);
        ui.copyWith(clipboard);
        if (switchboard != null) {
            ui.enableSwitching(switchboard, settings);
        }
        ui.open();
        ui.warn(warnings);
        eventLoop(gui, ui.mainWindow(), ui);
    }

    /** Where, briefly, for the status line: it has to fit in 80 columns beside the table's state. */
    static String where(Target target) {
        if (target instanceof Target.Embedded embedded) {
            Path workingDir = Path.of("").toAbsolutePath();
            Path dir = embedded.dataDir();
            return "embedded, data in " + (dir.startsWith(workingDir) ? "./" + workingDir.relativize(dir) : dir);
        }
        return target.describe() + " (" + target.credentialsSource() + ")";
    }

    private static void eventLoop(MultiWindowTextGUI gui, Window main, ConsoleUi ui) throws IOException {
        long nextTick = 0;
        while (gui.getWindows().contains(main)) {
            if (!gui.getGUIThread().processEventsAndUpdate()) {
                sleepBriefly();
            }
            long now = System.currentTimeMillis();
            if (now >= nextTick) {
                ui.tickSpinner();
                nextTick = now + SPINNER_INTERVAL_MS;
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void restore(Screen screen) {
        if (screen != null) {
            try {
                screen.stopScreen();
            } catch (IOException e) {
                log().warn("Could not restore the terminal", e);
            }
        }
    }

    /** NO_COLOR (no-color.org): the terminal's own colours, selection shown in reverse video. */
    private static SimpleTheme monochrome() {
        SimpleTheme theme = new SimpleTheme(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);
        theme.getDefaultDefinition().setSelected(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, SGR.REVERSE);
        theme.getDefaultDefinition().setActive(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, SGR.REVERSE);
        theme.getDefaultDefinition().setPreLight(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, SGR.BOLD);
        theme.getDefaultDefinition().setInsensitive(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);
        return theme;
    }

    /** Looked up only when needed: SLF4J's own start stays off the way to the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(ConsoleApp.class);
    }
}
