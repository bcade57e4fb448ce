package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bytes {@code y} sends to the terminal: one OSC 52 sequence, its text base64 of the exact UTF-8. */
class Osc52ClipboardTest {

    /** Records the bytes written and whether they were flushed after the last write. */
    private static final class Terminal extends ByteArrayOutputStream {
        boolean flushed;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            flushed = false;
        }

        @Override
        public void flush() {
            flushed = true;
        }
    }

    @Test
    void anEmailIsOneSequenceEndedByBelAndFlushed() throws IOException {
        Terminal terminal = new Terminal();
        new Osc52Clipboard(terminal).copy("bob@example.com");
        assertEquals("\u001b]52;c;Ym9iQGV4YW1wbGUuY29t\u0007", terminal.toString(StandardCharsets.US_ASCII));
        assertTrue(terminal.flushed, "flushed at once, not left for Lanterna's next frame");
    }

    @Test
    void aNonAsciiEmailTravelsAsTheBase64OfItsUtf8Bytes() {
        String email = "zoë@example.com";
        byte[] sequence = Osc52Clipboard.sequence(email);
        assertEquals(email, Osc52.decode(sequence));
        assertEquals("\u001b]52;c;em/Dq0BleGFtcGxlLmNvbQ==\u0007", new String(sequence, StandardCharsets.US_ASCII));
    }

    @Test
    void controlCharactersInTheEmailCannotEndTheSequenceOrDriveTheTerminal() {
        String email = "evil\u001b]0;pwned\u0007\u009b31m@example.com";
        byte[] sequence = Osc52Clipboard.sequence(email);
        assertEquals(email, Osc52.decode(sequence), "the clipboard gets the email exactly");
        byte[] payload = Arrays.copyOfRange(sequence, 7, sequence.length - 1);
        for (byte b : payload) {
            assertTrue(b >= 0x21 && b <= 0x7e, "only base64 between the start and BEL: " + b);
        }
        assertArrayEquals("\u001b]52;c;".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(sequence, 7));
    }
}
