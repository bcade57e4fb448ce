package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.NewPassword;
import dev.userconsole.users.PasswordGenerator;
import dev.userconsole.users.UserController;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.output.PasswordFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = {"Set a new random password (" + PasswordGenerator.LENGTH + " characters that cannot be"
                + " misread) and print it once on stdout, one line; it is never logged, audited or kept.",
                "A locked user stays locked unless --unlock is given.",
                "With --filter or --emails-from: previews the users, asks for their count (or --yes --expect N),"
                        + " resets each as previewed and writes the new passwords only to --passwords-to FILE."})
final class ResetPasswordCommand extends UserCommand {
    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Mixin
    BulkOptions bulk = new BulkOptions();

    @Option(names = {"-y", "--yes"}, description = "With --filter or --emails-from: do not ask (needs --expect N).")
    boolean yes;

    @Option(names = "--passwords-to", paramLabel = "FILE", description = "With --filter or --emails-from: the new"
            + " file (rw-------) that gets each new password, one email,password line each; they are never shown.")
    Path passwordsTo;

    @Option(names = "--passphrase", description = "A passphrase of " + PasswordGenerator.PASSPHRASE_WORDS
            + " common English words instead (65 bits).")
    boolean passphrase;

    @Option(names = "--unlock", description = "Also unlock the user.")
    boolean unlock;

    @Override
    void validateInput() {
        bulk.validate(email, yes, io());
        if (bulk.chosen() != (passwordsTo != null)) {
            throw new ConsoleException(Problem.INVALID_INPUT, bulk.chosen()
                    ? "Say where the new passwords go: --passwords-to FILE (a new file only you can read)."
                    : "--passwords-to goes with --filter or --emails-from; one password is printed on stdout.");
        }
        if (passwordsTo != null && Files.exists(passwordsTo, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConsoleException(Problem.INVALID_INPUT, "--passwords-to: " + passwordsTo + " exists already;"
                    + " give a new file, so that no password handed out before is overwritten.");
        }
    }

    @Override
    int run(UserController users) {
        if (bulk.chosen()) {
            BulkWork work = new BulkWork(io(), bulk, yes, root.settings(false).place());
            int exit = work.runWith(users, BulkAction.RESET_PASSWORD, (plan, done, cancelled) -> {
                try (PasswordFile passwords = PasswordFile.create(passwordsTo, "--passwords-to")) {
                    return users.runBulkReset(plan, style(), unlock, passwords, done, cancelled);
                }
            });
            if (Files.exists(passwordsTo)) {
                io().err().println("The new passwords are in " + passwordsTo + " (rw-------), one email,password line"
                        + " each: hand them over, then delete the file.");
            }
            return exit;
        }
        NewPassword reset = users.resetPassword(email, style(), unlock);
        String who = VisibleText.of(reset.written().user().emailAddress());
        io().out().println(reset.password());
        io().out().flush();
        String lock = reset.unlocked() ? " The user is unlocked."
                : reset.written().user().locked() ? " The user is still locked: unlock it (unlock, or --unlock) when"
                + " the password has been handed over." : "";
        report(reset.written(), "Set a new password for " + who + ", printed once on stdout; it is not kept"
                + " anywhere." + lock);
        return 0;
    }

    private PasswordGenerator.Style style() {
        return passphrase ? PasswordGenerator.Style.PASSPHRASE : PasswordGenerator.Style.RANDOM;
    }

    @Override
    WriteAction writes() {
        return bulk.chosen() ? WriteAction.BULK_RESET_PASSWORD : WriteAction.RESET_PASSWORD;
    }

    @Override
    String email() {
        return email;
    }
}
