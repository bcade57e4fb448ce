package dev.userconsole.users.audit;

/** The writes the audit log records; {@link #code()} is the name in the log. */
public enum WriteAction {
    INSERT("insert", "inserting users"),
    UPDATE("update", "updating users"),
    DELETE("delete", "deleting users"),
    /** A deleted user put back from the trash. */
    UNDELETE("undelete", "undeleting users"),
    LOCK("lock", "locking users"),
    UNLOCK("unlock", "unlocking users"),
    /** A generated password was set: the record says so, never the password. */
    RESET_PASSWORD("reset-password", "resetting passwords"),
    CREATE_TABLE("create-table", "creating tables"),
    IMPORT("import", "importing users"),
    /** One row of an import: written, or refused and why. */
    IMPORT_ROW("import-row", "importing users"),
    RESTORE("restore", "restoring a backup"),
    /** One line of a restore: restored, or not and why. */
    RESTORE_ROW("restore-row", "restoring a backup"),
    /** A health-report fix: one line per user moved or repaired, then one with the counts. */
    FIX_KEYS("fix-keys", "moving users to their normalised keys"),
    FIX_DATES("fix-dates", "repairing dates"),
    /** Locking weak or broken hashes: each lock is audited as a lock; this line has the counts. */
    FIX_LOCK("fix-lock", "locking accounts with weak or broken hashes"),
    /** A bulk action: each user's write is audited as its own action; this line has the counts. */
    BULK_DELETE("bulk-delete", "deleting users"),
    BULK_LOCK("bulk-lock", "locking users"),
    BULK_UNLOCK("bulk-unlock", "unlocking users"),
    BULK_RESET_PASSWORD("bulk-reset-password", "resetting passwords"),
    BULK_UNDELETE("bulk-undelete", "undeleting users");

    private final String code;
    private final String doing;

    WriteAction(String code, String doing) {
        this.code = code;
        this.doing = doing;
    }

    public String code() {
        return code;
    }

    /** "inserting users": what a refusal says is refused. */
    public String doing() {
        return doing;
    }
}
