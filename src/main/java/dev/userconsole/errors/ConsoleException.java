package dev.userconsole.errors;

/**
 * A failure with a message written for the user: one sentence, no secrets, no SDK jargon.
 * The technical cause, if any, is kept for the log file.
 */
public class ConsoleException extends RuntimeException {
    private final Problem problem;

    public ConsoleException(Problem problem, String message) {
        this(problem, message, null);
    }

    public ConsoleException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int exitCode() {
        return problem.outcome().exitCode();
    }
}
