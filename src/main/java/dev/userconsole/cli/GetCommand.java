package dev.userconsole.cli;

import dev.userconsole.users.UserDetails;
import dev.userconsole.users.output.DetailsWriter;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Show one user (strongly consistent read). The password hash is never shown.",
                "table: every attribute as stored, the password described; json, jsonl, csv: the five columns of list."})
final class GetCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL",
            description = "The stored key exactly, or the address in any case with spaces around it.")
    String email;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.UserFormats.class, defaultValue = "table",
            description = "table, json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
    }

    @Override
    int run(UserController users) {
        if (format != OutputFormat.TABLE) {
            printIfAsked(format, users.get(email));
            return 0;
        }
        // people get the whole account; the other formats keep their columns for scripts
        UserDetails details = users.details(email);
        printIfAsked(format, details.user());
        io().out().println();
        new DetailsWriter(io().out()).write(details);
        return 0;
    }
}
