package dev.userconsole.cli;

import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.users.WriteGuard;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.audit.AuditHistory;
import dev.userconsole.users.output.HistoryWriter;
import picocli.CommandLine.Command;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show every audited action on one user (who, where, what, how it ended), newest first,"
                + " from the audit log.")
final class HistoryCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 100_000;

    enum Format { TABLE, JSON }

    @Option(names = "--email", required = true, paramLabel = "EMAIL",
            description = "The user's email, in any case, with or without spaces around it.")
    String email;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "At most this many entries, the newest (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.HistoryFormats.class, defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @ParentCommand
    UserConsoleCommand root;

    /** Reads only the audit log: no connection, so it works while another program holds the database. */
    @Override
    public Integer call() {
        UserValidator.lookupKey(email);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        AuditHistory.Found found = WriteGuard.of(root.settings(false)).history().find(email, limit);
        if (format == Format.JSON) {
            HistoryWriter.json(root.io().out(), found.entries());
        } else {
            HistoryWriter.table(root.io().out(), found.entries());
        }
        root.io().err().println(summary(found));
        return 0;
    }

    private String summary(AuditHistory.Found found) {
        if (found.file() == null) {
            return "No audit log is kept here, so there is no history.";
        }
        int n = found.entries().size();
        return (n == 1 ? "1 entry" : n + " entries") + (found.wholeLog() ? " in " : ", the newest, from ")
                + found.file() + (found.wholeLog() ? "." : " (--limit " + limit + " reached).");
    }
}
