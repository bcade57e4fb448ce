package dev.userconsole.users;

import java.util.List;

/**
 * The outcome of create-table: whether this call created the users table, the table as it is now, and the same
 * of its trash.
 *
 * @param trashExpires whether the engine expires trash entries by TTL (dynalite has no TTL)
 */
public record TableCreation(boolean created, TableSummary table, boolean trashCreated, String trashTable,
                            boolean trashExpires) {

    /** What happened, a sentence a table, as both faces say it. */
    public List<String> sentences() {
        String users = created ? "Created table " + table.name() + " (" + table.status() + ", " + table.capacity() + ")."
                : "Table " + table.name() + " already exists (" + table.status() + ").";
        String trash = !trashCreated ? "The trash table " + trashTable + " exists."
                : "Created the trash table " + trashTable + ": deleted users are kept there"
                + (trashExpires ? " until they expire." : "; this engine has no TTL, so they stay until undeleted.");
        return List.of(users, trash);
    }
}
