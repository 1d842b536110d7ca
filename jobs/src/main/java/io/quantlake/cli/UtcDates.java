package io.quantlake.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;

/** Command-line dates: a UTC date {@code 2024-01-01} or an ISO-8601 instant {@code 2024-01-01T08:00:00Z}. */
final class UtcDates {
    private UtcDates() {
    }

    /** Epoch milliseconds of {@code text}; a usage error (exit 2) naming {@code option} and the accepted forms. */
    static long parse(CommandSpec spec, String option, String text) {
        return OptionValues.parse(spec, option, text, UtcDates::parse);
    }

    /** Epoch milliseconds of {@code text}; the error names the accepted forms. */
    static long parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a UTC date (2024-01-01) or an ISO-8601 instant "
                    + "(2024-01-01T08:00:00Z)");
        }
    }
}
