package dev.userconsole.errors;

/** Input refused before anything was sent: names the field so a form can show the reason beside it. */
public final class InvalidInputException extends ConsoleException {
    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(Problem.INVALID_INPUT, field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
