package dev.userconsole.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Keeps what the program showed during the tests (command output, screens) in target/test-output, where
 * scripts/secrets-scan.sh looks for passwords, hashes and keys after the whole suite has run.
 */
public final class CapturedOutput {
    private static final Path FILE = Path.of("target", "test-output", "junit-captured.txt");

    private CapturedOutput() {
    }

    /** Copies a directory the program wrote (logs, audit records) before its test deletes it. */
    public static void keepDirectory(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path target = FILE.resolveSibling(name);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path copy = target.resolve(dir.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
