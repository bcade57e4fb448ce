package dev.userconsole.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT, or a plain kill) during a bulk write cancels it instead of killing it: the users already
 * started finish, the rest are not touched, and the JVM waits for the report before it exits. Closing this
 * (after the report is out) lets the JVM go, or removes the hook when nobody pressed Ctrl-C.
 */
final class InterruptCancels implements AutoCloseable {
    /** Long enough for the writes in flight, each bounded by the request timeout, and the report. */
    private static final long MOST_SECONDS = 60;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    InterruptCancels(PrintWriter err) {
        hook = new Thread(() -> {
            requested.set(true);
            err.println();
            err.println("Cancelling: the users already started finish, the rest are left as they are.");
            err.flush();
            awaitReport();
        }, "bulk-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested.get();
    }

    private void awaitReport() {
        try {
            reported.await(MOST_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C was pressed: the hook is running and now returns
        }
    }
}
