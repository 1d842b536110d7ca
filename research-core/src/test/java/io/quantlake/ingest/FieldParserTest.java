package io.quantlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldParserTest {
    @Test
    void decimalsArePlainNumbersOnly() {
        for (String ok : new String[] {"0", "-12.5", "42283.58000000", "1e-05", "2.5E+3", "7."}) {
            assertTrue(FieldParser.isDecimal(ok), ok);
        }
        for (String bad : new String[] {"", "-", ".", "abc", "1,5", " 1", "1 ", "NaN", "Infinity", "0x1p3", "1d", "1e", "+1"}) {
            assertFalse(FieldParser.isDecimal(bad), bad);
        }
    }

    @Test
    void epochUnitIsDetectedByMagnitude() {
        assertEquals(EpochUnit.MILLIS, EpochUnit.detect(1704067200000L));
        assertEquals(EpochUnit.MILLIS, EpochUnit.detect(99_999_999_999_999L));
        assertEquals(EpochUnit.MICROS, EpochUnit.detect(100_000_000_000_000L));
        assertEquals(EpochUnit.MICROS, EpochUnit.detect(1735689600000000L));
        assertEquals(null, EpochUnit.detect(1735689600000000000L), "nanoseconds are not accepted");
    }

    @Test
    void isoTimesInEveryAcceptedSpellingAreUtc() throws RowRejection {
        FieldParser p = new FieldParser("t.csv");
        for (String iso : new String[] {"2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z", "2024-01-01T01:00:00+01:00",
                "2024-01-01T00:00:00", "2024-01-01 00:00:00", "2024-01-01"}) {
            assertEquals(1704067200000L, p.epochOrIsoMillis(new String[] {iso}, 0, "open_time", 2), iso);
        }
    }

    @Test
    void microsecondsThatAreNotWholeMillisecondsAreRejected() {
        FieldParser p = new FieldParser("t.csv");
        RowRejection e = assertThrows(RowRejection.class,
                () -> p.epochMillis(new String[] {"1735689600000123"}, 0, "open_time", 2));
        assertEquals("open_time 1735689600000123 is epoch µs but not a whole millisecond", e.violation().detail());
    }
}
