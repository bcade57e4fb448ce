package dev.userconsole.users.query;

import dev.userconsole.users.StoredHash;

/** What {@code hash:} asks about, by the health report's rules: a locked hash is only locked. */
enum HashState {
    /** A bcrypt hash of at least the minimum cost. */
    OK,
    /** A bcrypt hash cheaper than the minimum cost. */
    WEAK,
    /** Missing, empty, plaintext or another scheme: no password can match it. */
    INVALID,
    LOCKED;

    static HashState of(StoredHash hash, int minimumCost) {
        if (hash.locked()) {
            return LOCKED;
        }
        if (!hash.isBcrypt()) {
            return INVALID;
        }
        return hash.weakerThan(minimumCost) ? WEAK : OK;
    }
}
