package dev.userconsole;

import dev.userconsole.config.Layout;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sends every log to a file and keeps the terminal for the program's own output. DynamoDB Local prints a
 * banner to stdout, sqlite4java logs through java.util.logging to stderr, and the SLF4J simple logger
 * writes to stderr: after {@link #start}, {@code System.out} and {@code System.err} both append to
 * {@code LOG_DIR/user-console.log}, so all of it lands there, in order, and none on the terminal.
 */
final class Logging {
    private static final long ROTATE_BYTES = 10L * 1024 * 1024;
    private static final int KEEP = 3;

    private Logging() {
    }

    static void start(Path logDir) {
        start(logDir, false);
    }

    /** @param ownerOnly a missing {@code logDir} is created rwx------ (the installed layout's own) */
    static void start(Path logDir, boolean ownerOnly) {
        // named, so SLF4J does not search every jar on the class path for providers
        System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        PrintStream log = new PrintStream(open(logDir, ownerOnly), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
    }

    private static OutputStream open(Path logDir, boolean ownerOnly) {
        try {
            Layout.createDirectories(logDir, ownerOnly);
            Path file = logDir.resolve("user-console.log");
            rotate(file);
            return new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            // no log file is better than writing logs over the screen
            return OutputStream.nullOutputStream();
        }
    }

    /** Keeps the log under 10 MB: user-console.log becomes .1.log, .1 becomes .2, and so on. */
    private static void rotate(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) < ROTATE_BYTES) {
            return;
        }
        for (int i = KEEP - 1; i >= 1; i--) {
            Path older = file.resolveSibling("user-console." + i + ".log");
            if (Files.exists(older)) {
                Files.move(older, file.resolveSibling("user-console." + (i + 1) + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, file.resolveSibling("user-console.1.log"), StandardCopyOption.REPLACE_EXISTING);
    }
}
