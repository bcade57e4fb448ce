package dev.userconsole.tui;

import java.io.IOException;

/** The administrator's own clipboard, where {@code y} in Read users puts the selected user's email. */
interface Clipboard {

    /** Puts {@code text}, exactly, on the clipboard (as far as the far end allows: there is no answer). */
    void copy(String text) throws IOException;
}
