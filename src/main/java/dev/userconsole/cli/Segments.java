package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.UserController;

/** The {@code --segments} option of list and export: parallel scan segments. */
final class Segments {
    static final int MAX = 64;

    private Segments() {
    }

    static void check(int segments) {
        if (segments < 0 || segments > MAX) {
            throw new ConsoleException(Problem.INVALID_INPUT, "--segments must be from 1 to " + MAX + ".");
        }
    }

    /** 0 means "choose": the controller knows what suits the database it is connected to. */
    static int choose(int requested, UserController users) {
        return requested > 0 ? requested : users.defaultScanSegments();
    }
}
