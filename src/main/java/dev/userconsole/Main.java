package dev.userconsole;

import dev.userconsole.cli.ConsoleOptions;
import dev.userconsole.cli.Io;
import dev.userconsole.cli.UserConsoleCommand;
import dev.userconsole.cli.Utf8Arguments;
import dev.userconsole.config.Layout;
import dev.userconsole.config.Options;
import dev.userconsole.config.Settings;
import dev.userconsole.config.SettingsLoader;
import dev.userconsole.config.Switchboard;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.text.Utf8;
import dev.userconsole.tui.ConsoleApp;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Entry point: logging first, then the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] arguments;
        try {
            arguments = Utf8Arguments.ofThisProcess(args);
        } catch (ConsoleException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(e.exitCode());
            return;
        }
        int exitCode = run(arguments, Path.of("").toAbsolutePath());
        // DynamoDB Local leaves non-daemon threads behind; exit explicitly.
        System.exit(exitCode);
    }

    /**
     * Runs one command line (none: the console) from {@code workingDir}, in the layout the system property
     * {@value Layout#PROPERTY} names; returns the exit code.
     */
    static int run(String[] args, Path workingDir) {
        return run(args, workingDir, Layout.of(System.getProperty(Layout.PROPERTY), System.getenv(), workingDir));
    }

    static int run(String[] args, Path workingDir, Layout layout) {
        PrintStream terminalOut = System.out;
        PrintStream terminalErr = System.err;
        // .env (and settings.env) are read once; a malformed one is reported by whatever runs next, after
        // logging has started
        SettingsLoader loader;
        ConsoleException configProblem = null;
        Path logDir = layout.logDir();
        try {
            loader = SettingsLoader.fromSystem(workingDir, layout);
            logDir = loader.logDir();
        } catch (ConsoleException e) {
            loader = null;
            configProblem = e;
        }
        Logging.start(logDir, layout.ownerOnly(logDir));
        // UTF-8 whatever the locale: its charset is ASCII under LANG=C, which would mangle names and passwords
        consolePromptsInUtf8();
        Io io = new Io(Utf8.strictReader(System.in), Utf8.writer(terminalOut), Utf8.writer(terminalErr),
                System.console());
        Function<Options, Settings> settings = settingsFrom(loader, configProblem);
        Optional<Options> consoleOptions = ConsoleOptions.parse(args);
        // Warnings (a .env others can read) are said once: printed before a command runs; in the console,
        // shown in a dialog, since stderr would be painted over
        List<String> warnings = loader == null ? List.of() : loader.warnings();
        if (consoleOptions.isEmpty()) {
            warnings.forEach(io.err()::println);
        }
        List<String> consoleWarnings = consoleOptions.isPresent() ? warnings : List.of();
        SettingsLoader switchable = loader;
        Function<Settings, Integer> console = resolved -> ConsoleApp.run(resolved,
                switchable == null ? null : new Switchboard(switchable, resolved), consoleWarnings,
                System.console() != null, System.in, terminalOut, io.err());
        int exitCode = consoleOptions.isPresent() ? openConsole(settings, consoleOptions.get(), console, io)
                : UserConsoleCommand.run(args, settings, io, console);
        System.err.flush();
        return exitCode;
    }

    /**
     * Makes {@link System#console()} (masked password prompts) read and write UTF-8. It takes its charset,
     * once, when first used, from {@code stdout.encoding} (Java 19 and later) or {@code sun.stdout.encoding}
     * (Java 17), which the JVM set from the locale; there is no other way to choose it.
     */
    private static void consolePromptsInUtf8() {
        System.setProperty("stdout.encoding", "UTF-8");
        System.setProperty("sun.stdout.encoding", "UTF-8");
    }

    /**
     * No arguments, or only global options: straight to the console. Skipping the command-line parser here
     * saves a tenth to a quarter of a second of start-up, which administrators pay many times a day.
     */
    private static int openConsole(Function<Options, Settings> settings, Options options,
                                   Function<Settings, Integer> console, Io io) {
        try {
            return console.apply(settings.apply(options));
        } catch (ConsoleException e) {
            io.err().println("error: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static Function<Options, Settings> settingsFrom(SettingsLoader loader, ConsoleException problem) {
        return options -> {
            if (loader == null) {
                throw problem;
            }
            return loader.load(options);
        };
    }
}
