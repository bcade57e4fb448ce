package dev.userconsole.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Small helpers for reading key strokes. */
final class Keys {
    private Keys() {
    }

    static boolean isChar(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()
                && key.getCharacter() == c;
    }

    static boolean isCtrl(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown()
                && Character.toLowerCase(key.getCharacter()) == c;
    }

    static boolean is(KeyStroke key, KeyType type) {
        return key.getKeyType() == type;
    }

    /** The help text: every key, per screen. */
    static final String HELP = String.join("\n",
            "Everywhere",
            "  ?  or F1      this help",
            "  Esc           close a dialog, or go back",
            "  Tab/Shift-Tab next/previous field or button",
            "  Ctrl-C        quit at once",
            "  :             switch connection (also s in the menu)",
            "",
            "Main menu",
            "  i  Insert user     r  Read users      u  Update user",
            "  d  Delete user     c  Create table    t  Table info",
            "  m  Import users    x  Export users    s  Switch connection",
            "  h  Health report   q  Quit",
            "  Up/Down + Enter    choose",
            "",
            "Read users",
            "  Up/Down PgUp/PgDn Home/End   move (more users load as you scroll)",
            "  Enter   details: every attribute; Update, Delete, Lock, Reset, History",
            "  /       filter by email or name (Enter keeps it, Esc clears it)",
            "  s / S   sort by the next column / reverse the order",
            "  r       reload from the database     i  insert a user",
            "  Esc, q  back to the menu",
            "",
            "Health report",
            "  Enter   apply the chosen fix (asks first)   Tab  scroll the report",
            "  r       scan again     Esc, q  back to the menu",
            "",
            "Forms",
            "  Enter on Save submits; errors are shown beside each field.",
            "  Passwords are masked; in Update, leave them empty to keep the current one.",
            "",
            "Read-only mode (READ-ONLY on the first line): the write actions are marked",
            "disabled and only say so; reading and exporting work.");
}
