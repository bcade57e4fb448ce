package dev.userconsole.users.output;

import dev.userconsole.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The columns every format shows, named as the stored attributes are, then whether the user is locked. */
final class Columns {
    static final List<String> NAMES = List.of(User.EMAIL, User.FIRST_NAME, User.LAST_NAME, User.DATE_CREATED,
            User.DATE_UPDATED);
    static final List<Function<User, String>> VALUES = List.of(User::emailAddress, User::firstName,
            User::lastName, User::dateCreated, User::dateUpdated);
    /** Whether the user is locked (the hash's ! prefix): a column of every listing and export. */
    static final String LOCKED = "locked";
    /** The hash column of exports made for backups, named as {@code import} expects it. */
    static final String HASH = "passwordHash";

    static List<String> names(boolean includeHashes) {
        List<String> names = new ArrayList<>(NAMES);
        names.add(LOCKED);
        if (includeHashes) {
            names.add(HASH);
        }
        return names;
    }

    private Columns() {
    }
}
