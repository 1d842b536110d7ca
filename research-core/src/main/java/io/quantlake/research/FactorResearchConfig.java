package io.quantlake.research;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.config.ConfigDocument;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.config.ConfigNode;
import io.quantlake.config.Range;
import io.quantlake.factor.Composite;
import io.quantlake.factor.Factor;
import io.quantlake.factor.FactorDefinitions;
import io.quantlake.factor.FactorNames;
import io.quantlake.lake.LakeLayout;
import io.quantlake.lake.LakeTable;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The configuration of {@code bin/quantlake research factors --config F}, bound strictly from YAML:
 *
 * <pre>{@code
 * market: spot                 # required: spot | usdm
 * interval: 1d                 # required: a Binance interval
 * universe: all                # `all` (default) or a list of symbols
 * start: 2022-03-01            # optional, inclusive: first date studied (earlier bars are warm-up)
 * end: 2025-01-01              # optional, exclusive: no bar at or after it is read
 * factors: [mom_30_1, rev_1, rvol_20]          # required unless composites: names as FactorNames.parse reads them,
 *   # and user factors {name: vam, expr: "(close / lag(close, 30) - 1) / stddev(ret) over last 30"} (UserFactor)
 * composites: {qm: {mom_30_1: 1.0, rvol_20: -0.5}}   # optional: name → factor (built-in or user) → weight
 * horizons: [1, 5, 20]         # forward horizons in bars (default 1, 5, 20)
 * quantiles: 5                 # buckets per date, 2 … 100 (default 5)
 * min_symbols: 5               # fewest symbols per date, >= max(3, quantiles) (default max(5, quantiles))
 * }</pre>
 *
 * An unknown key, a missing required key or a bad value is a {@link ConfigException} naming the key,
 * the file and the accepted values (carrying no cause: the CLI prints the innermost message of a chain,
 * which would lose the key and the file).
 *
 * @param universe symbols to study; empty means every symbol of the market and interval
 * @param start    first date studied, inclusive; empty = from the first bar
 * @param end      end of the data read, exclusive; empty = to the last bar
 * @param origin   where the config came from, e.g. {@code file conf/research.yaml}
 * @param rawYaml  the exact text, for the {@code runs} table's {@code config} column
 */
