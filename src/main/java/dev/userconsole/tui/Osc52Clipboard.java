package dev.userconsole.tui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The clipboard of the terminal the administrator sits at, through SSH: the OSC 52 escape sequence
 * ({@code ESC ] 52 ; c ; base64 BEL}), which xterm, iTerm2, kitty, WezTerm and Windows Terminal honour, and
 * tmux with {@code set-clipboard on}. The text travels as base64 of its UTF-8 bytes, so whatever it holds
 * (control characters too) cannot drive the terminal. No tmux or screen passthrough: tmux takes the plain
 * sequence itself (a paste buffer, and the outer terminal's clipboard), and passthrough would have to be
 * allowed for every program in the pane.
 *
 * <p>The sequence goes straight to the terminal's stream, not through Lanterna's screen (whose cells refuse
 * control characters). Lanterna writes that same stream, unbuffered, under its lock and only on the GUI
 * thread, flushing each frame whole; this writes on the GUI thread too, under the same lock, so it lands
 * between two frames and never inside one of Lanterna's sequences.
 */
final class Osc52Clipboard implements Clipboard {
    private static final String START = "\u001b]52;c;";
    private static final String BEL = "\u0007";

    private final OutputStream terminal;

    /** @param terminal the stream Lanterna's terminal writes to */
    Osc52Clipboard(OutputStream terminal) {
        this.terminal = terminal;
    }

    /** The bytes that put {@code text} on the clipboard. */
    static byte[] sequence(String text) {
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return (START + encoded + BEL).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void copy(String text) throws IOException {
        byte[] bytes = sequence(text);
        synchronized (terminal) {
            terminal.write(bytes);
            terminal.flush();
        }
    }
}
