package dev.userconsole.users.output;

import dev.userconsole.text.VisibleText;

/**
 * A value as a CSV cell a spreadsheet shows and never runs: visible escapes for control characters, and a
 * leading apostrophe before {@code = + - @}, as OWASP recommends against CSV injection.
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static String safe(String value) {
        String visible = VisibleText.of(value);
        return !visible.isEmpty() && "=+-@".indexOf(visible.charAt(0)) >= 0 ? "'" + visible : visible;
    }
}
