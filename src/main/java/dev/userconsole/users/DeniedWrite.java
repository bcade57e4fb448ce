package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;

/**
 * A write refused for want of a permission at any step, the reads it needs first included: the message
 * then says that nothing was written (a bulk write that wrote some rows reports them instead of failing).
 */
public final class DeniedWrite {
    static final String NOTHING_WRITTEN = " Nothing was written.";

    private DeniedWrite() {
    }

    /** The failure of a write, saying nothing was written when it was an access denial. */
    public static RuntimeException nothingWritten(RuntimeException e) {
        if (!(e instanceof ConsoleException denied) || denied.problem() != Problem.ACCESS_DENIED
                || denied.getMessage().endsWith(NOTHING_WRITTEN.strip())) {
            return e;
        }
        return new ConsoleException(denied.problem(), denied.getMessage() + NOTHING_WRITTEN, denied.getCause());
    }
}
