package io.quantlake.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.config.ConfigDocument;
import io.quantlake.config.ConfigLoader;
import io.quantlake.config.ConfigNode;
import io.quantlake.config.Range;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The configuration of {@code bin/quantlake nightly --config F}, bound strictly from YAML (an unknown key,
 * a missing required key or a bad value is a {@link io.quantlake.config.ConfigException} naming the key
 * and the file). Paths are relative to the config file's directory.
 *
 * <pre>{@code
 * ingest:                          # optional (absent: no ingest, the lake is fed elsewhere)
 *   archive: ../../sample          #   a Binance archive tree, MERGEd whole each night; or
 *   # api: {market: spot, symbols: [BTCUSDT, ETHUSDT], interval: 1d, base_url: http://..., start: 2024-01-01}
 * factors:                         # optional
 *   config: ../research/factors.yaml   # a factor-research YAML (its market, interval, universe, factors)
 *   days: 1                        # UTC days ending at the run date whose factor rows are MERGEd (default 1)
 *   research: false                # also run the factor study over its window ending at the run date
 * strategy:
 *   config: ../monthly_rebalance.yaml  # required: a backtest YAML (market, interval, universe, start, strategy)
 * positions: positions.csv         # required: symbol,quantity (base units); cash as a USDT row or `cash:`
 * cash: 10000                      # optional: USDT, when positions.csv has no USDT row
 * output: ../../../out/nightly     # optional (default out/nightly): orders-D.csv / orders-D.json; --out overrides
 * }</pre>
 *
 * @param factorsConfig  the factor-research YAML, if any
 * @param factorDays     days of factor rows written, &gt;= 1
 * @param research       whether the factor study runs
 * @param origin         e.g. {@code file conf/nightly.yaml}
 * @param rawYaml        the exact text, for the {@code runs} row
 */
public record NightlyConfig(Optional<IngestSource> ingest, Optional<Path> factorsConfig, int factorDays, boolean research,
                            Path strategyConfig, Path positions, OptionalDouble cash, Path output, String origin,
                            String rawYaml) {
    /** Accepted top-level keys. */
    public static final String[] KEYS = {"ingest", "factors", "strategy", "positions", "cash", "output"};

    public NightlyConfig {
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(factorsConfig, "factorsConfig");
        if (factorDays < 1) {
            throw new IllegalArgumentException("factors.days must be >= 1, got " + factorDays);
        }
        Objects.requireNonNull(strategyConfig, "strategyConfig");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rawYaml, "rawYaml");
    }

    /** Loads and binds {@code file}; relative paths resolve against its directory. */
    public static NightlyConfig load(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return ConfigLoader.load(file, doc -> bind(doc, dir));
    }

    /** Binds a loaded document; relative paths resolve against {@code baseDir}. */
    public static NightlyConfig bind(ConfigDocument doc, Path baseDir) {
        ConfigNode root = doc.root();
        root.allowOnly(KEYS);
        root.requireAll("strategy", "positions");
        Optional<IngestSource> ingest = root.has("ingest") ? Optional.of(ingest(root.object("ingest"), baseDir))
                : Optional.empty();
        Optional<Path> factors = Optional.empty();
        int days = 1;
        boolean research = false;
        if (root.has("factors")) {
            ConfigNode f = root.object("factors");
            f.allowOnly("config", "days", "research");
            factors = Optional.of(baseDir.resolve(f.string("config")));
            days = f.integer("days", 1, 3660, 1);
            research = bool(f, "research");
        }
        ConfigNode strategy = root.object("strategy");
        strategy.allowOnly("config");
        Path strategyConfig = baseDir.resolve(strategy.string("config"));
        Path positions = baseDir.resolve(root.string("positions"));
        OptionalDouble cash = root.has("cash") ? OptionalDouble.of(root.number("cash", Range.atLeast(0)))
                : OptionalDouble.empty();
        Path output = baseDir.resolve(root.string("output", "out/nightly"));
        return new NightlyConfig(ingest, factors, days, research, strategyConfig, positions, cash, output, doc.origin(),
                doc.text());
    }

    private static IngestSource ingest(ConfigNode node, Path baseDir) {
        node.allowOnly("archive", "api");
        if (node.has("archive") == node.has("api")) {
            throw node.invalid("archive", "given, or `" + node.keyPath("api") + "` given (exactly one of them)",
                    node.has("archive") ? "both" : "neither");
        }
        if (node.has("archive")) {
            return new IngestSource.Archive(baseDir.resolve(node.string("archive")));
        }
        ConfigNode api = node.object("api");
        api.allowOnly("market", "symbols", "interval", "base_url", "start");
        api.requireAll("market", "symbols", "interval");
        Market market = Market.parse(api.choice("market", "spot", "usdm"));
        JsonNode iv = api.require("interval");
        Interval interval;
        try {
            interval = Interval.parse(iv.asText());
        } catch (IllegalArgumentException e) {
            throw api.invalid("interval", "one of " + Interval.codes(), iv);
        }
        Optional<URI> baseUrl = Optional.empty();
        if (api.has("base_url")) {
            String text = api.string("base_url");
            try {
                baseUrl = Optional.of(new URI(text));
            } catch (URISyntaxException e) {
                throw api.invalid("base_url", "a URL such as https://api.binance.com", api.require("base_url"));
            }
        }
        Optional<Instant> start = Optional.empty();
        if (api.has("start")) {
            JsonNode v = api.require("start");
            try {
                start = Optional.of(LocalDate.parse(v.asText()).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                throw api.invalid("start", "a UTC date such as 2024-01-01", v);
            }
        }
        return new IngestSource.Api(market, api.stringList("symbols"), interval, baseUrl, start);
    }

    private static boolean bool(ConfigNode node, String key) {
        if (!node.has(key)) {
            return false;
        }
        JsonNode v = node.require(key);
        if (!v.isBoolean()) {
            throw node.invalid(key, "true or false", v);
        }
        return v.asBoolean();
    }
}
