package dev.userconsole.text;

import java.util.ArrayList;
import java.util.List;

/** Word-wraps text to a width in terminal columns; a word longer than the width is cut across lines. */
public final class Wrap {
    private Wrap() {
    }

    public static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                while (VisibleText.width(word) > width) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    int cut = cutIndex(word, width);
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                if (line.length() > 0 && VisibleText.width(line.toString()) + 1 + VisibleText.width(word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                } else if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static int cutIndex(String word, int width) {
        int used = 0;
        int index = 0;
        while (index < word.length()) {
            int cp = word.codePointAt(index);
            if (used + VisibleText.width(cp) > width) {
                break;
            }
            used += VisibleText.width(cp);
            index += Character.charCount(cp);
        }
        return Math.max(index, Character.charCount(word.codePointAt(0)));
    }
}
