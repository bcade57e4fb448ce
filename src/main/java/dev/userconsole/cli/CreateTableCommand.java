package dev.userconsole.cli;

import dev.userconsole.users.UserController;
import dev.userconsole.users.audit.WriteAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create-table", mixinStandardHelpOptions = true,
        description = "Create the users table (provisioned 5/5 like the original app) and its trash, whichever is missing,"
                + " and wait until they are ACTIVE.")
final class CreateTableCommand extends UserCommand {
    @Option(names = "--on-demand", description = "Bill per request instead of provisioning 5 read / 5 write units.")
    boolean onDemand;

    @Override
    int run(UserController users) {
        users.createTable(onDemand).sentences().forEach(io().err()::println);
        return 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.CREATE_TABLE;
    }
}
