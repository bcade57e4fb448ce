package dev.userconsole.users.bulk;

import dev.userconsole.errors.Problem;
import java.util.Locale;

/**
 * What a bulk action did to one user.
 *
 * @param detail why not, in one sentence, or empty when done
 */
public record BulkResult(String email, Outcome outcome, String detail) {

    public enum Outcome {
        DONE,
        /** Skipped: the user changed after the preview read it; it was left as it is now. */
        CHANGED,
        NOT_FOUND,
        /** Skipped: there was nothing to do (already locked, not locked). */
        UNCHANGED,
        FAILED;

        static Outcome of(Problem problem) {
            return switch (problem) {
                case CHANGED_BY_SOMEONE_ELSE -> CHANGED;
                case NOT_FOUND -> NOT_FOUND;
                case ALREADY_LOCKED, NOT_LOCKED -> UNCHANGED;
                default -> FAILED;
            };
        }

        /** "done", "changed", "not-found", "unchanged", "failed": the name in reports. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
