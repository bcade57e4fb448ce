package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.ConnectedAs;
import dev.userconsole.users.TableSummary;
import dev.userconsole.users.UserController;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "describe-table", mixinStandardHelpOptions = true,
        description = "Show where the console is connected, as which account and principal, and the table's"
                + " status, billing mode and item count.")
final class DescribeTableCommand extends UserCommand {

    @Override
    int run(UserController users) {
        PrintWriter out = io().out();
        out.println("Connection:   " + users.where());
        out.println("Table:        " + users.tableName());
        ConnectedAs identity = users.callerIdentity();
        out.println("Account:      " + identity.account());
        out.println("Principal:    " + identity.principal());
        TableSummary table = users.describeTable().orElse(null);
        if (table == null) {
            out.println("Status:       missing");
            out.flush();
            throw new ConsoleException(Problem.TABLE_MISSING,
                    "The table \"" + users.tableName() + "\" does not exist yet; create it with create-table.");
        }
        out.println("Status:       " + table.status());
        out.println("Billing mode: " + table.billingMode() + " (" + table.capacity() + ")");
        out.println("Items:        " + table.itemCount() + " (approximate, refreshed by DynamoDB every few hours)");
        out.println("Size:         " + table.sizeBytes() + " bytes");
        return 0;
    }
}
