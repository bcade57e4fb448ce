package dev.userconsole.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {
    @Test
    void wrapsAtWordsAndCutsWordsLongerThanALine() {
        assertEquals(List.of("one two", "three"), Wrap.lines("one two three", 8));
        assertEquals(List.of("a", "/very/lon", "g/path"), Wrap.lines("a /very/long/path", 9));
        assertEquals(List.of("first", "", "second"), Wrap.lines("first\n\nsecond", 20));
        assertEquals(List.of("山田", "太郎"), Wrap.lines("山田太郎", 4));
    }
}
