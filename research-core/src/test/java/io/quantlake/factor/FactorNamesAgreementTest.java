package io.quantlake.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.factorspec.FactorName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every factor name research accepts ({@link FactorNames#parse}, {@code research factors} and {@code nightly}) is
 * accepted by the {@code factor} strategy's config, and the reverse: both are driven over every name form with
 * parameters at, below and above their bounds, proxies valid and not, and names of no form.
 */
class FactorNamesAgreementTest {
    @Test
    void researchAndStrategyAcceptTheSameNames() {
        List<String> names = new ArrayList<>(List.of("", "mom", "mom_", "_30", "momentum", "momentum_30", "mom_030_1",
                "mom_30_01", "MOM_30_1", "mom_30_1_", "mom__30_1", "rvol_ann", "rvol_ann_", "beta_30", "beta__30",
                "beta_EW_30", "beta_btc_usdt_30", "beta_ew_vw_30", "ivol_30_ew", "low_vol_30", "feature", "carry",
                "rev_1_1", "mom_10", "ram_10_1", "skew_3_3", "mom_2147483648_1", "mom_999999999_0", "rev_9999999999"));
        int[] values = {0, 1, 2, 3, 4, 30};
        for (FactorName.Kind k : FactorName.Kind.values()) {
            List<String> heads = k.hasProxy()
                    ? List.of(k.prefix() + "_ew", k.prefix() + "_vw", k.prefix() + "_btcusdt", k.prefix() + "_1000pepe",
                    k.prefix() + "_Btc", k.prefix())
                    : List.of(k.prefix());
            for (String head : heads) {
                for (int a : values) {
                    names.add(head + "_" + a);
                    for (int b : values) {
                        names.add(head + "_" + a + "_" + b);
                        for (int c : new int[] {1, 2, 5}) {
                            names.add(head + "_" + a + "_" + b + "_" + c);
                        }
                    }
                }
            }
        }
        int accepted = 0;
        for (String name : names) {
            boolean research = research(name);
            boolean strategy = strategy(name);
            assertEquals(research, strategy, "'" + name + "': research " + research + ", strategy " + strategy);
            if (research) {
                assertEquals(name, FactorNames.parse(name).name(), "canonical");
                accepted++;
            }
        }
        assertTrue(accepted > 100 && accepted < names.size() - 100, accepted + " of " + names.size() + " accepted");
    }

    private static boolean research(String name) {
        try {
            FactorNames.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean strategy(String name) {
        String yaml = "market: spot\ninterval: 1d\nuniverse: [BTCUSDT]\nstart: 2024-01-01\nend: 2024-02-01\n"
                + "capital: 1000\nstrategy: {name: factor, params: {factors: [{name: '" + name + "'}], mode: long_only,"
                + " top: 1, schedule: daily}}\n";
        try {
            BacktestConfig.bind(ConfigLoader.parse(yaml, "agreement test"));
            return true;
        } catch (ConfigException e) {
            assertTrue(e.getMessage().startsWith("config key `strategy.params.factors[0].name`"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            return false;
        }
    }
}
