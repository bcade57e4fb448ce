package dev.userconsole.errors;

/** What went wrong, in the terms a user acts on; each kind maps to one exit code. */
public enum Problem {
    INVALID_INPUT(Outcome.INVALID),
    NOTHING_TO_UPDATE(Outcome.INVALID),
    CONFIGURATION(Outcome.INVALID),
    ALREADY_EXISTS(Outcome.REFUSED),
    NOT_FOUND(Outcome.REFUSED),
    CHANGED_BY_SOMEONE_ELSE(Outcome.REFUSED),
    UNUSABLE_STORED_HASH(Outcome.REFUSED),
    /** The account is locked: no password matches it until it is unlocked. */
    LOCKED(Outcome.REFUSED),
    ALREADY_LOCKED(Outcome.REFUSED),
    NOT_LOCKED(Outcome.REFUSED),
    READ_ONLY(Outcome.REFUSED),
    TABLE_MISSING(Outcome.UNAVAILABLE),
    UNREACHABLE(Outcome.UNAVAILABLE),
    ACCESS_DENIED(Outcome.UNAVAILABLE),
    /** The AWS credentials could not be had: a missing profile, an expired SSO login or token, a role refused. */
    CREDENTIALS(Outcome.UNAVAILABLE),
    THROTTLED(Outcome.UNAVAILABLE),
    DATA_DIR_IN_USE(Outcome.UNAVAILABLE),
    AUDIT_LOG_UNWRITABLE(Outcome.UNAVAILABLE),
    /** The audit log exists but cannot be read (history). */
    AUDIT_LOG_UNREADABLE(Outcome.UNAVAILABLE),
    DATABASE_ERROR(Outcome.UNAVAILABLE),
    /** A write was sent, its answer was lost, and the database could not be asked what happened. */
    OUTCOME_UNKNOWN(Outcome.UNKNOWN);

    private final Outcome outcome;

    Problem(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The kinds of failure a script can tell apart by exit code. */
    public enum Outcome {
        REFUSED(1), INVALID(2), UNAVAILABLE(3), UNKNOWN(4);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
