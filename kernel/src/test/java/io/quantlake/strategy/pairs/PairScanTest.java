package io.quantlake.strategy.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.stats.CointegrationResult;
import io.quantlake.stats.EngleGranger;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PairScan: every ordered pair, inner join, p-value order, fields of EngleGranger.coint, degenerate pairs skipped. */
class PairScanTest {
    static final long T0 = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;
    static final int N = 300;

    /**
     * A and B cointegrated ({@code ln A = 0.3 + 0.8 ln B + s}, s AR(1) 0.5), C an independent random walk with its
     * bar 100 missing, D constant, E = 2 A (perfectly collinear with A on log prices).
     */
    static double[][] logs() {
        Random r = new Random(7);
        double[][] v = new double[5][N];
        double b = Math.log(50);
        double c = Math.log(20);
        double s = 0;
        for (int t = 0; t < N; t++) {
            b += 0.02 * r.nextGaussian();
            c += 0.02 * r.nextGaussian();
            s = 0.5 * s + 0.01 * r.nextGaussian();
            v[0][t] = 0.3 + 0.8 * b + s;
            v[1][t] = b;
            v[2][t] = t == 100 ? Double.NaN : c;
            v[3][t] = Math.log(7);
            v[4][t] = Math.log(2) + v[0][t];
        }
        return v;
    }

    static Panel panel(double[][] logs, String... names) {
        PanelBuilder pb = Panel.builder(Interval.D1, names);
        for (int k = 0; k < names.length; k++) {
            for (int t = 0; t < N; t++) {
                if (!Double.isNaN(logs[k][t])) {
                    double c = Math.exp(logs[k][t]);
                    pb.bar(names[k], T0 + t * DAY, c, c, c, c, 1);
                }
            }
        }
        return pb.build();
    }

    @Test
    void cointegratedPairRanksFirstAndEveryFieldIsEngleGrangers() {
        double[][] v = logs();
        Panel p = panel(v, "A", "B", "C");
        PairScanResult res = PairScan.scan(p, PairScanOptions.all());
        assertEquals(6, res.rows().size(), "3 symbols give 6 ordered pairs");
        assertTrue(res.skipped().isEmpty());
        assertEquals(Set.of("A", "B"), Set.of(res.rows().get(0).y(), res.rows().get(0).x()));
        assertEquals(Set.of("A", "B"), Set.of(res.rows().get(1).y(), res.rows().get(1).x()));
        assertTrue(res.rows().get(1).pValue() < 0.01, "planted pair p-value " + res.rows().get(1).pValue());
        for (int k = 2; k < 6; k++) {
            assertTrue(res.rows().get(k).y().equals("C") || res.rows().get(k).x().equals("C"));
            assertTrue(res.rows().get(k).pValue() > 0.05, "independent pair " + res.rows().get(k));
        }
        for (int k = 1; k < 6; k++) {
            assertTrue(PairScan.BY_PVALUE.compare(res.rows().get(k - 1), res.rows().get(k)) <= 0, "sorted at row " + k);
        }
        PairScanRow ab = find(res, "A", "B");
        CointegrationResult direct = EngleGranger.coint(v[0], v[1]);
        assertEquals(direct.alpha(), ab.alpha(), 0);
        assertEquals(direct.beta(), ab.beta(), 0);
        assertEquals(direct.statistic(), ab.adfStat(), 0);
        assertEquals(direct.pValue(), ab.pValue(), 0);
        assertEquals(direct.lags(), ab.lags());
        assertEquals(direct.halfLife(), ab.halfLife(), 0);
        assertEquals(N, ab.n());
        assertEquals(0.8, ab.beta(), 0.05);
        // C misses bar 100: its pairs are tested on the N - 1 common bars (inner join)
        PairScanRow ca = find(res, "C", "A");
        assertEquals(N - 1, ca.n());
        double[] c = new double[N - 1];
        double[] a = new double[N - 1];
        for (int t = 0, m = 0; t < N; t++) {
            if (t != 100) {
                c[m] = v[2][t];
                a[m++] = v[0][t];
            }
        }
        assertEquals(EngleGranger.coint(c, a).pValue(), ca.pValue(), 0);
    }

    @Test
    void rawPricesAndDateRangeChangeTheInput() {
        double[][] v = logs();
        Panel p = panel(v, "A", "B", "C");
        PairScanOptions opts = PairScanOptions.of(List.of("A", "B")).withRange(T0 + 50 * DAY, T0 + 250 * DAY)
                .withPrice(PriceScale.RAW);
        PairScanResult res = PairScan.scan(p, opts);
        assertEquals(2, res.rows().size());
        double[] a = new double[200];
        double[] b = new double[200];
        for (int t = 50; t < 250; t++) {
            a[t - 50] = p.close()[p.at(t, 0)];
            b[t - 50] = p.close()[p.at(t, 1)];
        }
        PairScanRow row = find(res, "A", "B");
        assertEquals(200, row.n());
        assertEquals(EngleGranger.coint(a, b).statistic(), row.adfStat(), 0);
    }

    @Test
    void degeneratePairsAreSkippedAndCounted() {
        Panel p = panel(logs(), "A", "B", "C", "D", "E");
        PairScanResult res = PairScan.scan(p, PairScanOptions.all());
        // D is constant: 8 ordered pairs with D; A/E and E/A are perfectly collinear
        assertEquals(10, res.skipped().size(), res.skipped().toString());
        assertEquals(20 - 10, res.rows().size());
        for (PairScanResult.Skipped s : res.skipped()) {
            assertTrue(s.y().equals("D") || s.x().equals("D") || Set.of(s.y(), s.x()).equals(Set.of("A", "E")), s.toString());
        }
        assertTrue(res.text().contains("10 pairs tested, 10 skipped"), res.text());
    }

    @Test
    void csvAndTextRenderings() {
        PairScanResult res = PairScan.scan(panel(logs(), "A", "B"), PairScanOptions.all());
        String[] lines = res.csv().split("\n");
        assertEquals("y,x,alpha,beta,adf_stat,pvalue,lags,half_life,n", lines[0]);
        assertEquals(3, lines.length);
        PairScanRow r = res.rows().get(0);
        assertEquals(r.y() + "," + r.x() + "," + r.alpha() + "," + r.beta() + "," + r.adfStat() + "," + r.pValue() + ","
                + r.lags() + "," + r.halfLife() + "," + r.n(), lines[1]);
        String[] text = res.text().split("\n");
        assertTrue(text[0].matches("y\\s+x\\s+alpha\\s+beta\\s+adf_stat\\s+pvalue\\s+lags\\s+half_life\\s+n"), text[0]);
        assertEquals(text[1].length(), text[2].length(), "fixed width");
        assertEquals("inf", new PairScanRow("A", "B", 0, 1, -1, 0.5, 0, Double.POSITIVE_INFINITY, 10).csv().split(",")[7]);
    }

    @Test
    void unknownSymbolIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairScan.scan(panel(logs(), "A", "B"), PairScanOptions.of(List.of("A", "ZZZ"))));
        assertTrue(e.getMessage().contains("ZZZ") && e.getMessage().contains("A, B"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PairScanOptions.of(List.of("A")));
    }

    static PairScanRow find(PairScanResult res, String y, String x) {
        return res.rows().stream().filter(r -> r.y().equals(y) && r.x().equals(x)).findFirst().orElseThrow();
    }
}
