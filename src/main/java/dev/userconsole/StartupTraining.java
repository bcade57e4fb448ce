package dev.userconsole;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.userconsole.cli.Io;
import dev.userconsole.cli.UserConsoleCommand;
import dev.userconsole.config.DotenvFile;
import dev.userconsole.config.Layout;
import dev.userconsole.config.Options;
import dev.userconsole.config.Settings;
import dev.userconsole.config.SettingsLoader;
import dev.userconsole.tui.ConsoleApp;
import dev.userconsole.users.LocalService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The launcher's training run for its class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}): does
 * what a start loads classes for, with no terminal and in a scratch directory: the commands on the embedded
 * database and over HTTP against a loopback DynamoDB Local, then the console on a virtual terminal (menu,
 * table status, user list, quit). Not a user command; exits 0 when every step worked.
 */
public final class StartupTraining {
    private static final String PASSWORD = "Training-password-1";
    private static final long SCREEN_TIMEOUT_MS = 60_000;

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("user-console-training");
        int exitCode;
        try {
            Logging.start(dir.resolve("logs"));
            exitCode = run(dir);
        } finally {
            deleteTree(dir);
        }
        // DynamoDB Local leaves non-daemon threads behind; the archive is written as the JVM exits.
        System.exit(exitCode);
    }

    static int run(Path dir) throws IOException {
        Files.writeString(dir.resolve(".env"), "USERS_TABLE=Training\nBCRYPT_COST=10\n");
        // the launcher's own path: a command, and the console's refusal to start without a terminal; in the
        // installed layout, with its places in this directory, never in the real home
        Layout scratch = Layout.installed(Map.of("HOME", dir.toString()), dir);
        Main.run(new String[] {"--version"}, dir, scratch);
        Main.run(new String[0], dir, scratch);
        SettingsLoader loader = new SettingsLoader(dir, Map.of(), DotenvFile.read(dir), profile -> Optional.empty());
        Function<Options, Settings> settings = loader::load;
        String data = dir.resolve("data").toString();
        int failures = commands(settings, "--embedded", "--data-dir", data);
        try (LocalService server = LocalService.inMemory(0)) {
            failures += commands(settings, "--endpoint", server.endpoint().toString());
        }
        loadRealTerminalClasses();
        boolean quit = console(settings.apply(new Options(null, null, true, Path.of(data), null, null)));
        return failures == 0 && quit ? 0 : 1;
    }

    /** The usual commands against one database; returns how many failed. */
    private static int commands(Function<Options, Settings> settings, String... where) {
        List<List<String>> commands = List.of(
                List.of("create-table"),
                List.of("insert", "--email", "ada@example.com", "--first-name", "Ada", "--last-name", "Lovelace",
                        "--password-stdin"),
                List.of("list"),
                List.of("get", "--email", "ada@example.com", "--format", "json"),
                List.of("describe-table"));
        int failures = 0;
        for (List<String> command : commands) {
            String[] args = Stream.concat(Stream.of(where), command.stream()).toArray(String[]::new);
            Io io = new Io(new BufferedReader(new StringReader(PASSWORD + "\n")),
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null);
            failures += UserConsoleCommand.run(args, settings, io, s -> 2) == 0 ? 0 : 1;
        }
        return failures;
    }

    /**
     * The real terminal's classes, which the virtual terminal never loads: loaded without taking a terminal
     * (that would need one, and would change its settings).
     */
    private static void loadRealTerminalClasses() {
        new DefaultTerminalFactory(OutputStream.nullOutputStream(), InputStream.nullInputStream(), StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
        new InputDecoder(new StringReader("")).addProfile(new DefaultKeyDecodingProfile());
        // resolving the class loads it and the classes it extends; the archive links them
        Class<?> unixTerminal = UnixTerminal.class;
        unixTerminal.getName();
    }

    /** The console on an 80x24 virtual terminal, driven by keys; returns whether it got through to quitting. */
    private static boolean console(Settings settings) throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        boolean[] done = {false};
        Thread keys = new Thread(() -> done[0] = type(terminal), "training-keys");
        keys.setDaemon(true);
        keys.start();
        try {
            ConsoleApp.runOn(screen, settings);
        } finally {
            screen.stopScreen();
        }
        try {
            keys.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return done[0];
    }

    /** Waits for the table status, opens the user list, goes back and quits; Ctrl-C if a screen never shows. */
    private static boolean type(DefaultVirtualTerminal terminal) {
        boolean shown = shows(terminal, ": ACTIVE") && press(terminal, new KeyStroke('r', false, false))
                && shows(terminal, "(all loaded)") && press(terminal, new KeyStroke(KeyType.Escape))
                && shows(terminal, "Insert user");
        terminal.addInput(shown ? new KeyStroke('q', false, false) : new KeyStroke('c', true, false));
        return shown;
    }

    private static boolean press(DefaultVirtualTerminal terminal, KeyStroke key) {
        terminal.addInput(key);
        return true;
    }

    private static boolean shows(DefaultVirtualTerminal terminal, String text) {
        long deadline = System.currentTimeMillis() + SCREEN_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (screenText(terminal).contains(text)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String screenText(DefaultVirtualTerminal terminal) {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                text.append(terminal.getCharacter(column, row).getCharacterString());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
