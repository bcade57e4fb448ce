package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back what OSC 52 sequences put on the clipboard, as a terminal would. */
final class Osc52 {
    private static final Pattern SEQUENCE = Pattern.compile("\u001b\\]52;c;([A-Za-z0-9+/=]*)\u0007");

    private Osc52() {
    }

    /** The texts the bytes copy, in order; fails if the bytes hold anything but whole sequences. */
    static List<String> copied(byte[] bytes) {
        String written = new String(bytes, StandardCharsets.US_ASCII);
        Matcher matcher = SEQUENCE.matcher(written);
        List<String> texts = new ArrayList<>();
        int end = 0;
        while (matcher.find()) {
            assertTrue(matcher.start() == end, "only OSC 52 sequences were written: " + written);
            texts.add(new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8));
            end = matcher.end();
        }
        assertTrue(end == written.length(), "only OSC 52 sequences were written: " + written);
        return texts;
    }

    /** The one text one sequence copies. */
    static String decode(byte[] sequence) {
        List<String> texts = copied(sequence);
        assertTrue(texts.size() == 1, "one sequence: " + texts);
        return texts.get(0);
    }
}
