package dev.userconsole.users;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The original app's date format: ISO-8601 UTC with milliseconds, as JavaScript's toISOString() writes. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    Timestamps(Clock clock) {
        this.clock = clock;
    }

    /** An instant in the stored form, {@code 2023-09-20T14:03:11.123Z} (sub-millisecond digits dropped). */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    String now() {
        return FORMAT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * A {@code dateUpdated} strictly later than the one read, even if clocks disagree or two updates
     * fall in one millisecond: the optimistic lock compares it, so it must change on every write.
     */
    String after(String previous) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (previous != null) {
            try {
                Instant before = Instant.parse(previous);
                if (!now.isAfter(before)) {
                    now = before.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
                }
            } catch (DateTimeParseException e) {
                // an unparsable old value cannot be compared; the current time is still a different value
            }
        }
        return FORMAT.format(now);
    }
}
