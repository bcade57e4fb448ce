package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private final Timestamps timestamps =
            new Timestamps(Clock.fixed(Instant.parse("2026-11-23T17:21:05.119456Z"), ZoneOffset.UTC));

    @Test
    void formatsLikeJavaScriptToIsoString() {
        assertEquals("2026-11-23T17:21:05.119Z", timestamps.now());
    }

    @Test
    void nextVersionIsStrictlyLaterThanThePreviousOne() {
        assertEquals("2026-11-23T17:21:05.119Z", timestamps.after("2026-11-23T17:21:05.118Z"));
        assertEquals("2026-11-23T17:21:05.120Z", timestamps.after("2026-11-23T17:21:05.119Z"));
        assertEquals("2030-01-01T00:00:00.001Z", timestamps.after("2030-01-01T00:00:00.000Z"));
        assertEquals("2026-11-23T17:21:05.119Z", timestamps.after(null));
        assertEquals("2026-11-23T17:21:05.119Z", timestamps.after("last tuesday"));
    }
}
