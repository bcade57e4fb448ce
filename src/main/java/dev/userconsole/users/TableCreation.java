package dev.userconsole.users;

/**
 * The outcome of create-table: whether this call created the users table, the table as it is now, and the same
 * of its trash.
 *
 * @param trashExpires whether the engine expires trash entries by TTL (dynalite has no TTL)
 */
public record TableCreation(boolean created, TableSummary table, boolean trashCreated, String trashTable,
                            boolean trashExpires) {
}
