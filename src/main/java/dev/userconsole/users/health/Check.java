package dev.userconsole.users.health;

import dev.userconsole.config.Settings;

/**
 * What the health report looks for, in the order it reports them. {@link #code()} is the stable name in
 * {@code doctor --format json}; a {@link #problem()} check makes the table unhealthy (exit code 1), the
 * others are information (a locked account is deliberate; every revision of bcrypt checks).
 */
public enum Check {
    WEAK_HASH("weak-hash", true, FixKind.LOCK,
            "bcrypt hashes with a cost below the minimum " + Settings.MIN_BCRYPT_COST),
    NOT_BCRYPT("not-bcrypt", true, FixKind.LOCK,
            "passwords that are not bcrypt hashes (missing, empty, plaintext, other schemes)"),
    KEY_NOT_NORMALISED("key-not-normalised", true, FixKind.KEYS,
            "keys not in normalised form (upper case, surrounding spaces)"),
    KEY_TWINS("key-twins", true, null,
            "keys that differ only by case or spaces (twins: a person must merge them)"),
    MISSING_ATTRIBUTES("missing-attributes", true, null,
            "items missing required attributes"),
    WRONG_TYPES("wrong-types", true, null,
            "attributes of the wrong type (every one is a string, S)"),
    DATE_NOT_ISO("date-not-iso", true, FixKind.DATES,
            "dates not in ISO-8601 UTC with milliseconds (2023-09-20T14:03:11.123Z)"),
    LOCKED("locked", false, null,
            "locked accounts"),
    MIXED_REVISIONS("mixed-revisions", false, null,
            "bcrypt hashes of a revision other than the most common one");

    private final String code;
    private final boolean problem;
    private final FixKind fix;
    private final String title;

    Check(String code, boolean problem, FixKind fix, String title) {
        this.code = code;
        this.problem = problem;
        this.fix = fix;
        this.title = title;
    }

    public String code() {
        return code;
    }

    /** Whether a finding of this check makes the table unhealthy. */
    public boolean problem() {
        return problem;
    }

    /** The fix offered for it, or {@code null} when none is safe. */
    public FixKind fix() {
        return fix;
    }

    public String title() {
        return title;
    }
}
