package dev.userconsole.users;

import dev.userconsole.store.CapacityMeter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What the faces read of a connection's capacity meter: the units consumed, as the engine reported them
 * (empty until one answer reported some, never a made-up 0), and the sentences that tell them.
 */
public final class CapacityUsed {
    private final CapacityMeter meter;

    CapacityUsed(CapacityMeter meter) {
        this.meter = meter;
    }

    public OptionalDouble readUnits() {
        return meter.readUnits();
    }

    public OptionalDouble writeUnits() {
        return meter.writeUnits();
    }

    /**
     * What scans read: "Scanned 2000 users, matched 200; about 0.4 MB read, 50 read units." The megabytes are
     * told by the read units (a unit is 4 KB read strongly consistently, 8 KB eventually consistently).
     */
    public String scanSummary(long matched, boolean consistent) {
        long scanned = meter.scannedItems();
        return "Scanned " + scanned + (scanned == 1 ? " user" : " users") + ", matched " + matched
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
