package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The program's arguments as the bytes it was given, decoded as UTF-8 whatever the locale.
 *
 * <p>The JVM decodes arguments with the locale's charset before {@code main} runs (ASCII under
 * {@code LANG=C}: {@code Zoë} arrives as {@code Zo??}), and no system property changes that. On Linux the
 * raw bytes are still in {@code /proc/self/cmdline}, whose last entries are the main arguments; they are
 * decoded from there, strictly. An argument that is not UTF-8 is refused by its position, never shown (it
 * may be a secret). Without {@code /proc}, only what the JVM could not decode (U+FFFD) can be told.
 */
public final class Utf8Arguments {
    private static final Path CMDLINE = Path.of("/proc/self/cmdline");
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8Arguments() {
    }

    /** The arguments of this process, given those the JVM passed to {@code main}. */
    public static String[] ofThisProcess(String[] decodedByJvm) {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(CMDLINE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            cmdline = null;
        }
        return of(decodedByJvm, cmdline);
    }

    /**
     * @param cmdline the process's NUL-terminated arguments, or {@code null} when they cannot be read
     * @throws ConsoleException (invalid input) naming the first argument that is not valid UTF-8
     */
    static String[] of(String[] decodedByJvm, byte[] cmdline) {
        Optional<List<byte[]>> raw = cmdline == null ? Optional.empty() : mainArguments(cmdline, decodedByJvm);
        String[] decoded = new String[decodedByJvm.length];
        for (int i = 0; i < decoded.length; i++) {
            Optional<String> text = raw.isPresent() ? Utf8.decode(raw.get().get(i))
                    : Optional.of(decodedByJvm[i]).filter(arg -> arg.indexOf(REPLACEMENT) < 0);
            int position = i + 1;
            decoded[i] = text.orElseThrow(() -> new ConsoleException(Problem.INVALID_INPUT, "Argument " + position
                    + " is not valid UTF-8 text (it is not shown: it might be a secret)."));
        }
        return decoded;
    }

    /**
     * The last entries of the command line, if they are the ones the JVM decoded: the same count, and the same
     * ASCII characters in each (a character the JVM could not decode became {@code ?} or U+FFFD). Else the
     * main method was not called from this process's command line, and the JVM's strings are all there is.
     */
    private static Optional<List<byte[]>> mainArguments(byte[] cmdline, String[] decodedByJvm) {
        List<byte[]> entries = entries(cmdline);
        if (entries.size() < decodedByJvm.length) {
            return Optional.empty();
        }
        List<byte[]> last = entries.subList(entries.size() - decodedByJvm.length, entries.size());
        for (int i = 0; i < last.size(); i++) {
            if (!asciiOf(last.get(i)).equals(asciiOf(decodedByJvm[i]))) {
                return Optional.empty();
            }
        }
        return Optional.of(last);
    }

    private static List<byte[]> entries(byte[] cmdline) {
        List<byte[]> entries = new ArrayList<>();
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        for (byte b : cmdline) {
            if (b == 0) {
                entries.add(entry.toByteArray());
                entry.reset();
            } else {
                entry.write(b);
            }
        }
        if (entry.size() > 0) {
            entries.add(entry.toByteArray());
        }
        return entries;
    }

    private static String asciiOf(byte[] bytes) {
        StringBuilder ascii = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            if (b > 0 && b != '?') {
                ascii.append((char) b);
            }
        }
        return ascii.toString();
    }

    private static String asciiOf(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.chars().filter(c -> c < 0x80 && c != '?').forEach(c -> ascii.append((char) c));
        return ascii.toString();
    }
}
