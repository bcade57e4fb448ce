package dev.userconsole.cli.output;

import dev.userconsole.users.User;
import java.util.List;
import java.util.function.Function;

/** The columns every format shows, named as the stored attributes are. */
final class Columns {
    static final List<String> NAMES = List.of(User.EMAIL, User.FIRST_NAME, User.LAST_NAME, User.DATE_CREATED,
            User.DATE_UPDATED);
    static final List<Function<User, String>> VALUES = List.of(User::emailAddress, User::firstName,
            User::lastName, User::dateCreated, User::dateUpdated);

    private Columns() {
    }
}
