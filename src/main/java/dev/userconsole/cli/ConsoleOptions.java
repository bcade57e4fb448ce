package dev.userconsole.cli;

import dev.userconsole.config.Options;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console opened with global options only, each in its plain form ({@code --endpoint URL --table T}),
 * read without picocli: its classes are Java 5 class files, which the start-up archive cannot hold, and
 * loading them costs about a tenth of a second. Anything else (a command, help, {@code --name=value}, a
 * repeated option, a value that looks like an option) is left to picocli, so every message stays its own.
 */
public final class ConsoleOptions {
    private static final Set<String> FLAGS = Set.of("--embedded", "--read-only", "--write");
    private static final Set<String> WITH_VALUE = Set.of("--endpoint", "--table", "--data-dir", "--region", "--profile",
            "--audit-log", "--connection");

    private ConsoleOptions() {
    }

    /** The options, or empty when picocli has to read this command line. */
    public static Optional<Options> parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name) && flags.add(name)) {
                continue;
            }
            if (WITH_VALUE.contains(name) && !values.containsKey(name) && i + 1 < args.length
                    && !args[i + 1].startsWith("-")) {
                values.put(name, args[++i]);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Options(values.get("--endpoint"), values.get("--table"), flags.contains("--embedded"),
                    path(values.get("--data-dir")), values.get("--region"), values.get("--profile"),
                    flags.contains("--read-only"), path(values.get("--audit-log")), values.get("--connection"),
                    flags.contains("--write")));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
