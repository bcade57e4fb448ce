package dev.userconsole.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** New passwords from {@link SecureRandom}: random characters that cannot be misread, or a passphrase. */
public final class PasswordGenerator {
    public enum Style { RANDOM, PASSPHRASE }

    /** Letters and digits without those read alike (0 O o, 1 l I i): 55 symbols, log2(55) = 5.78 bits each. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz";
    /** 20 characters: 115 bits (more when MIN_PASSWORD_LENGTH asks for more). */
    public static final int LENGTH = 20;
    /** The most common English words of 4 to 8 letters, 2^13 of them: 13 bits a word. */
    static final int WORD_COUNT = 8192;
    /**
     * 5 words: 65 bits (at most 44 characters); more words while shorter than the minimum length, which is at
     * most 64, so a passphrase stays within bcrypt's 72 bytes.
     */
    public static final int PASSPHRASE_WORDS = 5;
    /** zxcvbn's (MIT) list of English Wikipedia's 30,000 most frequent words, most frequent first. */
    private static final String WORD_LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/english_wikipedia.txt";
    private static final Pattern WORD = Pattern.compile("[a-z]{4,8}");

    private final SecureRandom random = new SecureRandom();
    private List<String> words;

    public String generate(Style style) {
        return generate(style, 0);
    }

    /** A new password of at least {@code minLength} characters. */
    public String generate(Style style, int minLength) {
        return style == Style.PASSPHRASE ? passphrase(minLength) : random(Math.max(LENGTH, minLength));
    }

    private String random(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private String passphrase(int minLength) {
        List<String> list = words();
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < PASSPHRASE_WORDS || phrase.length() < minLength; i++) {
            phrase.append(i == 0 ? "" : "-").append(list.get(random.nextInt(list.size())));
        }
        return phrase.toString();
    }

    /** The word list, read from the class path on first use. */
    synchronized List<String> words() {
        if (words == null) {
            words = readWords();
        }
        return words;
    }

    private static List<String> readWords() {
        Set<String> found = new LinkedHashSet<>();
        try (InputStream in = PasswordGenerator.class.getResourceAsStream(WORD_LIST)) {
            if (in == null) {
                throw new IllegalStateException("the word list " + WORD_LIST + " is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null && found.size() < WORD_COUNT; line = lines.readLine()) {
                String word = line.strip();
                if (WORD.matcher(word).matches()) {
                    found.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() < WORD_COUNT) {
            throw new IllegalStateException("the word list " + WORD_LIST + " has too few words");
        }
        return List.copyOf(found);
    }
}
