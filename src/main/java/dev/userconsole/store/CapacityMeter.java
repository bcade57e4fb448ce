package dev.userconsole.store;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Capacity units consumed on one connection, as the engine reports them (ReturnConsumedCapacity), and the
 * items scans read and kept; safe from many threads. Units an engine does not report are not counted as 0:
 * {@link #readUnits()} is empty until one answer reported some.
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

    /**
     * What scans read: "Scanned 2000 users, matched 200; about 0.4 MB read, 50 read units." The megabytes are
     * told by the read units (a unit is 4 KB read strongly consistently, 8 KB eventually consistently).
     */
    public String scanSummary(long matched, boolean consistent) {
        return "Scanned " + scannedItems() + (scannedItems() == 1 ? " user" : " users") + ", matched " + matched
                + "; " + readText(readUnits(), consistent) + ".";
    }

    /** "about 0.4 MB read, 50 read units" (the megabytes told by the units), or "read units not reported". */
    public static String readText(OptionalDouble units, boolean consistent) {
        return units.isEmpty() ? "read units not reported"
                : String.format(Locale.ROOT, "about %.1f MB read, %s read units",
                        units.getAsDouble() * (consistent ? 4096 : 8192) / 1e6, units(units));
    }

    /** "12.5 read, 3 write units" (or "not reported" for either), for status lines and summaries. */
    public String describe() {
        return units(readUnits()) + " read, " + units(writeUnits()) + " write units";
    }

    private static String units(OptionalDouble units) {
        if (units.isEmpty()) {
            return "not reported";
        }
        double value = units.getAsDouble();
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
