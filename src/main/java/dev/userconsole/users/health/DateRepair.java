package dev.userconsole.users.health;

import dev.userconsole.users.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether a stored date is in the original app's form ({@code 2023-09-20T14:03:11.123Z}), and the same instant
 * in that form where that is certain: an ISO-8601 date-time with an offset or {@code Z} (with or without
 * milliseconds), or a Unix time (a number, or a string of digits; below 10^11 read as seconds, else as
 * milliseconds). Anything else (no time zone, only a date, free text) is reported, never guessed.
 */
final class DateRepair {
    private static final Pattern CANONICAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");
    private static final BigDecimal SECONDS_BELOW = new BigDecimal("100000000000");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private DateRepair() {
    }

    /** A string in the stored form that is a real date. */
    static boolean canonical(AttributeValue value) {
        if (value.type() != AttributeValue.Type.S || !CANONICAL.matcher(value.s()).matches()) {
            return false;
        }
        try {
            Instant.parse(value.s());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The same instant in the stored form, or empty when it cannot be known for certain. */
    static Optional<String> repaired(AttributeValue value) {
        if (value.type() == AttributeValue.Type.N) {
            return epoch(value.n());
        }
        if (value.type() != AttributeValue.Type.S) {
            return Optional.empty();
        }
        String text = value.s().strip();
        if (DIGITS.matcher(text).matches()) {
            return epoch(text);
        }
        try {
            return inRange(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> epoch(String number) {
        try {
            BigDecimal value = new BigDecimal(number);
            BigDecimal millis = value.abs().compareTo(SECONDS_BELOW) < 0 ? value.movePointRight(3) : value;
            return inRange(Instant.ofEpochMilli(millis.longValue()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> inRange(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty()
                : Optional.of(Timestamps.format(instant));
    }
}
