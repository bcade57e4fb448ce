package dev.userconsole.testing;

import dev.userconsole.text.VisibleText;

/** What must never reach a terminal raw: C0 controls but newline and tab, DEL, C1, bidi and line separators. */
public final class TerminalSafety {
    private TerminalSafety() {
    }

    /** The index of the first unsafe character, or -1 when the text is safe to print. */
    public static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp != '\n' && cp != '\t' && VisibleText.needsEscape(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** A short description of the first unsafe character, for assertion messages. */
    public static String describe(String text) {
        int at = firstUnsafe(text);
        if (at < 0) {
            return "safe";
        }
        return String.format("U+%04X at %d in: %s", text.codePointAt(at), at,
                VisibleText.of(text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40))));
    }
}
