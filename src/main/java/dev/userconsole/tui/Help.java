package dev.userconsole.tui;

import dev.userconsole.text.Wrap;
import java.util.ArrayList;
import java.util.List;

/** The {@code ?} help: every screen's key table, made from the same tables the screens handle keys with. */
final class Help {
    /** Columns of help text: it fits an 80-column terminal's dialog (76 wide, a scroll bar) with no sideways scroll. */
    static final int WIDTH = 70;

    /** Every key table, in the order the help shows them. */
    static final List<Keymap<?>> SCREENS = List.of(ConsoleUi.KEYS, MenuView.KEYS, UserBrowserView.KEYS,
            UserBrowserView.FILTER_KEYS, UserDetailsDialog.KEYS, HistoryDialog.KEYS, TrashDialog.KEYS, HealthView.KEYS,
            UserFormDialog.KEYS, UserFormDialog.CHANGED_KEYS, FindUserDialog.KEYS, DialogKeys.CONFIRM,
            ResetPasswordDialog.KEYS, NewPasswordDialog.KEYS, DialogKeys.FILE, ProgressDialog.KEYS,
            LargeScanDialog.KEYS, SwitchDialog.KEYS, MfaDialog.KEYS, ErrorDialog.KEYS, MessageDialog.KEYS);

    private static final String CLOSING = "Read-only mode (READ-ONLY on the first line): the keys marked"
            + " (writes) only say why they do nothing; reading and exporting work. While typing in a field,"
            + " letters, ? and : go into the field; F1 still opens this help.";

    private Help() {
    }

    static String text(int width) {
        List<String> lines = new ArrayList<>();
        for (Keymap<?> screen : SCREENS) {
            lines.addAll(screen.helpLines(width));
            lines.add("");
        }
        lines.addAll(Wrap.lines(CLOSING, width));
        return String.join("\n", lines);
    }
}
