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
    /** Maybe written: the request was sent but no answer came back. */
    UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome of(Problem problem) {
        switch (problem) {
            case UNREACHABLE:
                // a timeout leaves it open whether the database applied the write
                return UNKNOWN;
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
