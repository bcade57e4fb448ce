package dev.userconsole.store;

/**
 * Paces long work (scans, bulk writes) to a rate of capacity units, shared by every thread of one kind of
 * work on a connection. Each request reserves what it is expected to cost before it is sent and waits while
 * the reservations are ahead of the rate; its answer's consumed capacity then settles the difference.
 *
 * <p>The rate starts at the table's provisioned capacity where DescribeTable gives one, else unlimited. It
 * adapts as TCP does (AIMD): a throttling error cuts it (an unlimited one to what was being used), each
 * answered request adds a little back, never above the provisioned capacity.
 */
public final class Pacer {
    private static final double MIN_RATE = 0.5;
    private static final double DECREASE = 0.8;
    /** Throttling errors within this long of a cut are the same congestion: the rate is cut once. */
    private static final long CUT_ONCE_NANOS = 1_000_000_000L;
    private static final long SHOWN_WAITING_NANOS = 2_000_000_000L;

    private final double ceiling;
    private final long started = System.nanoTime();
    private double rate;
    private double balance;
    private double expected;
    private double used;
    private long refilledAt = started;
    private long lastCut = started - CUT_ONCE_NANOS;
    private volatile long lastThrottled = started - SHOWN_WAITING_NANOS;

    private Pacer(double ceiling) {
        this.ceiling = ceiling;
        this.rate = ceiling;
        this.expected = 1;
        // a table that was idle holds at least a second of unused capacity (DynamoDB keeps up to 300 s)
        this.balance = Double.isInfinite(ceiling) ? 0 : ceiling;
    }

    /** A pacer that does not wait until throttled: on-demand tables, engines that never throttle. */
    public static Pacer unlimited() {
        return new Pacer(Double.POSITIVE_INFINITY);
    }

    /** A pacer for this provisioned capacity, in units per second (unlimited when 0 or less: on demand). */
    public static Pacer provisioned(double unitsPerSecond) {
        return unitsPerSecond > 0 ? new Pacer(unitsPerSecond) : unlimited();
    }

    /**
     * {@link #awaitTurn()} for work that stops when its thread is interrupted (a cancelled scan or bulk action).
     *
     * @param doing "scanning": what the interruption stopped, for its message
     */
    public double turn(String doing) {
        try {
            return awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        }
    }

    /** Waits for this request's turn and reserves what such requests have cost lately. */
    public double awaitTurn() throws InterruptedException {
        while (true) {
            long sleepNanos;
            synchronized (this) {
                refill();
                if (balance >= 0 || Double.isInfinite(rate)) {
                    balance -= expected;
                    return expected;
                }
                sleepNanos = (long) (-balance / rate * 1e9);
            }
            Thread.sleep(Math.max(1, sleepNanos / 1_000_000), 0);
        }
    }

    /** The answer to a request that reserved {@code reserved} consumed {@code units} (null: not reported). */
    public synchronized void answered(double reserved, Double units) {
        refill();
        double actual = units == null ? reserved : units;
        balance += reserved - actual;
        used += actual;
        expected = Math.max(0.5, expected * 0.7 + actual * 0.3);
        if (rate < ceiling) {
            rate = Math.min(ceiling, rate + Math.max(0.1, rate * 0.05));
        }
    }

    /** The request that reserved {@code reserved} was throttled and consumed nothing: slow down. */
    public synchronized void throttled(double reserved) {
        refill();
        long now = System.nanoTime();
        lastThrottled = now;
        if (now - lastCut >= CUT_ONCE_NANOS) {
            lastCut = now;
            if (Double.isInfinite(rate)) {
                double seconds = Math.max(1, (now - started) / 1e9);
                // what was used so far (a burst included): later throttling cuts it further
                rate = Math.max(MIN_RATE, used / seconds);
            } else {
                rate = Math.max(MIN_RATE, rate * DECREASE);
            }
            // what was reserved stays spent: a pause of about one request before the next
        } else {
            balance += reserved;
        }
    }

    /** Whether a request was throttled in the last two seconds: progress says "throttled, waiting". */
    public boolean throttledRecently() {
        return System.nanoTime() - lastThrottled < SHOWN_WAITING_NANOS;
    }

    /** The current rate in units per second (infinite: not pacing). */
    public synchronized double rate() {
        return rate;
    }

    private void refill() {
        long now = System.nanoTime();
        if (!Double.isInfinite(rate)) {
            // unused capacity is not saved up beyond one second's worth: no bursts the table would refuse
            balance = Math.min(Math.max(rate, expected), balance + rate * (now - refilledAt) / 1e9);
        } else {
            balance = 0;
        }
        refilledAt = now;
    }
}