public record FactorResearchConfig(Market market, Interval interval, List<String> universe, Optional<Instant> start,
                                   Optional<Instant> end, FactorResearchSpec spec, String origin, String rawYaml) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Accepted top-level keys. */
    public static final String[] KEYS = {"market", "interval", "universe", "start", "end", "factors", "composites",
        "horizons", "quantiles", "min_symbols"};

    public FactorResearchConfig {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(interval, "interval");
        universe = List.copyOf(universe);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw new IllegalArgumentException("start " + start.get() + " must be before end " + end.get());
        }
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rawYaml, "rawYaml");
    }

    /** Loads and binds a YAML file. */
    public static FactorResearchConfig load(Path file) {
        return ConfigLoader.load(file, FactorResearchConfig::bind);
    }

    /** Binds a loaded document (see {@link ConfigLoader#parse} for text held in memory). */
    public static FactorResearchConfig bind(ConfigDocument doc) {
        ConfigNode root = doc.root();
        root.allowOnly(KEYS);
        root.requireAll("market", "interval");
        if (!root.has("factors") && !root.has("composites")) {
            throw root.missing("factors", " list the factors to study (and/or `composites`)");
        }
        Market market = Market.parse(root.choice("market", "spot", "usdm"));
        Interval interval = root.interval("interval");
        List<String> universe = universe(root);
        Optional<Instant> start = root.has("start") ? Optional.of(root.instant("start")) : Optional.empty();
        Optional<Instant> end = root.has("end") ? Optional.of(root.instant("end")) : Optional.empty();
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw root.invalid("end", "after start " + start.get(), root.require("end"));
        }
        List<Factor> factors = root.has("factors") ? factors(root) : List.of();
        List<Composite> composites = composites(root, factors);
        List<Integer> horizons = root.has("horizons") ? horizons(root) : FactorResearchSpec.DEFAULT_HORIZONS;
        int quantiles = root.integer("quantiles", 2, 100, FactorResearchSpec.DEFAULT_QUANTILES);
        int minSymbols = root.integer("min_symbols", Math.max(3, quantiles), Integer.MAX_VALUE,
                Math.max(FactorResearchSpec.DEFAULT_MIN_SYMBOLS, quantiles));
        FactorResearchSpec spec;
        try {
            spec = new FactorResearchSpec(factors, composites, horizons, quantiles, minSymbols);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config keys `factors` and `composites`: " + e.getMessage() + " (" + root.origin() + ")");
        }
        return new FactorResearchConfig(market, interval, universe, start, end, spec, doc.origin(), doc.text());
    }

    /** This config with {@code end} as the end of the data read (exclusive); every other field is kept. */
    public FactorResearchConfig withEnd(Instant end) {
        return new FactorResearchConfig(market, interval, universe, start, Optional.of(end), spec, origin, rawYaml);
    }

    /**
     * The candles this config studies: its market and interval, its universe, and {@code open_time}
     * before {@code end}; bars before {@code start} are kept as warm-up (the study starts at
     * {@code start}, see {@link FactorResearch#run(Dataset, FactorResearchConfig)}). On the lake's
     * {@code candles} the market, interval and month filters are partition filters ({@link LakeLayout}).
     */
    public Dataset<Row> select(Dataset<Row> candles) {
        Column keep = col("market").equalTo(market.code()).and(col("interval").equalTo(interval.code()));
        if (!universe.isEmpty()) {
            keep = keep.and(col("symbol").isin(universe.toArray()));
        }
        if (end.isPresent()) {
            keep = keep.and(col("open_time").lt(lit(Timestamp.from(end.get()))));
            if (Arrays.asList(candles.columns()).contains(LakeTable.MONTH)) { // the lake's partitions: no later month
                keep = keep.and(col(LakeTable.MONTH).leq(LakeLayout.month(end.get().toEpochMilli() - 1)));
            }
        }
        return candles.where(keep);
    }

    private static List<String> universe(ConfigNode root) {
        if (!root.has("universe")) {
            return List.of();
        }
        JsonNode v = root.require("universe");
        if (v.isTextual()) {
            if (v.asText().equals("all")) {
                return List.of();
            }
            throw root.invalid("universe", "`all` or a list of symbols", v);
        }
        return root.stringList("universe");
    }

    /**
     * The {@code factors} list: built-in names ({@link FactorNames}) and {@code {name, expr}} user factors
     * ({@link FactorDefinitions#resolve}), in list order.
     */
    private static List<Factor> factors(ConfigNode root) {
        JsonNode v = root.require("factors");
        if (!v.isArray() || v.isEmpty()) {
            throw root.invalid("factors", "a non-empty list of factor names and {name, expr} mappings", v);
        }
        List<Factor> out = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            JsonNode e = v.get(k);
            if (e.isTextual() && !e.asText().isBlank()) {
                try {
                    out.add(FactorNames.parse(e.asText()));
                } catch (IllegalArgumentException x) {
                    throw new ConfigException("config key `" + root.keyPath("factors") + "` entry \"" + e.asText()
                            + "\" is not a factor: " + x.getMessage() + " (" + root.origin() + ")");
                }
            } else if (e.isObject()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = JSON.convertValue(e, Map.class);
                ConfigNode item = ConfigNode.of(entry, root.keyPath("factors[" + k + "]"), root.origin());
                item.allowOnly("name", "expr");
                item.requireAll("name", "expr");
                try {
                    out.add(FactorDefinitions.resolve(item.string("name"), Optional.of(item.string("expr")), root.origin()));
                } catch (ConfigException x) {
                    throw x;
                } catch (IllegalArgumentException x) { // one line: the factor, the file, the problem
                    throw new ConfigException(x.getMessage());
                }
            } else {
                throw root.invalid("factors[" + k + "]", "a factor name or a mapping {name: …, expr: …}", e);
            }
        }
        return List.copyOf(out);
    }

    /** Composites of {@code factors}' user factors (by name) and built-in factors. */
    private static List<Composite> composites(ConfigNode root, List<Factor> factors) {
        Map<String, Factor> defined = new HashMap<>();
        for (Factor f : factors) {
            defined.put(f.name(), f);
        }
        List<Composite> out = new ArrayList<>();
        ConfigNode node = root.objectOrEmpty("composites");
        for (String name : node.keys()) {
            try {
                out.add(FactorNames.composite(name, node.numberMap(name, Range.finite()), defined));
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ConfigException("config key `" + node.keyPath(name) + "`: " + e.getMessage() + " (" + root.origin() + ")");
            }
        }
        return out;
    }

    private static List<Integer> horizons(ConfigNode root) {
        JsonNode v = root.require("horizons");
        String expected = "a non-empty list of distinct integers >= 1 (bars)";
        if (!v.isArray() || v.isEmpty()) {
            throw root.invalid("horizons", expected, v);
        }
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode e : v) {
            if (!e.isNumber() || !e.canConvertToExactIntegral() || !e.canConvertToInt() || e.asInt() < 1 || !seen.add(e.asInt())) {
                throw root.invalid("horizons", expected, v);
            }
            out.add(e.asInt());
        }
        return List.copyOf(out);
    }
}
