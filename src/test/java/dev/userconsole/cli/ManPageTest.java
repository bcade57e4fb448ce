package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userconsole.config.SettingsLoader;
import dev.userconsole.testing.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The manual page: written from the command definitions, valid troff, and rendered by the real man. */
class ManPageTest {
    private static final Set<String> MACROS = Set.of("TH", "SH", "SS", "TP", "PP", "RS", "RE", "B", "BR", "I", "br", "nh", "ad");

    private static String page;
    private static String help;
    private static final CommandSpec SPEC = new CommandLine(new UserConsoleCommand(null, null, null)).getCommandSpec();

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        page = run("manpage");
        help = run("--help");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new BufferedReader(new StringReader("")), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, options -> {
            throw new AssertionError("no settings are needed");
        }, io, settings -> 1);
        assertEquals(0, code, err.toString());
        assertEquals("", err.toString());
        return out.toString();
    }

    /** The page's text with troff's escapes of hyphens and backslashes undone, for looking up names. */
    private static String plain() {
        return page.replace("\\-", "-").replace("\\e", "\\");
    }

    @Test
    void namesEveryVisibleCommandAndEveryOptionOfEveryCommand() {
        String text = plain();
        List<String> missing = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>(List.of(SPEC));
        SPEC.subcommands().values().stream().map(CommandLine::getCommandSpec)
                .filter(s -> !s.usageMessage().hidden()).forEach(commands::add);
        assertTrue(commands.size() > 20, commands.toString());
        for (CommandSpec command : commands) {
            if (command != SPEC && !text.contains(".SS " + command.name() + "\n")) {
                missing.add("command " + command.name());
            }
            for (OptionSpec option : command.options()) {
                for (String name : option.names()) {
                    if (!option.hidden() && !Pattern.compile("\\\\fB" + Pattern.quote(name) + "\\\\fR").matcher(text).find()) {
                        missing.add(command.name() + " " + name);
                    }
                }
            }
            command.positionalParameters().forEach(p -> {
                if (!text.contains("\\fI" + p.paramLabel() + "\\fR")) {
                    missing.add(command.name() + " " + p.paramLabel());
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void leavesOutHiddenCommandsLikeHelpDoes() {
        assertFalse(page.contains(".SS manpage"), page);
        assertFalse(help.contains("manpage"), help);
        assertTrue(help.contains("  doctor "), help);
    }

    @Test
    void sharesItsDescriptionsAndExitCodesWithHelp() {
        String text = plain();
        // the option descriptions are the same sentences (help wraps them; the page does not)
        String listFilter = SPEC.subcommands().get("list").getCommandSpec().findOption("--filter").description()[0];
        assertTrue(text.contains(listFilter), listFilter);
        String defaulted = String.join(" ", SPEC.subcommands().get("list").getCommandSpec().findOption("--format")
                .renderedDescription());
        assertTrue(defaulted.contains("(default: table)"), defaulted);
        assertTrue(text.contains(defaulted), defaulted);
        for (int code = 0; code <= 4; code++) {
            assertTrue(help.replaceAll("\\s+", " ").contains("; " + code + " ") || code == 0, "--help, code " + code);
            assertTrue(text.contains(".TP\n\\fB" + code + "\\fR\n"), "EXIT STATUS, code " + code);
        }
        assertTrue(text.contains("4\\fR\nA write's outcome is unknown"), text);
    }

    @Test
    void explainsEverySettingTheProgramReads() throws IllegalAccessException, IOException {
        List<String> keys = new ArrayList<>();
        for (Field field : SettingsLoader.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                keys.add((String) field.get(null));
            }
        }
        keys.addAll(List.of("USER_CONSOLE_CONNECTION", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                "XDG_CACHE_HOME", "NO_COLOR", "AWS_PROFILE", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_DYNAMODB"));
        // and every variable the launchers read (the release's and the checkout's)
        for (String launcher : List.of("src/dist/bin/user-console", "scripts/user-console")) {
            Matcher variable = Pattern.compile("\\$\\{?(USER_CONSOLE_[A-Z_]+)").matcher(Files.readString(Path.of(launcher)));
            while (variable.find()) {
                keys.add(variable.group(1));
            }
        }
        assertTrue(keys.contains("USER_CONSOLE_JAVA_OPTS"), "the launchers' variables were read: " + keys);
        String environment = page.substring(page.indexOf(".SH ENVIRONMENT"), page.indexOf(".SH FILES"));
        for (String key : keys) {
            assertTrue(environment.contains("\\fB" + key) || environment.contains(", " + key), key);
        }
        String files = plain().substring(plain().indexOf(".SH FILES"), plain().indexOf(".SH \"EXIT STATUS\""));
        for (String path : List.of("./data", "./logs", "./.env", "$XDG_CONFIG_HOME/user-console/connections.toml",
                "$XDG_CONFIG_HOME/user-console/settings.env", "~/.local/share/user-console",
                "~/.local/state/user-console", "~/.config/user-console")) {
            assertTrue(files.contains(path), path);
        }
    }

    @Test
    void everyLineIsAKnownMacroOrTextThatCannotBeReadAsOne() {
        assertTrue(page.startsWith(".\\\" Generated by"), page);
        assertTrue(page.contains("\n.TH USER\\-CONSOLE 1 "), page);
        for (String line : page.split("\n")) {
            if (line.startsWith(".") || line.startsWith("'")) {
                String macro = line.substring(1).split(" ", 2)[0];
                assertTrue(line.startsWith(".\\\"") || MACROS.contains(macro), "not a known macro: " + line);
            }
            assertFalse(line.matches(".*[^\\\\]-.*") && !line.startsWith(".\\\""), "an unescaped hyphen: " + line);
            assertTrue(line.chars().allMatch(c -> c >= ' ' && c < 0x7f), "not printable ASCII: " + line);
        }
        assertFalse(page.contains("${"), "an unrendered variable");
    }

    @Test
    void groffReadsItWithoutAWarning() throws Exception {
        assumeTrue(Processes.onPath("groff"), "groff is not installed here: the page is not checked by groff");
        Path file = Files.writeString(dir.resolve("user-console.1"), page);
        Processes.Result result = Processes.run(List.of("groff", "-man", "-Tutf8", "-ww", "-z", file.toString()),
                Map.of(), dir, 60);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
    }

    @Test
    void manShowsItWithTheSectionsAndTheOptionsDescriptions() throws Exception {
        assumeTrue(Processes.onPath("man"), "man is not installed here: the page is not rendered by man");
        Path file = Files.writeString(dir.resolve("user-console.1"), page);
        Map<String, String> env = new HashMap<>();
        env.put("MANWIDTH", "80");
        env.put("MAN_KEEP_FORMATTING", null);
        env.put("GROFF_NO_SGR", "1");
        env.put("LC_ALL", "C.UTF-8");
        Processes.Result shown = Processes.run(List.of("man", "-l", file.toString()), env, dir, 60);
        assertEquals(0, shown.exitCode(), shown.err());
        String text = shown.out();
        assertTrue(text.startsWith("USER-CONSOLE(1)"), text);
        for (String heading : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "GLOBAL OPTIONS", "COMMANDS", "ENVIRONMENT",
                "FILES", "EXIT STATUS", "SEE ALSO")) {
            assertTrue(text.contains("\n" + heading + "\n"), heading);
        }
        assertTrue(text.contains("user-console - manage the user accounts stored in a DynamoDB table"), text);
        assertTrue(text.contains("\n   insert\n"), text);
        // an option as it can be copied back into a shell, with its description beside it
        assertTrue(text.contains("--read-only"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains("--email EMAIL Email address (the key)."), text);
        assertTrue(text.contains("[--audit-log=FILE]"), "an option name broken across lines: " + text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 80), "a line wider than MANWIDTH");
    }
}
