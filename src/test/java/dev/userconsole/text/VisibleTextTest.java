package dev.userconsole.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void printableTextPatternRefusesExactlyWhatNeedsEscaping() {
        for (int cp = 0; cp < 0x10000; cp++) {
            if (Character.getType(cp) != Character.SURROGATE) {
                boolean printable = VisibleText.PRINTABLE_TEXT.matcher(Character.toString(cp)).matches();
                assertEquals(!VisibleText.needsEscape(cp), printable, String.format("U+%04X", cp));
            }
        }
        assertEquals(true, VisibleText.PRINTABLE_TEXT.matcher("Zoë 山田 🙂").matches());
    }

    @Test
    void onScreenEveryCharacterTakesTheColumnsWidthSays() {
        assertEquals("Jos\u00e9", VisibleText.forScreen("Jose\u0301"), "composed");
        assertEquals("\u2764", VisibleText.forScreen("\u2764\ufe0f"), "variation selector dropped");
        assertEquals("👨\\u200d👩", VisibleText.forScreen("👨\u200d👩"));
        assertEquals("q\\u0307\\x1b", VisibleText.forScreen("q\u0307\u001b"), "no composed form: escaped");
        String plain = "Zoë 山田 🙂";
        assertSame(plain, VisibleText.forScreen(plain));
        for (String s : new String[] {"Jose\u0301", "👨\u200d👩\u200d👧", "a\u20dd"}) {
            String shown = VisibleText.forScreen(s);
            assertTrue(shown.codePoints().allMatch(cp -> VisibleText.width(cp) > 0), shown);
        }
    }

    @Test
    void plainTextIsUnchanged() {
        String text = "Zoë 山田 🙂";
        assertSame(text, VisibleText.of(text));
    }

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("\\x1b[31mred\\x07", VisibleText.of("\u001b[31mred\u0007"));
        assertEquals("a\\x7fb\\x9bc\\x00", VisibleText.of("a\u007fb\u009bc\u0000"));
        assertEquals("line\\x0d\\x0anext", VisibleText.of("line\r\nnext"));
    }

    @Test
    void bidiOverridesAndSeparatorsBecomeVisibleEscapes() {
        assertEquals("abc\\u202exyz\\u2066", VisibleText.of("abc\u202exyz\u2066"));
        assertEquals("a\\u2028b", VisibleText.of("a\u2028b"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", VisibleText.of(null));
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        assertEquals(4, VisibleText.width("山田"));
        assertEquals(2, VisibleText.width("🙂"));
        assertEquals(3, VisibleText.width("Zoe\u0301"));
    }

    @Test
    void fitPadsAndCutsByColumns() {
        assertEquals("ab  ", VisibleText.fit("ab", 4));
        assertEquals("山… ", VisibleText.fit("山田太郎", 4));
        assertEquals(4, VisibleText.width(VisibleText.fit("山田太郎", 4)));
        assertEquals("abc…", VisibleText.fit("abcdef", 4));
    }
}
