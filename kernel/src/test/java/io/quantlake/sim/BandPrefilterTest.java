package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link BandPrefilter#select} against the band rule it stands in for (SIMULATION.md §5, R10): over random
 * rows (any symbol count, no order, negative and zero targets, flat and short books, targets exactly on a
 * band edge) it selects, in ascending order and once each, every symbol whose order is outside its band
 * ({@code |w − q p / E'| >= band}, {@code w} at least 0 in spot), and no symbol clearly inside it.
 */
class BandPrefilterTest {

    @Property(tries = 500)
    void selectsEveryOrderOutsideItsBandInUniverseOrder(@ForAll long seed,
                                                        @ForAll @IntRange(min = 1, max = 70) int n,
                                                        @ForAll boolean spot) {
        Random r = new Random(seed);
        double e = 1_000 * (0.1 + r.nextDouble()); // E' > 0 (quote currency)
        double band = r.nextInt(5) == 0 ? 0 : 0.2 * r.nextDouble();
        double[] pw = new double[n];
        double[] q = new double[n];
        double[] px = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = 1 + 100 * r.nextDouble();
            q[i] = switch (r.nextInt(4)) {
                case 0 -> 0.0;
                case 1 -> -e * r.nextDouble() / px[i] * (spot ? 0 : 0.3);
                default -> e * r.nextDouble() / px[i] * 0.3;
            };
            double cw = q[i] * px[i] / e;
            pw[i] = switch (r.nextInt(6)) {
                case 0 -> Double.NaN; // no order
                case 1 -> cw + band; // on the band's upper edge (up to rounding)
                case 2 -> cw - band;
                case 3 -> -0.2 * r.nextDouble();
                default -> 0.3 * r.nextDouble();
            };
        }
        BandPrefilter prefilter = new BandPrefilter(n);
        int m = prefilter.select(pw, q, px, 1 / e, band, spot);
        int[] near = prefilter.selected();

        assertTrue(m >= 0 && m <= n, "count " + m + " of " + n);
        boolean[] selected = new boolean[n];
        for (int k = 0; k < m; k++) {
            assertTrue(near[k] >= 0 && near[k] < n && (k == 0 || near[k] > near[k - 1]),
                    "selection not ascending at " + k + ": " + near[k]);
            selected[near[k]] = true;
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(pw[i])) {
                continue;
            }
            double w = spot ? Math.max(pw[i], 0.0) : pw[i];
            double cw = q[i] * px[i] / e;
            double d = Math.abs(w - cw);
            if (d >= band) {
                assertTrue(selected[i], "symbol " + i + " is outside its band (|w − cw| = " + d + ", band " + band
                        + ") but not selected");
            } else if (selected[i]) {
                assertTrue(d >= band - 1e-12 * (1 + d + Math.abs(cw)),
                        "symbol " + i + " is clearly inside its band (|w − cw| = " + d + ", band " + band + ") but selected");
            }
        }
    }
}
