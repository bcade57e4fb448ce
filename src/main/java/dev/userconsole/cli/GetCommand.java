package dev.userconsole.cli;

import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show one user (strongly consistent read). The password hash is never shown.")
final class GetCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL",
            description = "The stored key exactly, or the address in any case with spaces around it.")
    String email;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
    }

    @Override
    int run(UserController users) {
        printIfAsked(format, users.get(email));
        return 0;
    }
}
