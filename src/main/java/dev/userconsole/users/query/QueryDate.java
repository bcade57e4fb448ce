package dev.userconsole.users.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date in a query, {@code 2026}, {@code 2026-01} or {@code 2026-01-31} (UTC, as the stored dates are),
 * as the period it names: [first day, first day after it).
 */
record QueryDate(LocalDate first, LocalDate after) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    static Optional<QueryDate> parse(String text) {
        Matcher form = FORM.matcher(text);
        if (!form.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(form.group(1));
            if (form.group(2) == null) {
                LocalDate first = LocalDate.of(year, 1, 1);
                return Optional.of(new QueryDate(first, first.plusYears(1)));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(form.group(2)));
            if (form.group(3) == null) {
                return Optional.of(new QueryDate(month.atDay(1), month.plusMonths(1).atDay(1)));
            }
            LocalDate day = month.atDay(Integer.parseInt(form.group(3)));
            return Optional.of(new QueryDate(day, day.plusDays(1)));
        } catch (DateTimeException e) {
            return Optional.empty(); // 2026-13, 2026-02-30
        }
    }

    /** The bound as stored dates compare with it: "2026-02-01" sorts before every time of that day. */
    static String bound(LocalDate day) {
        return day.toString();
    }
}
