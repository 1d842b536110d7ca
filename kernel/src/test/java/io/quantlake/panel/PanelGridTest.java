package io.quantlake.panel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.market.Interval;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PanelGrid}, the one panel layout: union grid, universe order, NaN gaps, features, columnar chunks. */
class PanelGridTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;
    private static final double NaN = Double.NaN;

    @Test
    void unionOfTimesIsSortedAndDistinct() {
        assertArrayEquals(new long[] {T0, T0 + DAY, T0 + 2 * DAY},
                PanelGrid.unionTimes(List.of(new long[] {T0 + 2 * DAY, T0}, new long[] {}, new long[] {T0 + DAY, T0, T0})));
        assertArrayEquals(new long[0], PanelGrid.unionTimes(List.of()));
    }

    @Test
    void chunksInAnyOrderLayOutLikeTheRowBuilder() {
        long[] times = {T0, T0 + DAY};
        PanelGrid grid = PanelGrid.empty(Interval.D1, times, new String[] {"B", "A"}, List.of("quote_volume"));
        // two chunks, out of time order; symbol 1 = A, 0 = B
        grid.putAll(new int[] {0}, new long[] {T0 + DAY},
                new double[][] {{9.0}, {9.5}, {8.5}, {9.25}, {NaN}, {3.0}}, 1);
        grid.putAll(new int[] {1, 1}, new long[] {T0 + DAY, T0},
                new double[][] {{1.5, 1.0}, {2.5, 2.0}, {1.0, 0.5}, {2.0, 1.5}, {11.0, 10.0}, {NaN, 7.0}}, 2);
        Panel p = grid.build();
        Panel rows = Panel.builder(Interval.D1, "B", "A").features("quote_volume")
                .bar("A", T0 + DAY, 1.5, 2.5, 1.0, 2.0, 11.0, NaN)
                .bar("B", T0 + DAY, 9.0, 9.5, 8.5, 9.25, NaN, 3.0)
                .bar("A", T0, 1.0, 2.0, 0.5, 1.5, 10.0, 7.0)
                .build();
        assertArrayEquals(new long[] {T0, T0 + DAY}, p.times());
        assertArrayEquals(new double[] {NaN, 1.5, 9.25, 2.0}, p.close());
        assertArrayEquals(new double[] {NaN, 10.0, NaN, 11.0}, p.volume());
        assertArrayEquals(new double[] {NaN, 7.0, 3.0, NaN}, p.feature("quote_volume"));
        for (Panel q : List.of(p, rows)) {
            assertArrayEquals(p.times(), q.times());
            assertArrayEquals(p.open(), q.open());
            assertArrayEquals(p.high(), q.high());
            assertArrayEquals(p.low(), q.low());
            assertArrayEquals(p.close(), q.close());
            assertArrayEquals(p.volume(), q.volume());
            assertArrayEquals(p.feature("quote_volume"), q.feature("quote_volume"));
        }
    }

    @Test
    void aSecondBarForOneCellOrATimeOffTheGridIsAnError() {
        PanelGrid grid = PanelGrid.empty(Interval.D1, new long[] {T0}, new String[] {"A"}, List.of());
        double[][] bar = {{1}, {1}, {1}, {1}, {1}};
        grid.putAll(new int[] {0}, new long[] {T0}, bar, 1);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> grid.putAll(new int[] {0}, new long[] {T0}, bar, 1));
        assertEquals("two bars of A at open_time " + T0, twice.getMessage());
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> grid.putAll(new int[] {0}, new long[] {T0 + DAY}, bar, 1));
        assertEquals("open_time " + (T0 + DAY) + " is not on the panel grid", off.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Panel.builder(Interval.D1, "A")
                .bar("A", T0, 1, 1, 1, 1, 1).bar("A", T0, 2, 2, 2, 2, 2).build());
        assertThrows(IllegalArgumentException.class,
                () -> PanelGrid.empty(Interval.D1, new long[] {T0, T0}, new String[] {"A"}, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> PanelGrid.empty(Interval.D1, new long[] {T0}, new String[] {"A", "A"}, List.of()));
    }

    @Test
    void aPanelsGridSharesItsArraysAndSurvivesSerialization() throws Exception {
        Panel p = Panel.builder(Interval.D1, "A", "B").features("f")
                .bar("A", T0, 1, 2, 0.5, 1.5, 10, 0.1).bar("B", T0 + DAY, 3, 4, 2.5, 3.5, 20, 0.2).build();
        Panel same = PanelGrid.of(p).build();
        assertSame(p.close(), same.close());
        assertSame(p.feature("f"), same.feature("f"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PanelGrid.of(p));
        }
        Panel back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = ((PanelGrid) in.readObject()).build();
        }
        assertArrayEquals(p.times(), back.times());
        assertArrayEquals(p.symbols(), back.symbols());
        assertArrayEquals(p.close(), back.close());
        assertEquals(List.copyOf(p.features().keySet()), List.copyOf(back.features().keySet()));
        assertArrayEquals(p.feature("f"), back.feature("f"));
    }
}
