package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a user, after confirmation on the terminal unless --yes is given.",
                "With --filter or --emails-from: previews the users, asks for their count (or --yes --expect N),"
                        + " deletes each as previewed (one changed since is kept) and says what happened to each."})
final class DeleteCommand extends UserCommand {
    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Mixin
    BulkOptions bulk = new BulkOptions();

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.UserFormats.class,
            description = "Also print the deleted user on stdout: table, json, jsonl or csv (default: print nothing).")
    OutputFormat format;

    @Option(names = "--permanent", description = "Do not keep the user in the trash: it cannot be undeleted.")
    boolean permanent;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (with --filter or --emails-from,"
            + " needs --expect N).")
    boolean yes;

    @Override
    void validateInput() {
        bulk.validate(email, yes, io());
        if (!yes && io().console() == null) {
            throw new ConsoleException(Problem.INVALID_INPUT,
                    "There is no terminal to confirm the deletion on; add --yes to delete without asking.");
        }
    }

    @Override
    int run(UserController users) {
        if (bulk.chosen()) {
            return new BulkWork(io(), bulk, yes, root.settings(false).place()).run(users,
                    permanent ? BulkAction.DELETE_PERMANENTLY : BulkAction.DELETE, null);
        }
        String key = email;
        if (!yes) {
            User user = users.get(email);
            String answer = io().console().readLine("Delete user %s (%s %s) from %s" + (permanent ? " permanently"
                    : "") + "? [y/N] ",
                    VisibleText.of(user.emailAddress()), VisibleText.of(user.firstName()), VisibleText.of(user.lastName()),
                    root.settings(false).place());
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                io().err().println("Nothing deleted.");
                return 1;
            }
            key = user.emailAddress();
        }
        Written deleted = permanent ? users.deletePermanently(key) : users.delete(key);
        report(deleted, "Deleted user " + VisibleText.of(deleted.user().emailAddress()) + (permanent
                ? " permanently." : "; it is kept in the trash table " + users.trashTableName()
                + " (undelete --email puts it back)."));
        printIfAsked(format, deleted.user());
        return 0;
    }

    @Override
    WriteAction writes() {
        return bulk.chosen() ? WriteAction.BULK_DELETE : WriteAction.DELETE;
    }

    @Override
    String email() {
        return email;
    }
}
