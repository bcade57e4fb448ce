package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;

/** The key tables dialogs share: they have fields and buttons, and nothing of their own to bind. */
final class DialogKeys {
    /** Delete, Lock, Unlock, Create table, a health fix, a large scan: buttons, the safe one focused first. */
    static final Keymap<Object> CONFIRM = Keymap.of("Confirmations (Delete, Lock, Unlock, Create table, a fix)",
            described("Tab, Shift-Tab", "the next / previous field or button").brief("choose"),
            described("Enter", "press the focused button (Cancel is focused first)").brief("confirm"),
            escape("cancel"));

    /** Import and Export: a file name, boxes to tick, then the button that starts. */
    static final Keymap<Object> FILE = Keymap.of("Import and Export",
            described("Tab", "the next field, box or button").brief("next"),
            described("Space", "tick or untick the focused box").brief("tick"),
            described("Enter", "on Import or Export: start").brief("on the button starts"),
            escape("cancel"));

    private DialogKeys() {
    }
}
