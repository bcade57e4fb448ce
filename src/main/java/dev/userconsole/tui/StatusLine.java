package dev.userconsole.tui;

import dev.userconsole.users.CapacityUsed;
import dev.userconsole.users.TableSummary;

/** The always-visible first line: the table, its state, and where the console is connected. */
final class StatusLine {
    private final String tableName;
    private final String where;
    private final boolean readOnly;
    private String tableState;
    /** The connection's name first, "PRODUCTION name" for a production one; empty without a connection. */
    private String connectionBadge = "";
    private String units = "";

    StatusLine(String tableName, String where, boolean embedded, boolean readOnly) {
        this.tableName = tableName;
        this.where = where;
        this.readOnly = readOnly;
        this.tableState = embedded ? "starting the embedded database..." : "connecting...";
    }

    void tableFound(TableSummary info) {
        tableState = info.status() + ", ~" + info.itemCount() + (info.itemCount() == 1 ? " user" : " users");
    }

    void tableMissing() {
        tableState = "missing (create it from the menu: c)";
    }

    void unavailable(String reason) {
        tableState = "unavailable: " + reason;
    }

    StatusLine onConnection(String name, boolean production) {
        connectionBadge = " " + (production ? "PRODUCTION " : "") + name + " |";
        return this;
    }

    /** The session's units, once the engine reported some; whether the line changed. */
    boolean unitsUsed(CapacityUsed used) {
        String now = used.readUnits().isEmpty() && used.writeUnits().isEmpty() ? "" : used.describe();
        boolean changed = !now.equals(units);
        units = now;
        return changed;
    }

    String tableName() {
        return tableName;
    }

    String text() {
        // where comes last: with a role profile it is long, and a narrow terminal cuts the end of the line
        return connectionBadge + (readOnly ? " READ-ONLY |" : "") + " Table " + tableName + ": " + tableState
                + (units.isEmpty() ? "" : "  |  " + units) + "  |  " + where;
    }
}
