package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.query.Query;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a write command picks many users at once instead of one {@code --email}; shared as a picocli mixin. */
final class BulkOptions {
    @Option(names = "--filter", paramLabel = "QUERY",
            description = "Act on every user QUERY keeps (the syntax of list --filter), after a preview.")
    String filter;

    @Option(names = "--emails-from", paramLabel = "FILE",
            description = "Act on the users with the emails in FILE, one a line (- reads standard input; blank"
                    + " lines and lines starting with # are skipped), after a preview.")
    String emailsFrom;

    @Option(names = "--expect", paramLabel = "N",
            description = "With --yes: the number of users the preview must show, or nothing is changed.")
    Integer expect;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write what happened to each user as CSV (email, outcome, detail) to FILE.")
    Path report;

    private Query query;

    boolean chosen() {
        return filter != null || emailsFrom != null;
    }

    /** Exactly one way of choosing users; a query that parses; a terminal or --yes --expect to confirm on. */
    void validate(String email, boolean yes, Io io) {
        int ways = (email == null ? 0 : 1) + (filter == null ? 0 : 1) + (emailsFrom == null ? 0 : 1);
        if (ways != 1) {
            throw new ConsoleException(Problem.INVALID_INPUT, ways == 0
                    ? "Say which users: --email EMAIL, --filter QUERY or --emails-from FILE."
                    : "Give only one of --email, --filter and --emails-from.");
        }
        if (email != null) {
            UserValidator.lookupKey(email);
            if (expect != null || report != null) {
                throw new ConsoleException(Problem.INVALID_INPUT,
                        "--expect and --report go with --filter or --emails-from, not --email.");
            }
            return;
        }
        if (filter != null) {
            query = Query.parse(filter);
            if (query.isEmpty()) {
                throw new InvalidInputException("filter", "is empty; to act on every user, say so with a query"
                        + " that keeps them all, such as \"created:..9999\"");
            }
        }
        if (yes && expect == null) {
            throw new ConsoleException(Problem.INVALID_INPUT, "--yes needs --expect N, the number of users the"
                    + " preview shows, so that a selection larger than meant changes nothing.");
        }
        if (!yes && io.console() == null) {
            throw new ConsoleException(Problem.INVALID_INPUT, "There is no terminal to confirm on; add --yes"
                    + " --expect N to act on the N users the preview shows.");
        }
    }

    Query query() {
        return query;
    }

    /** The emails of {@code --emails-from}, in order. */
    List<String> emails(Io io) {
        List<String> emails = new ArrayList<>();
        try (BufferedReader lines = "-".equals(emailsFrom) ? null
                : Files.newBufferedReader(Path.of(emailsFrom), StandardCharsets.UTF_8)) {
            BufferedReader in = lines == null ? io.in() : lines;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String email = line.strip();
                if (!email.isEmpty() && !email.startsWith("#")) {
                    emails.add(UserValidator.lookupKey(email));
                }
            }
        } catch (IOException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, "Cannot read the emails from " + emailsFrom + ": "
                    + e.getMessage() + ".");
        }
        return emails;
    }
}
