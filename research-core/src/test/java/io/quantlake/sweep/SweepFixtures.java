package io.quantlake.sweep;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small daily spot universe and an inverse-vol base config for the sweep tests. */
final class SweepFixtures {
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;
    static final String[] SYMBOLS = {"AAAUSDT", "BBBUSDT", "CCCUSDT"};
    static final int BARS = 200;

    /** The base config: inverse_vol on {@link #SYMBOLS}, 2024-01-01 + 200 days, 10 bps taker, 5 bps slippage. */
    static final String BASE_YAML = """
            market: spot
            interval: 1d
            universe: [AAAUSDT, BBBUSDT, CCCUSDT]
            start: 2024-01-01
            end: 2024-07-19
            capital: 100000
            costs: {taker_bps: 10, slippage_bps: 5}
            strategy:
              name: inverse_vol
              params: {lookback: 20, schedule: {every: 5}, band: 0}
            """;

    private SweepFixtures() {
    }

    static BacktestConfig base() {
        return BacktestConfig.bind(ConfigLoader.parse(BASE_YAML, "test base"));
    }

    /** {@link #BARS} daily candles per symbol: a seeded random walk, high/low 1% around open/close. */
    static List<CandleBar> candles() {
        Random rnd = new Random(42);
        List<CandleBar> out = new ArrayList<>();
        for (int i = 0; i < SYMBOLS.length; i++) {
            double close = 100 * (i + 1);
            for (int t = 0; t < BARS; t++) {
                double open = close;
                close = open * (1 + 0.01 * (i - 1) * 0.1 + 0.03 * rnd.nextGaussian());
                double high = Math.max(open, close) * 1.01;
                double low = Math.min(open, close) * 0.99;
                out.add(new CandleBar(Market.SPOT, Interval.D1, SYMBOLS[i], T0 + t * DAY, open, high, low, close,
                        1000, Double.NaN, -1, Double.NaN, Double.NaN));
            }
        }
        return out;
    }

    /** The panel of {@link #candles()} as the lake would return it. */
    static Panel panel() {
        PanelBuilder b = Panel.builder(Interval.D1, SYMBOLS);
        for (CandleBar c : candles()) {
            b.bar(c.symbol(), c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume());
        }
        return b.build();
    }
}
