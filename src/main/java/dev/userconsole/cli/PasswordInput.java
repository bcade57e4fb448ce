package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/**
 * Reads a password from a masked prompt or, with {@code --password-stdin}, from the first line of
 * standard input. Never from an argument: {@code ps} and shell history would show it.
 */
final class PasswordInput {
    private PasswordInput() {
    }

    static String read(Io io, boolean fromStdin, String prompt, boolean confirm) {
        if (fromStdin) {
            return firstLine(io);
        }
        if (io.console() == null) {
            throw new ConsoleException(Problem.INVALID_INPUT, "There is no terminal to ask for the password on;"
                    + " give it on standard input with --password-stdin.");
        }
        char[] first = io.console().readPassword("%s: ", prompt);
        if (first == null) {
            throw new InvalidInputException("password", "no password was entered");
        }
        if (confirm) {
            char[] second = io.console().readPassword("Repeat %s: ", prompt.toLowerCase());
            boolean same = second != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new InvalidInputException("password", "the two entries differ");
            }
        }
        String password = new String(first);
        Arrays.fill(first, '\0');
        return password;
    }

    /**
     * Up to the first newline, without a trailing carriage return (Windows line ends). Not
     * {@code readLine()}: it also ends a line at a lone {@code \r}, which would silently cut a password
     * that holds one; kept whole, the validator refuses it.
     */
    private static String firstLine(Io io) {
        try {
            StringBuilder line = new StringBuilder();
            int c = io.in().read();
            if (c < 0) {
                throw new InvalidInputException("password", "standard input was empty");
            }
            while (c >= 0 && c != '\n') {
                line.append((char) c);
                c = io.in().read();
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        } catch (CharacterCodingException e) {
            // a replacement character would be hashed as if it had been typed
            throw new InvalidInputException("password", "standard input is not valid UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
