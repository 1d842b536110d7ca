package io.quantlake.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.panel.Panel;
import io.quantlake.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The kernel's {@link OutputDigestTest} for the demo configs that read factors ({@code factor_*.yaml}): the same
 * runs (synthetic panel without and with exchange filters, real Binance spot 1d and 4h when ../shared/data is
 * there) with the factors' values computed by Spark with the research definitions over the run's candles
 * ({@link FactorPanels#attach}, the function every lake run uses). The SHA-256 of each run's four output files must
 * equal {@code factor-output-digests.txt}; a change meant to change outputs re-records them with
 * {@code -Dquantlake.digests.record=true} and says why in its commit.
 */
class FactorConfigDigestTest {
    private static final String RESOURCE = "factor-output-digests.txt";

    @Test
    void factorConfigsKeepTheirBytes() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (Path file : OutputDigestTest.demoConfigs()) {
            String name = file.getFileName().toString().replace(".yaml", "");
            String text = Files.readString(file);
            BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(text, "file " + file.getFileName()));
            if (config.strategy().requiredFactors().isEmpty()) {
                continue; // OutputDigestTest (kernel)
            }
            Panel synthetic = withFactors(config, OutputDigestTest.synthetic(config));
            actual.put("synthetic/" + name, OutputDigestTest.digest(OutputDigestTest.run(config, synthetic, false)));
            actual.put("synthetic-filters/" + name, OutputDigestTest.digest(OutputDigestTest.run(config, synthetic, true)));
            Path shared = OutputDigestTest.sharedSpot();
            if (shared != null) {
                for (String interval : new String[] {"1d", "4h"}) {
                    BacktestConfig real = BacktestConfig.bind(ConfigLoader.parse(text.replace("interval: 1d",
                            "interval: " + interval), "file " + file.getFileName()));
                    Panel p = withFactors(real, OutputDigestTest.realPanel(real, shared));
                    actual.put("real-" + interval + "/" + name, OutputDigestTest.digest(OutputDigestTest.run(real, p, false)));
                }
            }
        }
        if (Boolean.getBoolean("quantlake.digests.record")) {
            record(actual);
            return;
        }
        Map<String, String> expected = recorded();
        List<String> changed = new ArrayList<>();
        actual.forEach((k, v) -> {
            if (!v.equals(expected.get(k))) {
                changed.add(k + " (" + v + " != recorded " + expected.get(k) + ")");
            }
        });
        assertTrue(changed.isEmpty(), changed.size() + " runs changed their output bytes:\n" + String.join("\n", changed));
        assertTrue(actual.size() >= 2 * 3, "every factor config ran: " + actual.size());
        if (OutputDigestTest.sharedSpot() != null) {
            assertEquals(expected.keySet(), actual.keySet(), "the recorded runs");
        }
    }

    private static Panel withFactors(BacktestConfig config, Panel panel) {
        return PanelCandles.withFactors(SharedSpark.spark(), panel, config.market(), config.strategy().requiredFactors());
    }

    private static Path recordFile() {
        return Path.of(System.getProperty("quantlake.root"), "research-core", "src", "test", "resources", RESOURCE);
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(recordFile())) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.split(" ");
                m.put(kv[0], kv[1]);
            }
        }
        return m;
    }

    private static void record(Map<String, String> digests) throws IOException {
        StringBuilder sb = new StringBuilder("# SHA-256 of each factor config run's four output files (FactorConfigDigestTest)\n");
        digests.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        Files.writeString(recordFile(), sb.toString());
    }
}
