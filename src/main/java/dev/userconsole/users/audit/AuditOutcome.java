package dev.userconsole.users.audit;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.util.Locale;

/** How a write attempt ended, as the audit log says it. */
public enum AuditOutcome {
    /** Written. */
    OK,
    /** Not written, for a reason the record's problem names (invalid, exists, read-only, no permission...). */
    REFUSED,
    /** Not written: the database failed or something unexpected happened. */
    FAILED,
    /** Maybe written: the request was sent, no answer came back, and the database could not be asked. */
    UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome of(Problem problem) {
        switch (problem) {
            case OUTCOME_UNKNOWN:
                // the answer was lost and the check failed too: whether it was applied is open
                return UNKNOWN;
            case UNREACHABLE:
                // a write that may have been applied is checked first; UNREACHABLE means it was not
            case THROTTLED:
            case DATABASE_ERROR:
                return FAILED;
            default:
                return REFUSED;
        }
    }

    /** The problem code for a failure: the {@link Problem} name, or UNEXPECTED for anything else. */
    public static String problemCode(Throwable failure) {
        return failure instanceof ConsoleException known ? known.problem().name() : "UNEXPECTED";
    }

    public static AuditOutcome of(Throwable failure) {
        return failure instanceof ConsoleException known ? of(known.problem()) : FAILED;
    }
}
