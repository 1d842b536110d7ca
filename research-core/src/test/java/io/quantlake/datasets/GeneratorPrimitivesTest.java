package io.quantlake.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The exact decimal text and the seeded random draws the generator is built on. */
class GeneratorPrimitivesTest {

    @Test
    void decimalTextIsShortestAndExact() {
        assertEquals("42175.5", DecimalText.of(4217550, 2));
        assertEquals("3", DecimalText.of(300, 2));
        assertEquals("0.000000001", DecimalText.of(1, 9));
        assertEquals("-0.0001", DecimalText.of(-10000, 8));
        assertEquals("0.00010000", DecimalText.fixed(10000, 8));
        assertEquals("-0.00002100", DecimalText.fixed(-2100, 8));
    }

    @Property(tries = 500)
    void decimalTextRoundTripsThroughBigDecimal(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long units,
                                                @ForAll @IntRange(min = 0, max = 12) int scale) {
        String text = DecimalText.of(units, scale);
        assertEquals(0, new BigDecimal(text).compareTo(BigDecimal.valueOf(units, scale)), text);
        assertFalse(text.contains("E") || (text.contains(".") && text.endsWith("0")), text);
        assertEquals(0, new BigDecimal(DecimalText.fixed(units, scale)).compareTo(BigDecimal.valueOf(units, scale)));
    }

    @Test
    void gaussianAndStudentTDrawsHaveUnitVariance() {
        SeededRandom rng = SeededRandom.stream(1, 2);
        int n = 200_000;
        double sumG = 0;
        double sumG2 = 0;
        double sumT2 = 0;
        double sumT4 = 0;
        for (int k = 0; k < n; k++) {
            double g = rng.nextGaussian();
            sumG += g;
            sumG2 += g * g;
            double t = rng.nextStudentT(5);
            sumT2 += t * t;
            sumT4 += t * t * t * t;
        }
        // standard errors: mean 1/sqrt(n) = 0.0022; variance sqrt(2/n) = 0.0032 (normal), larger for t5
        assertEquals(0, sumG / n, 0.01);
        assertEquals(1, sumG2 / n, 0.015);
        assertEquals(1, sumT2 / n, 0.05);
        // unit-variance t5 has kurtosis 3 + 6/(5-4) = 9: fat tails, far above the normal's 3
        assertTrue(sumT4 / n > 5, "fourth moment of t5 draws " + sumT4 / n);
    }

    @Test
    void streamsAreReproducibleAndDistinct() {
        assertEquals(SeededRandom.stream(7, 3).nextLong(), SeededRandom.stream(7, 3).nextLong());
        assertTrue(SeededRandom.stream(7, 3).nextLong() != SeededRandom.stream(7, 4).nextLong());
        assertTrue(SeededRandom.stream(7, 3).nextLong() != SeededRandom.stream(8, 3).nextLong());
    }
}
