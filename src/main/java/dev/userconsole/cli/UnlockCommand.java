package dev.userconsole.cli;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.bulk.BulkAction;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Unlock a locked user: the ! prefix and the lock attributes are removed, so the old password"
                + " works again.", "Refused (exit 1) when the user is not locked.",
                "With --filter or --emails-from: previews the users, asks for their count (or --yes --expect N),"
                        + " unlocks each as previewed (one changed since is skipped) and says what happened to each."})
final class UnlockCommand extends UserCommand {
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
            return new BulkWork(io(), bulk, yes, root.settings(false).place()).run(users, BulkAction.UNLOCK, null);
        }
        Written unlocked = users.unlock(email);
        report(unlocked, "Unlocked user " + VisibleText.of(unlocked.user().emailAddress())
                + ": its password works again.");
        return 0;
    }

    @Override
    WriteAction writes() {
        return bulk.chosen() ? WriteAction.BULK_UNLOCK : WriteAction.UNLOCK;
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
