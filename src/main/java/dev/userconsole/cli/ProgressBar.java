package dev.userconsole.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr (done/total, rate, ETA), redrawn in place a few times a second while work
 * runs on other threads. Drawn only when stderr is a terminal, so logs and pipes stay clean.
 */
final class ProgressBar implements AutoCloseable {
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final String unit;
    private final LongSupplier done;
    private final long total;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;

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

    static String line(long done, long total, double seconds, String unit) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(Math.min(100, done * 100 / total)).append("% ").append(done).append('/').append(total);
        } else {
            line.append(done);
        }
        line.append(' ').append(unit).append(String.format(", %.0f/s", rate));
        if (total > done && rate > 0) {
            long eta = (long) ((total - done) / rate);
            line.append(String.format(", ETA %d:%02d", eta / 60, eta % 60));
        }
        return line.toString();
    }

    private synchronized void draw() {
        err.print("\r" + line(done.getAsLong(), total, (System.nanoTime() - start) / 1e9, unit) + "\u001b[K");
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
