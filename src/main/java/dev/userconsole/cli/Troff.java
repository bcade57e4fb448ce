package dev.userconsole.cli;

import java.util.ArrayList;
import java.util.List;

/** Lines of a man(7) page: macros, and text escaped so that troff prints it exactly as written. */
final class Troff {
    private final List<String> lines = new ArrayList<>();

    /** A macro line ({@code .SH NAME}); its arguments are escaped, and quoted when they hold a space. */
    Troff macro(String name, String... arguments) {
        StringBuilder line = new StringBuilder(".").append(name);
        for (String argument : arguments) {
            String escaped = escape(argument);
            line.append(' ').append(escaped.isEmpty() || escaped.contains(" ") ? "\"" + escaped + "\"" : escaped);
        }
        lines.add(line.toString());
        return this;
    }

    /** A comment line, which troff does not print. */
    Troff comment(String text) {
        lines.add(".\\\" " + escape(text));
        return this;
    }

    /** Running text: one line per line of {@code text}, each escaped and never read as a macro. */
    Troff text(String text) {
        for (String line : text.split("\n", -1)) {
            String escaped = escape(line.strip());
            lines.add(escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped);
        }
        return this;
    }

    /** A line already in troff, made of escaped parts ({@link #bold}, {@link #italic}, {@link #escape}). */
    Troff raw(String troff) {
        lines.add(troff.startsWith(".") || troff.startsWith("'") ? "\\&" + troff : troff);
        return this;
    }

    static String bold(String text) {
        return "\\fB" + escape(text) + "\\fR";
    }

    static String italic(String text) {
        return "\\fI" + escape(text) + "\\fR";
    }

    /**
     * Backslashes printed as such, every hyphen a minus sign (option names copied from the page then work),
     * and anything outside printable ASCII as its Unicode code point, which groff reads whatever the locale.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\\') {
                out.append("\\e");
            } else if (c == '-') {
                out.append("\\-");
            } else if (c < ' ' || c == 0x7f) {
                out.append(' ');
            } else if (c > 0x7e) {
                out.append(String.format("\\[u%04X]", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public String toString() {
        return String.join("\n", lines) + "\n";
    }
}
