package dev.userconsole.users;

import dev.userconsole.store.TableInfo;

/** The outcome of create-table: whether this call created it, and the table as it is now. */
public record TableCreation(boolean created, TableInfo table) {
}
