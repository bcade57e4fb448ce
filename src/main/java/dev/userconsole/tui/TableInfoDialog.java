package dev.userconsole.tui;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.ConnectedAs;
import dev.userconsole.users.TableSummary;
import dev.userconsole.users.UserController;
import java.util.Optional;

/** Table info: where the console is connected and what the table looks like. */
final class TableInfoDialog {
    private final ConsoleUi ui;

    TableInfoDialog(ConsoleUi ui) {
        this.ui = ui;
    }

    void open() {
        ui.backend().run("Reading table status", users -> describe(users), text -> ui.showMessage("Table info", text),
                ui::showError);
    }

    private static String describe(UserController users) {
        StringBuilder text = new StringBuilder();
        text.append("Connection:   ").append(users.where()).append('\n');
        text.append("Table:        ").append(users.tableName()).append('\n');
        ConnectedAs identity = users.callerIdentity();
        text.append("Account:      ").append(identity.account()).append('\n');
        text.append("Principal:    ").append(identity.principal()).append('\n');
        Optional<TableSummary> info;
        try {
            info = users.describeTable();
        } catch (ConsoleException e) {
            if (e.problem() != Problem.ACCESS_DENIED) {
                throw e;
            }
            // who the credentials are is what someone denied the table needs to know
            return text.append("Status:       ").append(e.getMessage()).toString();
        }
        if (info.isEmpty()) {
            return text.append("Status:       missing (create it from the menu: c)").toString();
        }
        TableSummary table = info.get();
        text.append("Status:       ").append(table.status()).append('\n');
        text.append("Billing mode: ").append(table.billingMode()).append(" (").append(table.capacity()).append(")\n");
        text.append("Items:        ~").append(table.itemCount()).append(" (DynamoDB refreshes this every few hours)\n");
        text.append("Size:         ").append(table.sizeBytes()).append(" bytes");
        return text.toString();
    }
}
