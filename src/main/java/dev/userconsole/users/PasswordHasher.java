package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt via jBCrypt. Hashes written by bcryptjs 3 ({@code $2b$}) and PHP ({@code $2y$}) are checked too:
 * for passwords of at most 72 bytes those revisions compute exactly what {@code $2a$} does, but jBCrypt
 * only accepts the {@code $2a$} prefix.
 */
public final class PasswordHasher {
    private final int cost;

    public PasswordHasher(int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    public boolean matches(String password, String storedHash) {
        if (!isBcryptHash(storedHash)) {
            throw unusable();
        }
        try {
            return BCrypt.checkpw(password, "$2a$" + storedHash.substring(4));
        } catch (IllegalArgumentException e) {
            throw unusable();
        }
    }

    /** A well-formed {@code $2a$}, {@code $2b$} or {@code $2y$} hash with cost 04..31. */
    public static boolean isBcryptHash(String value) {
        StoredHash stored = StoredHash.of(value);
        return stored.isBcrypt() && !stored.locked();
    }

    private static ConsoleException unusable() {
        return new ConsoleException(Problem.UNUSABLE_STORED_HASH,
                "The stored password of this user is not a bcrypt hash, so no password can match it; set a new one.");
    }
}
