package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a user, after confirmation on the terminal unless --yes is given.")
final class DeleteCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Also print the deleted user on stdout: table, json, jsonl or csv (default: print nothing).")
    OutputFormat format;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
        if (!yes && io().console() == null) {
            throw new ConsoleException(Problem.INVALID_INPUT,
                    "There is no terminal to confirm the deletion on; add --yes to delete without asking.");
        }
    }

    @Override
    int run(UserController users) {
        String key = email;
        if (!yes) {
            User user = users.get(email);
            String answer = io().console().readLine("Delete user %s (%s %s) from %s? [y/N] ",
                    VisibleText.of(user.emailAddress()), VisibleText.of(user.firstName()), VisibleText.of(user.lastName()),
                    root.settings(false).place());
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                io().err().println("Nothing deleted.");
                return 1;
            }
            key = user.emailAddress();
        }
        Written deleted = users.delete(key);
        report(deleted, "Deleted user " + VisibleText.of(deleted.user().emailAddress()) + ".");
        printIfAsked(format, deleted.user());
        return 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.DELETE;
    }

    @Override
    String email() {
        return email;
    }
}
