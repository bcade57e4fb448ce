package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.ScanCost;
import dev.userconsole.users.UserController;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --yes} of commands that scan the whole table: a scan of more than 100 MB is confirmed first. */
final class LargeScanConfirmation {
    @Option(names = {"-y", "--yes"}, description = "Scan a table of more than 100 MB without asking.")
    boolean yes;

    /** Whether to go on: asked on the terminal; refused without one unless --yes. */
    boolean confirmed(Io io, UserController users, boolean consistent) {
        return yes || asked(io, users, consistent);
    }

    /** Whether to go on when nothing waived the question: asked on the terminal; refused without one. */
    static boolean asked(Io io, UserController users, boolean consistent) {
        Optional<ScanCost> cost = users.largeScanCost(consistent);
        if (cost.isEmpty()) {
            return true;
        }
        if (io.console() == null) {
            throw new ConsoleException(Problem.INVALID_INPUT, cost.get().sentence()
                    + " There is no terminal to confirm it on; add --yes to scan without asking.");
        }
        String answer = io.console().readLine("%s Scan it? [y/N] ", cost.get().sentence());
        if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
            io.err().println("Nothing scanned.");
            return false;
        }
        return true;
    }
}
