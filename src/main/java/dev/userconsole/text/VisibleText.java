package dev.userconsole.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes stored strings safe to put on a terminal or in a CSV cell.
 *
 * <p>Control characters (C0, DEL, C1), bidirectional overrides and isolates, and line/paragraph
 * separators are replaced by visible escapes ({@code \x1b}, {@code \u202e}), so a hostile record can
 * neither drive the terminal nor reorder what the user reads. A literal backslash is left alone: the
 * output is for reading, not for parsing back.
 */
public final class VisibleText {
    /**
     * Text with no character {@link #needsEscape} refuses (surrogate pairs are whole characters here): what a
     * text field may hold, so nothing typed or pasted into it reaches the terminal raw.
     */
    public static final Pattern PRINTABLE_TEXT = Pattern.compile(
            "[^\\x00-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029\\ufeff]*");

    private VisibleText() {
    }

    public static String of(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.codePoints().noneMatch(VisibleText::needsEscape)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length() + 8);
        raw.codePoints().forEach(cp -> {
            if (!needsEscape(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xFF) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.append(String.format("\\u%04x", cp));
            }
        });
        return out.toString();
    }

    /**
     * {@link #of} for the console's screens. Lanterna gives every character at least one cell, while a
     * terminal gives combining marks and joiners none, so such characters would push the rest of a row out
     * of its columns. Text is composed (NFC: a decomposed "e\u0301" becomes one "\u00e9"), variation
     * selectors (presentation only) are dropped, and any other character still taking no column is shown as
     * an escape ({@code \u200d}), so every character takes exactly the columns {@link #width} says.
     */
    public static String forScreen(String raw) {
        String composed = Normalizer.normalize(of(raw), Normalizer.Form.NFC);
        if (composed.codePoints().allMatch(cp -> width(cp) > 0)) {
            return composed;
        }
        StringBuilder out = new StringBuilder(composed.length() + 8);
        composed.codePoints().forEach(cp -> {
            if (width(cp) > 0) {
                out.appendCodePoint(cp);
            } else if (!isVariationSelector(cp)) {
                out.append(String.format("\\u%04x", cp));
            }
        });
        return out.toString();
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F;
    }

    /** True for code points that must never reach a terminal raw. */
    public static boolean needsEscape(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || isBidiControl(cp)
                || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF
                || Character.getType(cp) == Character.SURROGATE;
    }

    /** Characters that reorder the text around them (the "Trojan Source" characters). */
    public static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Columns the string takes on a terminal: wide (CJK, emoji) characters take two, combining marks none. */
    public static int width(String s) {
        return s.codePoints().map(VisibleText::width).sum();
    }

    public static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200D
                || isVariationSelector(cp)) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x1F680 && cp <= 0x1F6FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** Cuts or pads to exactly {@code columns} terminal columns, marking a cut with an ellipsis. */
    public static String fit(String s, int columns) {
        int width = width(s);
        if (width <= columns) {
            return s + " ".repeat(columns - width);
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int cp : s.codePoints().toArray()) {
            int w = width(cp);
            if (used + w > columns - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
        }
        out.append('…');
        used++;
        return out + " ".repeat(Math.max(0, columns - used));
    }
}
