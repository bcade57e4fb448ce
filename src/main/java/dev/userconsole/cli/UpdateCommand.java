package dev.userconsole.cli;

import dev.userconsole.config.Settings;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.PasswordContext;
import dev.userconsole.users.PasswordPolicy;
import dev.userconsole.users.User;
import dev.userconsole.users.UserChanges;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.WriteGuard;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.output.OutputFormat;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a user's names and/or password. Only the fields given change; the write is refused"
                + " if someone else changed the user in the meantime.")
final class UpdateCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.UserFormats.class,
            description = "Also print the updated user on stdout: table, json, jsonl or csv (default: print nothing).")
    OutputFormat format;

    @Option(names = "--first-name", paramLabel = "NAME")
    String firstName;

    @Option(names = "--last-name", paramLabel = "NAME")
    String lastName;

    @Option(names = "--new-password", description = "Set a new password, asked for on the terminal (twice).")
    boolean newPassword;

    @Option(names = "--password-stdin", description = "Read the new password from the first line of standard input.")
    boolean passwordStdin;

    private UserChanges changes;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
        if (firstName == null && lastName == null && !newPassword && !passwordStdin) {
            throw new ConsoleException(Problem.NOTHING_TO_UPDATE,
                    "Nothing to update: give --first-name, --last-name or --new-password.");
        }
        if (firstName != null) {
            UserValidator.firstName(firstName);
        }
        if (lastName != null) {
            UserValidator.lastName(lastName);
        }
        // checked again, against the stored names too, once the user is read
        Settings settings = root.settings(false);
        String password = newPassword || passwordStdin
                ? PasswordPolicy.of(settings).check(PasswordInput.read(io(), passwordStdin, "New password", true),
                        new PasswordContext(email, firstName, lastName, settings.tableName()))
                : null;
        changes = new UserChanges(firstName, lastName, password);
    }

    @Override
    int run(UserController users) {
        User read = users.get(email);
        Written written = users.update(read, changes);
        User updated = written.user();
        // the version replaced tells an administrator (and the load test) which change this one followed
        report(written, "Updated user " + VisibleText.of(updated.emailAddress()) + " (dateUpdated was "
                + (read.dateUpdated() == null ? "never set" : VisibleText.of(read.dateUpdated())) + ", now "
                + VisibleText.of(updated.dateUpdated()) + ").");
        printIfAsked(format, updated);
        return 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.UPDATE;
    }

    @Override
    String email() {
        return email;
    }

    @Override
    List<String> fields() {
        return changes == null ? List.of() : WriteGuard.changedFields(changes);
    }
}
