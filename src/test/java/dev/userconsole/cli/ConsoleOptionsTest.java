package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Options;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The console's global options read without picocli must be exactly what picocli reads. */
class ConsoleOptionsTest {

    /** What picocli hands to the settings when the command line opens the console. */
    private static Options picocli(String... args) {
        AtomicReference<Options> seen = new AtomicReference<>();
        Io io = new Io(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), null);
        int code = UserConsoleCommand.run(args, options -> {
            seen.set(options);
            return null;
        }, io, settings -> 0);
        assertEquals(0, code);
        return seen.get();
    }

    @Test
    void plainGlobalOptionsAreReadAsPicocliReadsThem() {
        String[][] commandLines = {
                {"--embedded"},
                {"--embedded", "--data-dir", "some/dir"},
                {"--endpoint", "http://localhost:8000", "--table", "Users"},
                {"--region", "eu-west-1", "--profile", "ops", "--table", "T"},
                {"--data-dir", "/tmp/data", "--embedded", "--table", ""},
                {"--read-only", "--endpoint", "http://localhost:8000", "--audit-log", "logs/ro.jsonl"},
                {"--connection", "prod", "--write"},
                {"--connection", "staging", "--table", "Other"},
        };
        for (String[] args : commandLines) {
            assertEquals(Optional.of(picocli(args)), ConsoleOptions.parse(args), String.join(" ", args));
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        String[][] commandLines = {
                {"list"},
                {"--embedded", "list"},
                {"--help"},
                {"--version"},
                {"-v"},
                {"--endpoint=http://localhost:8000"},
                {"--table", "A", "--table", "B"},
                {"--embedded", "--embedded"},
                {"--read-only", "--read-only"},
                {"--write", "--write"},
                {"-c", "prod"},
                {"--connection"},
                {"--table"},
                {"--table", "--embedded"},
                {"--unknown", "x"},
                {"--data-dir", "bad\0path"},
        };
        for (String[] args : commandLines) {
            assertTrue(ConsoleOptions.parse(args).isEmpty(), String.join(" ", args));
        }
    }
}
