package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;

/** The trash table does not exist: a delete that keeps users, the trash listing and undelete cannot go on. */
public final class TrashMissingException extends ConsoleException {
    private final String table;

    TrashMissingException(String table, String message) {
        super(Problem.TABLE_MISSING, message);
        this.table = table;
    }

    /** The trash table's name. */
    public String table() {
        return table;
    }
}
