package dev.userconsole.users.bulk;

import dev.userconsole.users.audit.WriteAction;

/** What a bulk action does to each marked user; each write is audited as that user's own action. */
public enum BulkAction {
    /** Each user is kept in the trash first. */
    DELETE("delete", "deleted", WriteAction.DELETE, WriteAction.BULK_DELETE),
    DELETE_PERMANENTLY("delete permanently", "deleted permanently", WriteAction.DELETE, WriteAction.BULK_DELETE),
    LOCK("lock", "locked", WriteAction.LOCK, WriteAction.BULK_LOCK),
    UNLOCK("unlock", "unlocked", WriteAction.UNLOCK, WriteAction.BULK_UNLOCK),
    /** Each new password goes to one owner-only file, never to the screen, the output or a log. */
    RESET_PASSWORD("reset the password of", "reset", WriteAction.RESET_PASSWORD, WriteAction.BULK_RESET_PASSWORD),
    /** Deleted users, chosen from the trash, put back as they were (the newest deletion of each email). */
    UNDELETE("undelete", "undeleted", WriteAction.UNDELETE, WriteAction.BULK_UNDELETE);

    private final String verb;
    private final String done;
    private final WriteAction each;
    private final WriteAction summary;

    BulkAction(String verb, String done, WriteAction each, WriteAction summary) {
        this.verb = verb;
        this.done = done;
        this.each = each;
        this.summary = summary;
    }

    /** "lock". */
    public String verb() {
        return verb;
    }

    /** "locked". */
    public String done() {
        return done;
    }

    /** The audit action of each user's write. */
    public WriteAction each() {
        return each;
    }

    /** The audit action of the one line with the counts. */
    public WriteAction summary() {
        return summary;
    }
}
