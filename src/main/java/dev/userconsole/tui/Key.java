package dev.userconsole.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * One key a binding answers to: a character (with Ctrl or not) or a special key, with the name help and
 * footers show for it.
 */
record Key(KeyType type, char character, boolean ctrl, String name) {
    static final Key ENTER = special(KeyType.Enter, "Enter");
    static final Key ESCAPE = special(KeyType.Escape, "Esc");
    static final Key TAB = special(KeyType.Tab, "Tab");
    static final Key F1 = special(KeyType.F1, "F1");
    static final Key UP = special(KeyType.ArrowUp, "Up");
    static final Key DOWN = special(KeyType.ArrowDown, "Down");
    static final Key PAGE_UP = special(KeyType.PageUp, "PgUp");
    static final Key PAGE_DOWN = special(KeyType.PageDown, "PgDn");
    static final Key SPACE = ch(' ');

    static Key ch(char character) {
        return new Key(KeyType.Character, character, false, character == ' ' ? "Space" : String.valueOf(character));
    }

    static Key ctrl(char character) {
        return new Key(KeyType.Character, Character.toLowerCase(character), true,
                "Ctrl-" + Character.toUpperCase(character));
    }

    static Key special(KeyType type, String name) {
        return new Key(type, '\0', false, name);
    }

    /** A character a text field takes as typed text (not Ctrl-C). */
    static boolean isTyped(KeyStroke stroke) {
        return stroke.getKeyType() == KeyType.Character && !stroke.isCtrlDown() && !stroke.isAltDown();
    }

    boolean matches(KeyStroke stroke) {
        if (stroke.getKeyType() != type) {
            return false;
        }
        if (type != KeyType.Character) {
            return !stroke.isCtrlDown() && !stroke.isAltDown();
        }
        if (ctrl) {
            // Alt too when an Esc just before was read as an Alt prefix: Ctrl-C must quit whatever came first
            return stroke.isCtrlDown() && Character.toLowerCase(stroke.getCharacter()) == character;
        }
        return !stroke.isAltDown() && !stroke.isCtrlDown() && stroke.getCharacter() == character;
    }
}
