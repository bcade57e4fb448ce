package dev.userconsole.users;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a stored {@code password} value is, without the value itself: the faces and the health report show
 * this, never the hash. A locked account's hash carries a {@code !} prefix (as {@code passwd -l} does), so no
 * bcrypt checker (the original app's bcryptjs, Python's bcrypt, jBCrypt) can match any password against it,
 * and removing the prefix makes the old password work again.
 *
 * @param kind    what the value is
 * @param locked  whether it carries the lock prefix (the rest is then described by {@code kind})
 * @param version the bcrypt revision ({@code 2a}, {@code 2b}, {@code 2y}) when {@code kind} is
 *                {@link Kind#BCRYPT}, else {@code null}
 * @param cost    the bcrypt cost (log2 of its rounds) when {@code kind} is {@link Kind#BCRYPT}, else 0
 */
public record StoredHash(Kind kind, boolean locked, String version, int cost) {
    /** Put before a hash to lock the account. */
    public static final String LOCK_PREFIX = "!";

    private static final Pattern BCRYPT = Pattern.compile("\\$(2[aby])\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    public enum Kind {
        /** No password attribute, or one that is not a string. */
        MISSING,
        EMPTY,
        BCRYPT,
        /** Plaintext, another scheme, or a damaged bcrypt hash: no password can match it. */
        NOT_BCRYPT
    }

    /** Describes a stored value; {@code null} is a missing attribute. */
    public static StoredHash of(String stored) {
        if (stored == null) {
            return new StoredHash(Kind.MISSING, false, null, 0);
        }
        boolean locked = stored.startsWith(LOCK_PREFIX);
        String hash = locked ? stored.substring(LOCK_PREFIX.length()) : stored;
        if (hash.isEmpty()) {
            return new StoredHash(Kind.EMPTY, locked, null, 0);
        }
        Matcher bcrypt = BCRYPT.matcher(hash);
        if (bcrypt.matches()) {
            return new StoredHash(Kind.BCRYPT, locked, bcrypt.group(1), Integer.parseInt(bcrypt.group(2)));
        }
        return new StoredHash(Kind.NOT_BCRYPT, locked, null, 0);
    }

    /** The stored value with the lock prefix added (a value already locked is returned as it is). */
    public static String lock(String stored) {
        return stored.startsWith(LOCK_PREFIX) ? stored : LOCK_PREFIX + stored;
    }

    /** The stored value without the lock prefix. */
    public static String unlock(String stored) {
        return stored.startsWith(LOCK_PREFIX) ? stored.substring(LOCK_PREFIX.length()) : stored;
    }

    public boolean isBcrypt() {
        return kind == Kind.BCRYPT;
    }

    /** A bcrypt hash cheaper to attack than {@code minimumCost}. */
    public boolean weakerThan(int minimumCost) {
        return kind == Kind.BCRYPT && cost < minimumCost;
    }

    /** "bcrypt $2a$, cost 10", "not a bcrypt hash", "locked (bcrypt $2b$, cost 12)". */
    public String describe() {
        String what = switch (kind) {
            case MISSING -> "no password";
            case EMPTY -> "empty";
            case BCRYPT -> "bcrypt $" + version + "$, cost " + cost;
            case NOT_BCRYPT -> "not a bcrypt hash";
        };
        return locked ? "locked (" + what + ")" : what;
    }
}
