package dev.userconsole.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps what the program showed during the tests (command output, screens) in target/test-output, where
 * scripts/secrets-scan.sh looks for passwords, hashes and keys after the whole suite has run.
 */
public final class CapturedOutput {
    private static final Path FILE = Path.of("target", "test-output", "junit-captured.txt");

    private CapturedOutput() {
    }

    public static synchronized void record(String source, String text) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, "== " + source + "\n" + text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
