package dev.userconsole.users;

import dev.userconsole.config.Settings;
import dev.userconsole.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which new passwords are accepted, after NIST SP 800-63B: long enough ({@code MIN_PASSWORD_LENGTH}
 * characters, 8 by default), at most 72 UTF-8 bytes (bcrypt ignores the rest, so longer ones are refused,
 * never cut), no control characters, not one character repeated nor a run like {@code abcdefgh}, not on
 * the list of common passwords, and not a context word (the user's email or its local part, a name, the
 * table's name), also not with digits or symbols added at the end. No composition rules: any
 * character, in any mix, is allowed. Every refusal names the field "password" and says why, in one sentence.
 */
public final class PasswordPolicy {
    /** bcrypt reads only the first 72 bytes; longer passwords would be silently cut. */
    public static final int MAX_BYTES = 72;
    /** The policy with the default minimum length. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(Settings.DEFAULT_MIN_PASSWORD_LENGTH);

    private static final String FIELD = "password";

    private final int minLength;

    public PasswordPolicy(int minLength) {
        if (minLength < Settings.MIN_MIN_PASSWORD_LENGTH || minLength > Settings.MAX_MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("minimum password length " + minLength + " is outside "
                    + Settings.MIN_MIN_PASSWORD_LENGTH + ".." + Settings.MAX_MIN_PASSWORD_LENGTH);
        }
        this.minLength = minLength;
    }

    public static PasswordPolicy of(Settings settings) {
        return new PasswordPolicy(settings.minPasswordLength());
    }

    public int minLength() {
        return minLength;
    }

    /**
     * Returns the password unchanged when it is acceptable for the user the context describes.
     *
     * @throws InvalidInputException for field "password", saying why it is refused (never quoting it)
     */
    public String check(String password, PasswordContext context) {
        Objects.requireNonNull(context, "context");
        String typed = password == null ? "" : password;
        if (typed.codePointCount(0, typed.length()) < minLength) {
            throw refused("must be at least " + minLength + " characters");
        }
        if (typed.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt ignores the rest)");
        }
        if (typed.codePoints().anyMatch(cp -> cp < 0x20 || cp == 0x7F)) {
            throw refused("contains control characters");
        }
        int[] codePoints = typed.codePoints().toArray();
        if (steps(codePoints, 0)) {
            throw refused("is one character repeated, which is guessed at once");
        }
        if (steps(codePoints, 1) || steps(codePoints, -1)) {
            throw refused("is a run of consecutive characters (like abcdefgh or 87654321), which is guessed at once");
        }
        if (CommonPasswords.contains(typed)) {
            throw refused(String.format(Locale.ROOT,
                    "is one of the %,d most common passwords, which attackers try first", CommonPasswords.size()));
        }
        String word = typed.strip().toLowerCase(Locale.ROOT);
        String stem = stem(word);
        for (Map.Entry<String, String> known : context.words().entrySet()) {
            String knownStem = stem(known.getKey());
            if (word.equals(known.getKey()) || (!knownStem.isEmpty() && stem.equals(knownStem))) {
                throw refused("must not be " + known.getValue() + ", also not with digits or symbols added");
            }
        }
        return typed;
    }

    /** Whether each code point is the one before plus {@code step}. */
    private static boolean steps(int[] codePoints, int step) {
        for (int i = 1; i < codePoints.length; i++) {
            if (codePoints[i] != codePoints[i - 1] + step) {
                return false;
            }
        }
        return true;
    }

    /** The word without what people append to make it "different": trailing digits, symbols and spaces. */
    private static String stem(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetter(word.codePointBefore(end))) {
            end -= Character.charCount(word.codePointBefore(end));
        }
        return word.substring(0, end);
    }

    private static InvalidInputException refused(String reason) {
        return new InvalidInputException(FIELD, reason);
    }
}
