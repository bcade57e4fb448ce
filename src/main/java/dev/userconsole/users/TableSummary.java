package dev.userconsole.users;

import dev.userconsole.store.TableInfo;

/**
 * The table as the faces show it (describe-table, table info, the status line, create-table's answer).
 *
 * @param billingMode "PROVISIONED" or "PAY_PER_REQUEST"
 * @param capacity "provisioned 5 read / 5 write" or "on demand"
 * @param itemCount approximate: DynamoDB refreshes it about every six hours
 */
public record TableSummary(String name, String status, String billingMode, String capacity, long itemCount,
                           long sizeBytes) {

    static TableSummary of(TableInfo table) {
        String capacity = "PROVISIONED".equals(table.billingMode())
                ? "provisioned " + table.readCapacity() + " read / " + table.writeCapacity() + " write"
                : "on demand";
        return new TableSummary(table.name(), table.status(), table.billingMode(), capacity, table.itemCount(),
                table.sizeBytes());
    }
}
