package dev.userconsole.users;

/** The outcome of create-table: whether this call created it, and the table as it is now. */
public record TableCreation(boolean created, TableSummary table) {
}
