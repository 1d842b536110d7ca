package io.quantlake.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Strict parsing of the fields of one source (a file, a zip entry or a REST page). Decimals are plain
 * ({@code -12.5}, {@code 1e-05}); no blanks, hex, {@code NaN} or infinities. Epoch timestamps are
 * detected as ms or µs per source ({@link EpochUnit}) and converted to ms; a source mixing both units is an
 * {@link IngestException}, never a silent guess.
 */
final class FieldParser {
    private final String source;
    private EpochUnit unit;
    private long unitLine;

    FieldParser(String source) {
        this.source = source;
    }

    /** The epoch unit of this source, null before the first epoch field. */
    EpochUnit unit() {
        return unit;
    }

    /** A finite decimal; {@code name} is the column name used in the rejection detail. */
    static double decimal(String[] f, int i, String name) throws RowRejection {
        String s = f[i];
        if (isDecimal(s)) {
            double x = Double.parseDouble(s);
            if (Double.isFinite(x)) {
                return x;
            }
        }
        throw unparsable(name, s, "a decimal number");
    }

    /** A decimal, or NaN when the field is empty (a column the source leaves blank). */
    static double optionalDecimal(String[] f, int i, String name) throws RowRejection {
        return f[i].isEmpty() ? Double.NaN : decimal(f, i, name);
    }

    /** A whole number. */
    static long integer(String[] f, int i, String name) throws RowRejection {
        String s = f[i];
        if (isInteger(s)) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException overflow) {
                // falls through to the rejection
            }
        }
        throw unparsable(name, s, "an integer");
    }

    /**
     * An epoch timestamp in this source's unit, returned raw (not converted); checks that the unit is
     * the one of the source's earlier rows.
     */
    long epochRaw(String[] f, int i, String name, long line) throws RowRejection {
        long raw = integer(f, i, name);
        EpochUnit u = EpochUnit.detect(raw);
        if (u == null) {
            throw new RowRejection(QuarantineReason.UNPARSABLE_FIELD,
                    name + " " + raw + " is neither epoch milliseconds nor microseconds");
        }
        if (unit == null) {
            unit = u;
            unitLine = line;
        } else if (u != unit) {
            throw new IngestException(source + " line " + line + ": " + name + " " + raw + " is epoch " + u
                    + " but line " + unitLine + " is epoch " + unit
                    + "; a file must use one time unit, ingest aborted");
        }
        return raw;
    }

    /** An epoch timestamp (ms or µs, detected per source) converted to epoch milliseconds. */
    long epochMillis(String[] f, int i, String name, long line) throws RowRejection {
        long raw = epochRaw(f, i, name, line);
        long per = unit.perMilli();
        if (raw % per != 0) {
            throw new RowRejection(QuarantineReason.UNPARSABLE_FIELD,
                    name + " " + raw + " is epoch " + unit + " but not a whole millisecond");
        }
        return raw / per;
    }

    /**
     * Epoch ms/µs (digits) or an ISO-8601 UTC time: {@code 2024-01-01T00:00:00Z}, with an offset
     * ({@code +00:00}), without a zone (read as UTC), with a space for {@code T}, or a date alone
     * (midnight UTC).
     */
    long epochOrIsoMillis(String[] f, int i, String name, long line) throws RowRejection {
        String s = f[i];
        if (isInteger(s)) {
            return epochMillis(f, i, name, line);
        }
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                } catch (DateTimeParseException notDate) {
                    throw unparsable(name, s, "epoch milliseconds or an ISO-8601 UTC time");
                }
            }
        }
    }

    private static RowRejection unparsable(String name, String value, String expected) {
        return new RowRejection(QuarantineReason.UNPARSABLE_FIELD,
                name + " '" + value + "' is not " + expected);
    }

    private static boolean isInteger(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code -?digits[.digits][e[+-]digits]}, with at least one mantissa digit. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
