package dev.userconsole.cli;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.bulk.BulkAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "undelete", mixinStandardHelpOptions = true,
        description = {"Put a deleted user back from the trash exactly as it was (every attribute, its password"
                + " hash too), and remove it from the trash. The newest deletion of that email is restored.",
                "Refused, changing nothing, when a user with that email exists.",
                "With --filter or --emails-from: chooses from the trash (the filter is tested on each user as it"
                        + " was when deleted), previews them, asks for their count (or --yes --expect N), and"
                        + " says what happened to each."})
final class UndeleteCommand extends UserCommand {
    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Mixin
    BulkOptions bulk = new BulkOptions();

    @Option(names = {"-y", "--yes"}, description = "With --filter or --emails-from: do not ask (needs --expect N).")
    boolean yes;

    @Override
    void validateInput() {
        bulk.validate(email, yes, io());
    }

    @Override
    int run(UserController users) {
        if (bulk.chosen()) {
            return new BulkWork(io(), bulk, yes, root.settings(false).place()).run(users, BulkAction.UNDELETE, null);
        }
        Written restored = users.undelete(email);
        report(restored, "Undeleted user " + VisibleText.of(restored.user().emailAddress()) + " ("
                + VisibleText.of(restored.user().firstName()) + " " + VisibleText.of(restored.user().lastName())
                + "), as it was when deleted.");
        return 0;
    }

    @Override
    WriteAction writes() {
        return bulk.chosen() ? WriteAction.BULK_UNDELETE : WriteAction.UNDELETE;
    }

    @Override
    String email() {
        return email;
    }
}
