package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userconsole.config.SettingsLoader;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The completion script, sourced and driven in a real bash (and zsh where installed), with the program
 * itself answering on PATH; and the emails' cache against DynamoDB Local.
 */
class CompletionTest {
    @TempDir
    Path dir;

    private Path bin;
    private final Map<String, String> env = new HashMap<>();

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void stubOnPath() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        // the real program, from this build's classes; each call is logged, to prove which were made
        Path stub = bin.resolve("user-console");
        Files.writeString(stub, "#!/bin/sh\necho \"$*\" >> '" + dir.resolve("calls.log") + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.userconsole.Main \"$@\"\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        for (String variable : List.of("AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                "AWS_ENDPOINT_URL_DYNAMODB", "USER_CONSOLE_CONNECTION", "AWS_CONFIG_FILE",
                "AWS_SHARED_CREDENTIALS_FILE")) {
            env.put(variable, null);
        }
    }

    private Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> all = new HashMap<>(environment);
        all.values().removeIf(v -> v == null);
        SettingsLoader loader = new SettingsLoader(dir, all, Map.of(), p -> Optional.empty());
        Io io = new Io(new BufferedReader(new StringReader("a-password\n")), new PrintWriter(out),
                new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, loader::load, io, settings -> 1, all);
        return new Result(code, out.toString(), err.toString());
    }

    private Path script(String shell, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("completion", shell));
        args.addAll(List.of(options));
        Result made = run(env, args.toArray(String[]::new));
        assertEquals(0, made.exitCode(), made.err());
        return Files.writeString(dir.resolve("completion-" + shell + options.length + ".sh"), made.out());
    }

    /** What bash offers for the line's last word (empty: Tab after a space), one per line, sorted. */
    private List<String> offered(Path script, String... words) {
        String array = Stream.of(words).map(w -> "'" + w + "'").collect(Collectors.joining(" "));
        String line = String.join(" ", words);
        String code = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "_user_console_dynamic user-console '" + words[words.length - 1] + "' '"
                + (words.length > 1 ? words[words.length - 2] : "") + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Processes.Result result = Processes.run(List.of("bash", "-c", code), env, dir, 60);
        assertEquals(0, result.exitCode(), result.err());
        // picocli's functions turn compopt options on and off, which bash refuses outside a real Tab
        assertEquals("", result.err().replaceAll("(?m)^.*compopt: not currently executing completion function\n", ""));
        return result.out().lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    private List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void bashLoadsTheScriptWithOurFunctionRegisteredForTheProgram() throws IOException {
        Path script = script("bash");
        Processes.Result result = Processes.run(List.of("bash", "-c", "source '" + script + "' && complete -p user-console"),
                env, dir, 60);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("complete -F _user_console_dynamic user-console", result.out().strip());
    }

    @Test
    void bashCompletesCommandsOptionsAndTheirFixedValuesWithoutAskingTheProgram() throws IOException {
        Path script = script("bash");
        List<String> commands = offered(script, "user-console", "");
        assertTrue(commands.containsAll(List.of("insert", "list", "completion", "doctor")), commands.toString());
        assertFalse(commands.contains("manpage") || commands.contains("complete"), commands.toString());
        assertEquals(List.of("--format"), offered(script, "user-console", "list", "--fo"));
        assertEquals(List.of("csv", "json", "jsonl", "table"), offered(script, "user-console", "list", "--format", ""));
        assertEquals(List.of("csv", "jsonl"), offered(script, "user-console", "export", "--format", ""));
        assertEquals(List.of("dates", "keys", "lock"), offered(script, "user-console", "doctor", "--fix", ""));
        assertEquals(List.of("bash", "zsh"), offered(script, "user-console", "completion", ""));
        // the default script never asks the database: no emails, and the program is not even started
        assertEquals(List.of(), offered(script, "user-console", "get", "--email", ""));
        assertEquals(List.of(), calls());
    }

    @Test
    void bashCompletesConnectionAndProfileNamesFromTheFilesTheEnvironmentNames() throws IOException {
        Files.createDirectories(dir.resolve("config/user-console"));
        Files.writeString(dir.resolve("config/user-console/connections.toml"),
                "[local]\nembedded = true\n\n[staging]\nendpoint = \"http://staging:8000\"\n\n[production]\n"
                        + "region = \"eu-west-1\"\nproduction = true\n");
        Files.createDirectories(dir.resolve("home/.aws"));
        Files.writeString(dir.resolve("home/.aws/config"), "[default]\nregion = us-east-1\n\n[profile prod-admin]\n"
                + "region = eu-west-1\n");
        Path script = script("bash");
        assertEquals(List.of("local", "production", "staging"), offered(script, "user-console", "--connection", ""));
        assertEquals(List.of("production"), offered(script, "user-console", "list", "--connection", "pr"));
        assertEquals(List.of("default", "prod-admin"), offered(script, "user-console", "--profile", ""));
    }

    @Test
    void aConnectionsFileThatCannotBeReadCompletesNothingAndPrintsNothing() throws IOException {
        Files.createDirectories(dir.resolve("config/user-console"));
        Files.writeString(dir.resolve("config/user-console/connections.toml"), "[broken\nendpont = 1\n");
        Result answer = run(env, "complete", "connections", "");
        assertEquals(new Result(0, "", ""), answer);
        assertEquals(List.of(), offered(script("bash"), "user-console", "--connection", ""));
    }

    @Test
    void everyOptionWithFixedValuesOffersThemAsTyped() {
        CommandSpec root = new CommandLine(new UserConsoleCommand(null, null, null)).getCommandSpec();
        List<String> missing = new ArrayList<>();
        root.subcommands().values().stream().map(CommandLine::getCommandSpec).forEach(command -> {
            for (OptionSpec option : command.options()) {
                boolean fixed = option.type().isEnum() || option.paramLabel().equals("FORMAT")
                        || option.paramLabel().equals("KIND");
                if (fixed && (option.completionCandidates() == null
                        || !option.completionCandidates().iterator().hasNext())) {
                    missing.add(command.name() + " " + option.longestName());
                }
                if (option.completionCandidates() != null) {
                    option.completionCandidates().forEach(value -> {
                        if (!value.equals(value.toLowerCase())) {
                            missing.add(command.name() + " " + option.longestName() + " " + value);
                        }
                    });
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void zshLoadsTheScriptAndRegistersTheProgram() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Processes.onPath("zsh"),
                "zsh is not installed here (apt-get install zsh): the script is checked in bash only");
        Path script = script("zsh");
        Processes.Result result = Processes.run(List.of("zsh", "-c", "source '" + script + "'; (( $+_comps[user-console] ))"
                + " && print registered"), env, dir, 60);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("registered", result.out().strip());
        assertEquals("", result.err());
    }

    /** A table on DynamoDB Local with three users; the environment the program sees names its endpoint. */
    private String tableWithUsers() {
        String table = LocalDynamoDb.freshTableName();
        env.put("AWS_ENDPOINT_URL", LocalDynamoDb.server().endpoint().toString());
        env.put("USERS_TABLE", table);
        env.put(SettingsLoader.BCRYPT_COST, "10");
        assertEquals(0, run(env, "create-table").exitCode());
        for (String email : List.of("bob@example.com", "Bonnie@example.com", "alice@example.com")) {
            Result inserted = run(env, "insert", "--email", email, "--first-name", "A", "--last-name", "B",
                    "--password-stdin");
            assertEquals(0, inserted.exitCode(), inserted.err());
        }
        return table;
    }

    @Test
    void emailsComeFromOneKeysOnlyReadKeptInAnOwnerOnlyCacheNotAScanPerTab() throws IOException {
        tableWithUsers();
        Result first = run(env, "complete", "emails", "bo");
        assertEquals(new Result(0, "bob@example.com\nbonnie@example.com\n", ""), sorted(first));

        Path cacheDir = dir.resolve("cache/user-console/emails");
        List<Path> files;
        try (Stream<Path> listed = Files.list(cacheDir)) {
            files = listed.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir)));
        String cached = Files.readString(files.get(0));
        assertTrue(cached.contains("alice@example.com"), cached);
        assertFalse(cached.contains("$2"), "a hash in the cache");

        assertEquals(0, run(env, "delete", "--email", "bob@example.com", "--yes", "--permanent").exitCode());
        // within ten minutes the cache answers: the deleted user is still offered, so the table was not read
        assertEquals(first, sorted(run(env, "complete", "emails", "BO")));
        // another table is another cache
        Map<String, String> other = new HashMap<>(env);
        other.put("USERS_TABLE", "Missing_" + LocalDynamoDb.freshTableName());
        assertEquals(new Result(0, "", ""), run(other, "complete", "emails", "bo"));
    }

    @Test
    void anUnreachableDatabaseCompletesNothingAndPrintsNothing() {
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        env.put(SettingsLoader.TIMEOUT_SECONDS, "2");
        assertEquals(new Result(0, "", ""), run(env, "complete", "emails", ""));
        assertFalse(Files.exists(dir.resolve("cache/user-console/emails")), "a cache of nothing was written");
    }

    @Test
    void theEmailsScriptPassesTheGlobalOptionsTypedSoFar() throws IOException {
        String table = tableWithUsers();
        env.put("USERS_TABLE", null);
        Path script = script("bash", "--emails");
        assertEquals(List.of("bob@example.com", "bonnie@example.com"),
                offered(script, "user-console", "--table", table, "get", "--email", "bo"));
        assertEquals(List.of(), offered(script, "user-console", "get", "--email", "bo"));
        assertTrue(calls().contains("--table=" + table + " complete emails -- bo"), calls().toString());
    }

    private static Result sorted(Result result) {
        return new Result(result.exitCode(), result.out().lines().sorted().map(l -> l + "\n").collect(Collectors.joining()),
                result.err());
    }
}
