package dev.userconsole.users.output;

import dev.userconsole.users.StoredUser;
import dev.userconsole.users.User;

/** Writes users to standard output in one format, streaming: rows go out as they arrive. */
public interface UserWriter {

    void write(User user);

    /** Writes a user with its password hash, for writers made to include hashes; others leave it out. */
    default void write(StoredUser stored) {
        write(stored.user());
    }

    /**
     * Completes the output (pending rows, closing brackets); called only when every user was written, so
     * output cut short by an error never looks complete. Does not close standard output.
     */
    void finish();
}
