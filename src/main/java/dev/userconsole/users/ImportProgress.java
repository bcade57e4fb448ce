package dev.userconsole.users;

import java.util.concurrent.atomic.AtomicLong;

/** Counts rows as an import finishes them; safe to read from another thread (a progress bar). */
public final class ImportProgress {
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private volatile boolean cancelled;

    public ImportProgress(long total) {
        this.total = total;
    }

    public long total() {
        return total;
    }

    public long done() {
        return done.get();
    }

    /** One more row finished (by an import or a restore). */
    public void rowDone() {
        done.incrementAndGet();
    }

    /**
     * Asks the import to stop: rows not yet sent are dropped (a row being hashed, once its hash is done), the
     * writes already sent finish; what was written stays written and the report says how much.
     */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
