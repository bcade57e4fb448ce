package dev.userconsole.cli;

import dev.userconsole.users.UserController;
import dev.userconsole.users.Written;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A command that works on the users table: connects, runs, and always closes the connection. */
abstract class UserCommand implements Callable<Integer> {
    @ParentCommand
    UserConsoleCommand root;

    @Override
    public final Integer call() {
        validateInput();
        try (UserController users = root.connect()) {
            return run(users);
        }
    }

    /** Checks what needs no database, so bad input fails fast and before any connection is made. */
    void validateInput() {
    }

    abstract int run(UserController users);

    Io io() {
        return root.io();
    }

    /** Says what a write did: first how it was found out, when its answer was lost and it was checked. */
    void report(Written written, String done) {
        written.note().ifPresent(io().err()::println);
        io().err().println(done);
    }
}
