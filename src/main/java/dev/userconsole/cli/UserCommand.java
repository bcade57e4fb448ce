package dev.userconsole.cli;

import dev.userconsole.users.DeniedWrite;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.WriteGuard;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.output.UserWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A command that works on the users table: connects, runs, and always closes the connection. */
abstract class UserCommand implements Callable<Integer> {
    @ParentCommand
    UserConsoleCommand root;

    @Override
    public final Integer call() {
        if (writes() == null) {
            validateInput();
            try (UserController users = root.connect()) {
                return run(users);
            }
        }
        WriteGuard guard = WriteGuard.of(root.settings(false));
        try {
            // refuses in read-only mode before anything is asked for
            guard.allow(writes(), email(), List.of());
            validateInput();
            try (UserController users = root.connect()) {
                return run(users);
            }
        } catch (RuntimeException | Error e) {
            // one audit line per attempt: the controller records what fails inside it, this the rest (input,
            // connection, a read before the write)
            guard.ended(writes(), email(), fields(), e);
            // the read a write command makes first (to confirm, to check the version) may be the refused step
            if (e instanceof RuntimeException failure) {
                throw DeniedWrite.nothingWritten(failure);
            }
            throw e;
        }
    }

    /** Checks what needs no database, so bad input fails fast and before any connection is made. */
    void validateInput() {
    }

    /** The write this command makes, or {@code null} when it only reads. */
    WriteAction writes() {
        return null;
    }

    /** The email the command is about, for the audit log; {@code null} when none. */
    String email() {
        return null;
    }

    /** The names of the fields the write changes, for the audit log, once known. */
    List<String> fields() {
        return List.of();
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

    /** Says what a write did: first how it was found out, when its answer was lost and it was checked. */
    void report(Written written, String done) {
        written.note().ifPresent(io().err()::println);
        io().err().println(done);
    }
}
