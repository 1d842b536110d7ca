package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
    @Test
    void seriesWithinTheLimitKeepsEveryPoint() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Downsampler.keep(new double[5], 5));
        assertArrayEquals(new int[0], Downsampler.keep(new double[0], 5));
    }

    @Test
    void longSeriesKeepsEndsAndExtremesWithinTheLimit() {
        int n = 100_003;
        double[] walk = new double[n];
        Random random = new Random(7);
        for (int i = 1; i < n; i++) {
            walk[i] = walk[i - 1] + random.nextGaussian();
        }
        int[] kept = Downsampler.keep(walk, 5_000);
        assertTrue(kept.length <= 5_000 && kept.length > 2_500, "kept " + kept.length);
        assertEquals(0, kept[0]);
        assertEquals(n - 1, kept[kept.length - 1]);
        for (int k = 1; k < kept.length; k++) {
            assertTrue(kept[k] > kept[k - 1], "indices ascend without repeats at " + k);
        }
        int min = 0;
        int max = 0;
        for (int i = 1; i < n; i++) {
            min = walk[i] < walk[min] ? i : min;
            max = walk[i] > walk[max] ? i : max;
        }
        assertTrue(Arrays.binarySearch(kept, min) >= 0, "global minimum kept");
        assertTrue(Arrays.binarySearch(kept, max) >= 0, "global maximum kept");
        assertArrayEquals(kept, Downsampler.keep(walk.clone(), 5_000), "deterministic");
    }

    @Test
    void bucketOfGapsKeepsItsFirstAndLastPoint() {
        double[] v = new double[20];
        Arrays.fill(v, Double.NaN);
        v[17] = 5;
        v[18] = -1;
        // maxPoints 16: 4 buckets of 5. [0,5) [5,10) [10,15) are gaps: first and last each;
        // [15,20) keeps first 15, max 17, min 18, last 19
        assertArrayEquals(new int[] {0, 4, 5, 9, 10, 14, 15, 17, 18, 19}, Downsampler.keep(v, 16));
    }

    @Test
    void strideKeepsEveryKthPoint() {
        int[] kept = Downsampler.stride(12_000, 5_000);   // k = ceil(12000 / 5000) = 3
        assertEquals(4_000, kept.length);
        assertEquals(3, kept[1]);
        assertEquals(11_997, kept[kept.length - 1]);
        assertEquals(7, Downsampler.stride(7, 5_000).length);
    }
}
