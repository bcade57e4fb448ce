package dev.userconsole.users;

import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.text.VisibleText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises what people type. Every refusal names the field and says why. */
public final class UserValidator {
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads only the first 72 bytes; longer passwords would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** DynamoDB's limit for a partition key value. */
    private static final int MAX_KEY_BYTES = 2048;

    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private UserValidator() {
    }

    /** Trims and lower-cases; refuses anything that is not a plain address. */
    public static String email(String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new InvalidInputException("email", "is required");
        }
        if (email.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidInputException("email", "is longer than " + MAX_EMAIL_LENGTH + " characters");
        }
        if (!EMAIL.matcher(email).matches() || email.indexOf('@') > 64) {
            throw new InvalidInputException("email", "\"" + VisibleText.of(email)
                    + "\" is not an address like name@example.com (plain ASCII letters, digits and . _ + -)");
        }
        return email;
    }

    /**
     * A key to look a user up by. Stored keys may predate validation, so anything non-empty that
     * DynamoDB accepts as a key is allowed; it is matched exactly, then in normalised form.
     */
    public static String lookupKey(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("email", "is required");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new InvalidInputException("email", "is longer than any stored key can be");
        }
        return raw;
    }

    /**
     * The form every key is stored in here: without surrounding whitespace, lower-cased ({@link Locale#ROOT}).
     * Keys other tools stored may differ from it; the health report finds and moves them.
     */
    public static String normalisedKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }

    public static String firstName(String raw) {
        return name("first name", raw);
    }

    public static String lastName(String raw) {
        return name("last name", raw);
    }

    private static String name(String field, String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(VisibleText::needsEscape)) {
            throw new InvalidInputException(field, "contains control or text-direction characters");
        }
        return name;
    }

    /** Refuses, never truncates: a password bcrypt would cut must not be accepted. */
    public static String password(String raw) {
        String password = raw == null ? "" : raw;
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", "must be at most " + MAX_PASSWORD_BYTES
                    + " bytes in UTF-8 (bcrypt ignores the rest)");
        }
        if (password.codePoints().anyMatch(cp -> cp < 0x20 || cp == 0x7F)) {
            throw new InvalidInputException("password", "contains control characters");
        }
        return password;
    }
}
