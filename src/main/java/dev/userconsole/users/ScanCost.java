package dev.userconsole.users;

import dev.userconsole.store.TableInfo;
import java.util.Locale;
import java.util.Optional;

/**
 * What a whole-table scan will cost, from DescribeTable's TableSizeBytes (which DynamoDB refreshes about every
 * six hours): a read unit reads 4 KB strongly consistently, 8 KB eventually consistently.
 *
 * @param readsPerSecond the table's provisioned read capacity, 0 when on demand
 */
public record ScanCost(String table, long bytes, long readUnits, long readsPerSecond) {
    /** Scans that read more than this are confirmed first. */
    public static final long CONFIRM_ABOVE_BYTES = 100L * 1000 * 1000;

    /** The cost of scanning the table, when it is large enough to be confirmed first. */
    static Optional<ScanCost> ofLarge(TableInfo info, boolean consistent) {
        if (info.sizeBytes() <= CONFIRM_ABOVE_BYTES) {
            return Optional.empty();
        }
        long units = (info.sizeBytes() + (consistent ? 4096 : 8192) - 1) / (consistent ? 4096 : 8192);
        return Optional.of(new ScanCost(info.name(), info.sizeBytes(), units, info.readCapacity()));
    }

    /** "A whole-table scan of User reads about 250 MB: about 30,518 read units (about 1 h 42 min at 5 a second)." */
    public String sentence() {
        String time = readsPerSecond <= 0 ? "" : " (about " + duration(readUnits / readsPerSecond) + " at the table's "
                + readsPerSecond + " read units a second)";
        return String.format(Locale.ROOT, "A whole-table scan of %s reads about %,d MB: about %,d read units%s.",
                table, bytes / 1_000_000, readUnits, time);
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
