package dev.userconsole;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every log to a file and keeps the terminal for the program's own output: DynamoDB Local prints a
 * banner to stdout and its bundled log4j2 configuration logs to stdout, and sqlite4java logs through
 * java.util.logging to stderr. After {@link #start}, anything written to {@code System.out} or
 * {@code System.err} lands in the log file instead.
 */
final class Logging {
    private Logging() {
    }

    static void start(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            // log4j then fails to open the file and logs nothing; the terminal stays clean either way
        }
        System.setProperty("userconsole.logDir", logDir.toString());
        System.setProperty("log4j2.configurationFile", "user-console-log4j2.xml");
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        System.setProperty("log4j2.StatusLogger.level", "OFF");
        System.setOut(new PrintStream(new LineLogger(LoggerFactory.getLogger("stdout")), true));
        System.setErr(new PrintStream(new LineLogger(LoggerFactory.getLogger("stderr")), true));
    }

    static void stop() {
        LogManager.shutdown();
    }

    /** An output stream that logs each line written to it. */
    private static final class LineLogger extends OutputStream {
        private final Logger logger;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineLogger(Logger logger) {
            this.logger = logger;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                flushLine();
            }
        }

        private void flushLine() {
            String text = line.toString(Charset.defaultCharset()).stripTrailing();
            line.reset();
            if (!text.isEmpty()) {
                logger.info(text);
            }
        }
    }
}
