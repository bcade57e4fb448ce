package dev.userconsole.users.output;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.userconsole.text.VisibleText;

/** Beyond JSON's required escapes, also escapes DEL, C1 controls, bidi controls and line separators. */
public final class TerminalSafeEscapes extends CharacterEscapes {
    private final int[] ascii;

    public TerminalSafeEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (VisibleText.needsEscape(ch)) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
