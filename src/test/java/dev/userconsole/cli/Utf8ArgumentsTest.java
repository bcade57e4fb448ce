package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The main arguments recovered from the bytes of the command line, as the JVM under LANG=C could not. */
class Utf8ArgumentsTest {
    /** A command line as /proc/self/cmdline holds it: each entry ends with a NUL. */
    private static byte[] cmdline(byte[]... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("java\0-cp\0target/classes\0dev.userconsole.Main\0"));
        for (byte[] entry : entries) {
            out.writeBytes(entry);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void argumentsTheJvmDecodedAsAsciiAreDecodedAgainAsUtf8() {
        byte[] raw = cmdline(utf8("insert"), utf8("--first-name"), utf8("Zoë"), utf8("--last-name"), utf8("Ñúñez"));
        // the JVM's launcher under LANG=C turns each byte above 0x7f into '?'; Java's ASCII decoder into U+FFFD
        String[] asLauncher = {"insert", "--first-name", "Zo??", "--last-name", "??????ez"};
        String[] asDecoder = {"insert", "--first-name", "Zo\uFFFD\uFFFD", "--last-name", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDez"};
        String[] expected = {"insert", "--first-name", "Zoë", "--last-name", "Ñúñez"};
        assertArrayEquals(expected, Utf8Arguments.of(asLauncher, raw));
        assertArrayEquals(expected, Utf8Arguments.of(asDecoder, raw));
    }

    @Test
    void emojiAndEmptyArgumentsSurvive() {
        byte[] raw = cmdline(utf8("--last-name"), utf8("😀x"), utf8(""));
        assertArrayEquals(new String[] {"--last-name", "😀x", ""},
                Utf8Arguments.of(new String[] {"--last-name", "????x", ""}, raw));
    }

    @Test
    void anArgumentThatIsNotUtf8IsRefusedByItsPositionWithoutShowingIt() {
        byte[] latin1 = {'Z', 'o', (byte) 0xeb};
        byte[] raw = cmdline(utf8("insert"), utf8("--first-name"), latin1);
        ConsoleException refused = assertThrows(ConsoleException.class,
                () -> Utf8Arguments.of(new String[] {"insert", "--first-name", "Zo?"}, raw));
        assertEquals(Problem.INVALID_INPUT, refused.problem());
        assertEquals(2, refused.exitCode());
        assertEquals("Argument 3 is not valid UTF-8 text (it is not shown: it might be a secret).", refused.getMessage());
        assertFalse(refused.getMessage().contains("Zo"));
    }

    @Test
    void overlongAndSurrogateEncodingsAreNotUtf8() {
        byte[] overlongSlash = {(byte) 0xc0, (byte) 0xaf};
        byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertThrows(ConsoleException.class, () -> Utf8Arguments.of(new String[] {"??"}, cmdline(overlongSlash)));
        assertThrows(ConsoleException.class, () -> Utf8Arguments.of(new String[] {"???"}, cmdline(surrogate)));
    }

    @Test
    void withoutTheCommandLineOnlyWhatTheJvmCouldNotDecodeCanBeRefused() {
        assertArrayEquals(new String[] {"list", "Zoë"}, Utf8Arguments.of(new String[] {"list", "Zoë"}, null));
        ConsoleException refused = assertThrows(ConsoleException.class,
                () -> Utf8Arguments.of(new String[] {"list", "Zo\uFFFD"}, null));
        assertEquals("Argument 2 is not valid UTF-8 text (it is not shown: it might be a secret).", refused.getMessage());
    }

    @Test
    void aCommandLineThatDoesNotEndWithTheseArgumentsIsNotUsed() {
        // main called from elsewhere in the process (a test, the start-up training): the JVM's strings stand
        byte[] raw = cmdline(utf8("org.apache.maven.surefire.booter.ForkedBooter"), utf8("/tmp/surefire"));
        assertArrayEquals(new String[] {"--version"}, Utf8Arguments.of(new String[] {"--version"}, raw));
        assertArrayEquals(new String[] {"a", "b", "c", "d", "e", "f", "g", "h"},
                Utf8Arguments.of(new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}, raw));
    }

    @Test
    void thisProcessHasACommandLineToReadOnLinux() {
        // the test JVM's own main arguments are not these, so they are kept as given
        assertArrayEquals(new String[] {"--version"}, Utf8Arguments.ofThisProcess(new String[] {"--version"}));
        assertArrayEquals(new String[0], Utf8Arguments.ofThisProcess(new String[0]));
    }
}
