package dev.userconsole.cli;

import dev.userconsole.text.ProgressText;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr (done/total, rate, ETA), redrawn in place a few times a second while work
 * runs on other threads. Drawn only when stderr is a terminal, so logs and pipes stay clean.
 */
final class ProgressBar implements AutoCloseable {
    private final PrintWriter err;
    private final String unit;
    private final LongSupplier done;
    private final long total;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    private volatile BooleanSupplier throttled = () -> false;

    ProgressBar(PrintWriter err, boolean enabled, String unit, LongSupplier done, long total) {
        this.err = err;
        this.unit = unit;
        this.done = done;
        this.total = total;
        if (enabled) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "progress");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(this::draw, 200, 200, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** Adds "throttled, waiting" to the line while the supplier says the table is throttling the work. */
    ProgressBar throttledWhen(BooleanSupplier throttled) {
        this.throttled = throttled;
        return this;
    }

    private synchronized void draw() {
        err.print("\r" + ProgressText.line(done.getAsLong(), total, (System.nanoTime() - start) / 1e9, unit)
                + (throttled.getAsBoolean() ? "  throttled, waiting" : "") + "\u001b[K");
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            draw();
            err.println();
            err.flush();
        }
    }
}
