package io.quantlake.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import io.quantlake.tearsheet.BacktestFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every output stays byte-identical across restructuring (issue 12, item 5). Each demo config of
 * {@code datasets/configs} runs through {@link Backtest#run} on
 * <ul>
 *   <li>a seeded synthetic OHLCV panel over its own universe (a listing, a delisting, gaps; usdm with
 *       8-hourly funding), once without exchange filters and once with a lot step and a min notional;</li>
 *   <li>real Binance spot candles ({@code ../shared/data}, 1d and 4h; symbols the data lacks are played by
 *       other real pairs, two of them listed during 2024), when that folder is present.</li>
 * </ul>
 * A config whose strategy reads factors (the {@code factor} configs) cannot run here: its factor values are
 * computed by Spark over the candles (research-core {@code FactorPanels}); research-core's
 * {@code FactorConfigDigestTest} keeps their digests the same way.
 * The SHA-256 of the exact bytes {@link BacktestFiles} writes (equity.csv, ledger.csv, targets.csv,
 * metrics.json) of each run must equal the digest recorded in {@code output-digests.txt}. A change that is
 * meant to change outputs re-records them with {@code -Dquantlake.digests.record=true} and says why in its
 * commit.
 */
class OutputDigestTest {
    private static final String RESOURCE = "output-digests.txt";
    /** Real pairs standing in for demo symbols that ../shared/data lacks (the last two list in 2024). */
    private static final Map<String, String> STAND_INS = Map.of("BNBUSDT", "DOGEUSDT", "ADAUSDT", "AVAXUSDT",
            "TAGIUSDT", "WIFUSDT", "XUBOXEUSDT", "ENAUSDT");

    @Test
    void demoConfigsKeepTheirBytes() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (Path file : demoConfigs()) {
            String name = file.getFileName().toString().replace(".yaml", "");
            String text = Files.readString(file);
            BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(text, "file " + file.getFileName()));
            if (!config.strategy().requiredFactors().isEmpty()) {
                continue; // FactorConfigDigestTest (research-core): its factors are computed by Spark
            }
            actual.put("synthetic/" + name, digest(run(config, synthetic(config), false)));
            actual.put("synthetic-filters/" + name, digest(run(config, synthetic(config), true)));
            Path shared = sharedSpot();
            if (shared != null) {
                for (String interval : new String[] {"1d", "4h"}) {
                    BacktestConfig real = BacktestConfig.bind(ConfigLoader.parse(text.replace("interval: 1d", "interval: " + interval),
                            "file " + file.getFileName()));
                    actual.put("real-" + interval + "/" + name, digest(run(real, realPanel(real, shared), false)));
                }
            }
        }
        Map<String, String> expected = recorded();
        if (Boolean.getBoolean("quantlake.digests.record")) {
            record(actual);
            return;
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : actual.entrySet()) {
            if (!e.getValue().equals(expected.get(e.getKey()))) {
                changed.add(e.getKey() + " (" + e.getValue() + " != recorded " + expected.get(e.getKey()) + ")");
            }
        }
        assertTrue(changed.isEmpty(), changed.size() + " runs changed their output bytes:\n" + String.join("\n", changed));
        assertTrue(actual.size() >= 2 * 15, "every demo config without factors ran: " + actual.size());
        if (sharedSpot() != null) {
            assertEquals(expected.keySet(), actual.keySet(), "the recorded runs");
        }
    }

    static BacktestOutcome run(BacktestConfig config, Panel panel, boolean filters) {
        Map<String, FundingSchedule> funding = config.market() == Market.USDM ? funding(panel) : Map.of();
        Map<String, SymbolFilter> f = new LinkedHashMap<>();
        if (filters) {
            for (String s : panel.symbols()) {
                f.put(s, new SymbolFilter(0.001, 5));
            }
        }
        return Backtest.run(panel, config, funding, f);
    }

    /** SHA-256 over the four files' bytes, each preceded by its name. */
    static String digest(BacktestOutcome o) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringWriter equity = new StringWriter();
        BacktestFiles.writeEquity(o.result(), equity);
        StringWriter ledger = new StringWriter();
        BacktestFiles.writeLedger(o.result().ledger(), ledger);
        StringWriter targets = new StringWriter();
        BacktestFiles.writeTargets(o.result().targets(), o.result().times(), o.result().symbols(), targets);
        StringWriter metrics = new StringWriter();
        BacktestFiles.writeMetrics(o.metrics(), metrics);
        String[] names = {BacktestFiles.EQUITY, BacktestFiles.LEDGER, BacktestFiles.TARGETS, BacktestFiles.METRICS};
        StringWriter[] bodies = {equity, ledger, targets, metrics};
        for (int k = 0; k < names.length; k++) {
            sha.update((names[k] + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(bodies[k].toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * 700 bars of the config's interval from its start: correlated random walks with intrabar ranges; symbol 1
     * lists at bar 40, symbol 2 delists 60 bars before the end, symbol 3 misses every 11th bar.
     */
    static Panel synthetic(BacktestConfig c) {
        String[] symbols = c.universe().toArray(new String[0]);
        Random rnd = new Random(c.origin().hashCode());
        PanelBuilder b = Panel.builder(c.interval(), symbols);
        int bars = 700;
        double[] level = new double[symbols.length];
        for (int i = 0; i < level.length; i++) {
            level[i] = 10 + 90 * rnd.nextDouble() * (i + 1);
        }
        long step = c.interval().millis();
        for (int t = 0; t < bars; t++) {
            double market = 0.02 * rnd.nextGaussian();
            for (int i = 0; i < symbols.length; i++) {
                double open = level[i];
                level[i] *= Math.exp((0.5 + i / 5.0) * market + 0.025 * rnd.nextGaussian());
                double close = level[i];
                double high = Math.max(open, close) * (1 + 0.02 * rnd.nextDouble());
                double low = Math.min(open, close) * (1 - 0.02 * rnd.nextDouble());
                boolean missing = (i == 1 && t < 40) || (i == 2 && t >= bars - 60) || (i == 3 && t % 11 == 5);
                if (!missing) {
                    b.bar(symbols[i], c.startMs() + t * step, open, high, low, close, 1000 * rnd.nextDouble());
                }
            }
        }
        return b.build();
    }

    /** The config's universe on real candles; a symbol the data lacks is played by {@link #STAND_INS}. */
    static Panel realPanel(BacktestConfig c, Path shared) throws IOException {
        String[] symbols = c.universe().toArray(new String[0]);
        PanelBuilder b = Panel.builder(c.interval(), symbols);
        Path dir = shared.resolve(c.interval().code());
        for (String s : symbols) {
            String source = Files.exists(dir.resolve(s + ".csv")) ? s : STAND_INS.get(s);
            assertTrue(source != null && Files.exists(dir.resolve(source + ".csv")), "no real data for " + s);
            List<String> lines = Files.readAllLines(dir.resolve(source + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                b.bar(s, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            }
        }
        return b.build();
    }

    /** 8-hourly funding over the panel's span, seeded rates of about ±1 bp, marks NaN (close used). */
    static Map<String, FundingSchedule> funding(Panel p) {
        Map<String, FundingSchedule> out = new LinkedHashMap<>();
        long first = p.times()[0];
        long last = p.times()[p.bars() - 1] + p.interval().millis();
        int n = (int) ((last - first) / 28_800_000L) + 1;
        for (int i = 0; i < p.symbolCount(); i++) {
            Random rnd = new Random(31L * i + 7);
            long[] times = new long[n];
            double[] rates = new double[n];
            for (int k = 0; k < n; k++) {
                times[k] = first + k * 28_800_000L;
                rates[k] = 1e-4 * (0.5 + rnd.nextGaussian());
            }
            out.put(p.symbols()[i], FundingSchedule.of(times, rates));
        }
        return out;
    }

    static List<Path> demoConfigs() throws IOException {
        String root = System.getProperty("quantlake.root", "");
        Assumptions.assumeTrue(!root.isEmpty(), "system property quantlake.root not set (run through Maven)");
        try (Stream<Path> s = Files.list(Path.of(root, "datasets", "configs"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static Path sharedSpot() {
        String shared = System.getProperty("quantlake.shared");
        Path dir = shared == null ? null : Path.of(shared, "data", "binance-spot-2024");
        return dir != null && Files.isDirectory(dir) ? dir : null;
    }

    private static Path recordFile() {
        return Path.of(System.getProperty("quantlake.root"), "kernel", "src", "test", "resources", RESOURCE);
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path f = recordFile();
        if (!Files.exists(f)) {
            return m;
        }
        for (String line : Files.readAllLines(f)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.split(" ");
                m.put(kv[0], kv[1]);
            }
        }
        return m;
    }

    private static void record(Map<String, String> digests) throws IOException {
        StringBuilder sb = new StringBuilder("# SHA-256 of each run's four output files (OutputDigestTest)\n");
        digests.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        Files.writeString(recordFile(), sb.toString());
    }
}
