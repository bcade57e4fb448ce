package dev.userconsole.cli;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Unlock a locked user: the ! prefix and the lock attributes are removed, so the old password"
                + " works again.", "Refused (exit 1) when the user is not locked."})
final class UnlockCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
    }

    @Override
    int run(UserController users) {
        Written unlocked = users.unlock(email);
        report(unlocked, "Unlocked user " + VisibleText.of(unlocked.user().emailAddress())
                + ": its password works again.");
        return 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.UNLOCK;
    }

    @Override
    String email() {
        return email;
    }

    @Override
    List<String> fields() {
        return UserController.LOCK_FIELDS;
    }
}
