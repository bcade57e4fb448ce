package dev.userconsole.tui;

import dev.userconsole.store.TableInfo;

/** The always-visible first line: the table, its state, and where the console is connected. */
final class StatusLine {
    private final String tableName;
    private final String where;
    private String tableState = "connecting...";
    private boolean startingEmbedded;

    StatusLine(String tableName, String where, boolean embedded) {
        this.tableName = tableName;
        this.where = where;
        this.startingEmbedded = embedded;
        if (embedded) {
            tableState = "starting the embedded database...";
        }
    }

    void tableFound(TableInfo info) {
        startingEmbedded = false;
        tableState = info.status() + ", ~" + info.itemCount() + (info.itemCount() == 1 ? " user" : " users");
    }

    void tableMissing() {
        startingEmbedded = false;
        tableState = "missing (create it from the menu: c)";
    }

    void unavailable(String reason) {
        startingEmbedded = false;
        tableState = "unavailable: " + reason;
    }

    boolean isStartingEmbedded() {
        return startingEmbedded;
    }

    String text() {
        return " Table " + tableName + ": " + tableState + "  |  " + where;
    }
}
