package io.quantlake.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Command-line dates: a UTC date {@code 2024-01-01} or an ISO-8601 instant {@code 2024-01-01T08:00:00Z}. */
final class UtcDates {
    private UtcDates() {
    }

    /** Epoch milliseconds of {@code text}; the error names the option and the accepted forms. */
    static long parse(String option, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a UTC date (2024-01-01) or an ISO-8601 instant "
                    + "(2024-01-01T08:00:00Z), got '" + text + "'");
        }
    }
}
