package dev.userconsole.users.health;

import java.util.List;

/**
 * What one check found: the users concerned, each with a description. Never a password or hash: only what
 * the stored value is ({@code bcrypt $2a$, cost 4}, {@code not a bcrypt hash (argon2)}).
 */
public record Finding(Check check, List<Entry> entries) {

    /** One user a check is about: the key exactly as stored, and what is wrong with it. */
    public record Entry(String email, String detail) {
    }

    public long count() {
        return entries.size();
    }
}
