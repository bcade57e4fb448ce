package dev.userconsole.users;

import dev.userconsole.config.Settings;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.text.VisibleText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and normalises what people type. Every refusal names the field and says why. Passwords are
 * checked by {@link PasswordPolicy}.
 */
public final class UserValidator {
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_LOCK_REASON_LENGTH = 200;
    /** The default of {@link PasswordPolicy}, which checks passwords (MIN_PASSWORD_LENGTH may raise it). */
    public static final int MIN_PASSWORD_LENGTH = Settings.DEFAULT_MIN_PASSWORD_LENGTH;
    public static final int MAX_PASSWORD_BYTES = PasswordPolicy.MAX_BYTES;
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

    /** Why an account is locked: optional ({@code null} when blank), else checked like a name. */
    public static String lockReason(String raw) {
        return raw == null || raw.isBlank() ? null : text("reason", raw, MAX_LOCK_REASON_LENGTH);
    }

    private static String name(String field, String raw) {
        return text(field, raw, MAX_NAME_LENGTH);
    }

    private static String text(String field, String raw, int maxLength) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        if (name.codePointCount(0, name.length()) > maxLength) {
            throw new InvalidInputException(field, "is longer than " + maxLength + " characters");
        }
        if (name.codePoints().anyMatch(VisibleText::needsEscape)) {
            throw new InvalidInputException(field, "contains control or text-direction characters");
        }
        return name;
    }
}
