package dev.userconsole.cli;

import dev.userconsole.users.TableCreation;
import dev.userconsole.users.TableSummary;
import dev.userconsole.users.UserController;
import dev.userconsole.users.audit.WriteAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create-table", mixinStandardHelpOptions = true,
        description = "Create the users table (provisioned 5/5 like the original app) and wait until it is ACTIVE.")
final class CreateTableCommand extends UserCommand {
    @Option(names = "--on-demand", description = "Bill per request instead of provisioning 5 read / 5 write units.")
    boolean onDemand;

    @Override
    int run(UserController users) {
        TableCreation creation = users.createTable(onDemand);
        TableSummary table = creation.table();
        io().err().println(creation.created()
                ? "Created table " + table.name() + " (" + table.status() + ", " + table.capacity() + ")."
                : "Table " + table.name() + " already exists (" + table.status() + ").");
        io().err().println(creation.trashCreated()
                ? "Created the trash table " + creation.trashTable() + ": deleted users are kept there"
                + (creation.trashExpires() ? " until they expire." : "; this engine has no TTL, so they stay until"
                + " undeleted.")
                : "The trash table " + creation.trashTable() + " exists.");
        return 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.CREATE_TABLE;
    }
}
