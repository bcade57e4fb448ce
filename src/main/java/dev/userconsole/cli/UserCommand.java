package dev.userconsole.cli;

import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.output.UserWriter;
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

    /** Prints the user a write acted on, when the command was given {@code --format}; else nothing. */
    void printIfAsked(OutputFormat format, User user) {
        if (format != null) {
            UserWriter writer = format.writer(io().out(), true);
            writer.write(user);
            writer.finish();
        }
    }
}
