package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {
    private static final PasswordPolicy POLICY = PasswordPolicy.DEFAULT;
    private static final PasswordContext CONTEXT = new PasswordContext("ann@example.com", "Ann", "Lee", "User");
    private final PasswordGenerator generator = new PasswordGenerator();

    @Test
    void randomPasswordsAreLongUnambiguousValidAndDifferent() {
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String password = generator.generate(PasswordGenerator.Style.RANDOM);
            assertEquals(20, password.length());
            assertTrue(password.length() >= 16);
            for (char c : password.toCharArray()) {
                assertTrue(PasswordGenerator.ALPHABET.indexOf(c) >= 0, password);
                used.add(c);
            }
            assertEquals(password, POLICY.check(password, CONTEXT));
            assertTrue(seen.add(password), "a repeat after " + i);
        }
        for (char ambiguous : "0Oo1lIi".toCharArray()) {
            assertEquals(-1, PasswordGenerator.ALPHABET.indexOf(ambiguous), "" + ambiguous);
        }
        assertEquals(55, PasswordGenerator.ALPHABET.chars().distinct().count());
        // 40,000 draws from 55 symbols: every one turns up
        assertEquals(55, used.size());
        // 20 * log2(55) = 115.6 bits
        assertTrue(PasswordGenerator.LENGTH * Math.log(55) / Math.log(2) > 115);
    }

    @Test
    void passphrasesAreFiveListedWordsOfAtLeastSixtyBits() {
        List<String> words = generator.words();
        assertEquals(8192, words.size());
        assertEquals(words.size(), new HashSet<>(words).size(), "no word twice");
        assertTrue(words.stream().allMatch(w -> w.matches("[a-z]{4,8}")));
        // 5 words of 2^13: 65 bits
        double bits = PasswordGenerator.PASSPHRASE_WORDS * Math.log(words.size()) / Math.log(2);
        assertEquals(65.0, bits, 1e-9);
        assertTrue(bits >= 60);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String phrase = generator.generate(PasswordGenerator.Style.PASSPHRASE);
            String[] parts = phrase.split("-");
            assertEquals(5, parts.length, phrase);
            for (String part : parts) {
                assertTrue(words.contains(part), part);
            }
            assertEquals(phrase, POLICY.check(phrase, CONTEXT));
            assertTrue(phrase.length() <= 44);
            assertTrue(seen.add(phrase));
        }
        assertFalse(words.contains("the"), "words have at least four letters");
    }

    @Test
    void aRaisedMinimumLengthGetsLongerPasswordsThatItsPolicyAccepts() {
        for (int min : new int[] {15, 21, 40, 64}) {
            PasswordPolicy policy = new PasswordPolicy(min);
            for (int i = 0; i < 50; i++) {
                String random = generator.generate(PasswordGenerator.Style.RANDOM, min);
                assertEquals(Math.max(PasswordGenerator.LENGTH, min), random.length());
                assertEquals(random, policy.check(random, CONTEXT));
                String phrase = generator.generate(PasswordGenerator.Style.PASSPHRASE, min);
                assertTrue(phrase.length() >= min, phrase);
                assertEquals(phrase, policy.check(phrase, CONTEXT));
            }
        }
    }
}
