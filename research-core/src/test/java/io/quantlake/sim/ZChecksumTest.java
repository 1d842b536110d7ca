package io.quantlake.sim;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.TargetWeights;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZChecksumTest {
    static Panel full(Random rnd, int symbols, int bars) {
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i;
        }
        io.quantlake.panel.PanelBuilder b = Panel.builder(io.quantlake.market.Interval.D1, names);
        for (int i = 0; i < symbols; i++) {
            double p = 10 + 100 * rnd.nextDouble();
            for (int t = 0; t < bars; t++) {
                double o = Math.max(p * (1 + 0.02 * rnd.nextGaussian()), 0.01);
                double c = Math.max(o * (1 + 0.05 * rnd.nextGaussian()), 0.01);
                b.bar(names[i], 1_600_000_000_000L / 86_400_000L * 86_400_000L + t * 86_400_000L, o, Math.max(o, c) * 1.01, Math.min(o, c) * 0.99, c, 1);
                p = c;
            }
        }
        return b.build();
    }

    @Test
    void checksum() {
        long h = 0;
        for (int seed = 0; seed < 2000; seed++) {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(9);
            int bars = 20 + rnd.nextInt(60);
            boolean gaps = rnd.nextBoolean();
            Panel p = seed % 2 == 0 ? KernelProperties.panel(rnd, n, bars, gaps) : full(rnd, n, bars);
            Market m = seed % 4 == 1 ? Market.SPOT : rnd.nextBoolean() ? Market.SPOT : Market.USDM;
            SimConfig c = KernelProperties.randomConfig(rnd, m);
            TargetWeights w = KernelProperties.randomWeights(rnd, p.bars(), n, m == Market.SPOT, rnd.nextInt(3) * 0.01, rnd.nextBoolean());
            BacktestResult r;
            try {
                r = Simulator.run(p, c, StrategyInput.weights(w));
            } catch (RuntimeException e) {
                h = h * 31 + e.getMessage().hashCode();
                continue;
            }
            for (int t = 0; t < r.bars(); t++) {
                h = h * 31 + Double.doubleToRawLongBits(r.equity()[t]);
                h = h * 31 + Double.doubleToRawLongBits(r.cash()[t]);
                h = h * 31 + Double.doubleToRawLongBits(r.gross()[t]);
                h = h * 31 + Double.doubleToRawLongBits(r.net()[t]);
                h = h * 31 + Double.doubleToRawLongBits(r.leverage()[t]);
                h = h * 31 + (r.invested()[t] ? 1 : 0);
            }
            for (int k = 0; k < r.ledger().size(); k++) {
                h = h * 31 + r.ledger().get(k).toString().hashCode();
            }
            h = h * 31 + java.util.Arrays.hashCode(r.targets().weights());
        }
        System.out.println("CHECKSUM " + Long.toHexString(h));
    }
}
