package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first access denial of bulk work (an import, a restore). Credentials refused one row's write are
 * refused the rest: the work stops sending, and when nothing was written it ends with that one sentence
 * rather than one line per row.
 */
public final class FirstDenial {
    private final AtomicReference<String> message = new AtomicReference<>();

    /** Notes a row's failure; only an access denial counts. */
    public void note(Problem problem, String reason) {
        if (problem == Problem.ACCESS_DENIED) {
            message.compareAndSet(null, reason);
        }
    }

    public boolean happened() {
        return message.get() != null;
    }

    /** Throws the denial, saying nothing was written, when there was one and {@code written} is 0. */
    public void throwIfNothingWritten(long written) {
        String denied = message.get();
        if (denied != null && written == 0) {
            throw new ConsoleException(Problem.ACCESS_DENIED, denied + DeniedWrite.NOTHING_WRITTEN);
        }
    }
}
