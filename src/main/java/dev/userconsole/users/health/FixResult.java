package dev.userconsole.users.health;

import dev.userconsole.errors.Problem;
import java.util.Locale;

/**
 * What a fix did to one user.
 *
 * @param email  the key the fix acted on, as stored
 * @param detail what was done, or why not, in a few words (never a hash)
 */
public record FixResult(String email, Outcome outcome, String detail) {

    public enum Outcome {
        /** Fixed. */
        DONE(null),
        /** Not fixed: the user changed after it was read (or no longer needs the fix). */
        CHANGED(Problem.CHANGED_BY_SOMEONE_ELSE),
        /** Not fixed: the user is no longer stored. */
        NOT_FOUND(Problem.NOT_FOUND),
        /** Not fixed: it is not safe (a twin a person must merge). */
        REFUSED(Problem.ALREADY_EXISTS),
        /** Not fixed: the database or the capability failed; the detail says why. */
        FAILED(Problem.DATABASE_ERROR);

        private final Problem problem;

        Outcome(Problem problem) {
            this.problem = problem;
        }

        /** The audit log's problem for this outcome ({@code null} when done). */
        public Problem problem() {
            return problem;
        }

        /** "done", "changed", "not-found", "refused", "failed": the name in JSON output. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static FixResult done(String email, String detail) {
        return new FixResult(email, Outcome.DONE, detail);
    }

    static FixResult of(String email, Outcome outcome, String detail) {
        return new FixResult(email, outcome, detail);
    }
}
