package dev.userconsole.store;

import java.util.OptionalDouble;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Capacity units consumed on one connection, as the engine reports them (ReturnConsumedCapacity), and the
 * items scans read and kept; safe from many threads. Units an engine does not report are not counted as 0:
 * {@link #readUnits()} is empty until one answer reported some. The faces read it as {@code users.CapacityUsed}.
 */
public final class CapacityMeter {
    private final DoubleAdder reads = new DoubleAdder();
    private final DoubleAdder writes = new DoubleAdder();
    private final LongAdder readsReported = new LongAdder();
    private final LongAdder writesReported = new LongAdder();
    private final LongAdder scanned = new LongAdder();
    private final LongAdder returned = new LongAdder();

    /** A scan page: its units (null: not reported), the items it evaluated and those it returned. */
    public void read(Double units, Integer scannedItems, Integer returnedItems) {
        if (units != null) {
            reads.add(units);
            readsReported.increment();
        }
        scanned.add(scannedItems == null ? 0 : scannedItems);
        returned.add(returnedItems == null ? 0 : returnedItems);
    }

    public void read(Double units) {
        read(units, 0, 0);
    }

    public void wrote(Double units) {
        if (units != null) {
            writes.add(units);
            writesReported.increment();
        }
    }

    public OptionalDouble readUnits() {
        return readsReported.sum() == 0 ? OptionalDouble.empty() : OptionalDouble.of(reads.sum());
    }

    public OptionalDouble writeUnits() {
        return writesReported.sum() == 0 ? OptionalDouble.empty() : OptionalDouble.of(writes.sum());
    }

    public long scannedItems() {
        return scanned.sum();
    }

    public long returnedItems() {
        return returned.sum();
    }
}
