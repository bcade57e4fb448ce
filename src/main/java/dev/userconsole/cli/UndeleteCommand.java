package dev.userconsole.cli;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "undelete", mixinStandardHelpOptions = true,
        description = {"Put a deleted user back from the trash exactly as it was (every attribute, its password"
                + " hash too), and remove it from the trash. The newest deletion of that email is restored.",
                "Refused, changing nothing, when a user with that email exists."})
final class UndeleteCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
    }

    @Override
    int run(UserController users) {
        Written restored = users.undelete(email);
        report(restored, "Undeleted user " + VisibleText.of(restored.user().emailAddress()) + " ("
                + VisibleText.of(restored.user().firstName()) + " " + VisibleText.of(restored.user().lastName())
                + "), as it was when deleted.");
        return 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.UNDELETE;
    }

    @Override
    String email() {
        return email;
    }
}
