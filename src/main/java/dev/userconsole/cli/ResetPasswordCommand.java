package dev.userconsole.cli;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.NewPassword;
import dev.userconsole.users.PasswordGenerator;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.audit.WriteAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = {"Set a new random password (" + PasswordGenerator.LENGTH + " characters that cannot be"
                + " misread) and print it once on stdout, one line; it is never logged, audited or kept.",
                "A locked user stays locked unless --unlock is given."})
final class ResetPasswordCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Option(names = "--passphrase", description = "A passphrase of " + PasswordGenerator.PASSPHRASE_WORDS
            + " common English words instead (65 bits).")
    boolean passphrase;

    @Option(names = "--unlock", description = "Also unlock the user.")
    boolean unlock;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
    }

    @Override
    int run(UserController users) {
        NewPassword reset = users.resetPassword(email,
                passphrase ? PasswordGenerator.Style.PASSPHRASE : PasswordGenerator.Style.RANDOM, unlock);
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

    @Override
    WriteAction writes() {
        return WriteAction.RESET_PASSWORD;
    }

    @Override
    String email() {
        return email;
    }
}
