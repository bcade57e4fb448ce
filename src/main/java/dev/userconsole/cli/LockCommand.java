package dev.userconsole.cli;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.Written;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.bulk.BulkAction;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Lock a user without deleting it: the stored hash gets a ! prefix, so no password matches"
                + " it (also in the original app) until unlock. Records when, by whom (OS user@host) and why.",
                "Refused (exit 1) when the user is locked already or was changed while this ran.",
                "With --filter or --emails-from: previews the users, asks for their count (or --yes --expect N),"
                        + " locks each as previewed (one changed since is skipped) and says what happened to each."})
final class LockCommand extends UserCommand {
    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Mixin
    BulkOptions bulk = new BulkOptions();

    @Option(names = {"-y", "--yes"}, description = "With --filter or --emails-from: do not ask (needs --expect N).")
    boolean yes;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded as lockReason (at most "
            + UserValidator.MAX_LOCK_REASON_LENGTH + " characters).")
    String reason;

    @Override
    void validateInput() {
        bulk.validate(email, yes, io());
        UserValidator.lockReason(reason);
    }

    @Override
    int run(UserController users) {
        if (bulk.chosen()) {
            return new BulkWork(io(), bulk, yes, root.settings(false).place()).run(users, BulkAction.LOCK, reason);
        }
        Written locked = users.lock(email, reason);
        report(locked, "Locked user " + VisibleText.of(locked.user().emailAddress())
                + ": no password matches until it is unlocked.");
        return 0;
    }

    @Override
    WriteAction writes() {
        return bulk.chosen() ? WriteAction.BULK_LOCK : WriteAction.LOCK;
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
