package io.quantlake.datasets;

import io.quantlake.market.Market;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code MANIFEST}: the planted facts of a generated sample, one per line, tab-separated:
 * {@code spec}, {@code params}, one {@code symbol} line each, {@code pair x y}, {@code listing s time},
 * {@code delisting s time}, {@code gap market s start end}, then {@code files} and {@code rows}.
 * Times are ISO-8601 UTC; numbers have at most 8 significant digits. Lines starting with {@code #}
 * are comments.
 */
final class ManifestWriter {
    /** File name of the manifest in the output directory. */
    static final String FILE = "MANIFEST";

    private ManifestWriter() {
    }

    static void write(UniversePlan plan, GenerationSummary summary) {
        SampleUniverseSpec s = plan.spec();
        ModelParameters p = plan.params();
        List<String> lines = new ArrayList<>();
        lines.add("# QuantLake synthetic sample universe (not market data). Every fact below is planted by"
                + " io.quantlake.datasets.SampleUniverseGenerator; see datasets/README.md.");
        String spec = String.join("\t", "spec", "seed=" + s.seed(), "symbols=" + s.symbols(), "start=" + s.start(),
                "end=" + s.end(), "hourly_start=" + s.hourlyStart(), "hourly_symbols=" + s.hourlySymbols(),
                "markets=" + markets(s), "usdm_symbols=" + s.usdmSymbols());
        lines.add(s.minuteDays() == 0 ? spec : spec + "\tminute_start=" + s.minuteStart());
        lines.add(String.join("\t", "params", "market_drift=" + num(p.marketDrift()), "market_vol=" + num(p.marketVol()),
                "garch_alpha=" + num(p.garchAlpha()), "garch_beta=" + num(p.garchBeta()), "tail_df=" + p.tailDf(),
                "max_market_move=" + num(p.maxMarketMove()), "drift_vol=" + num(p.driftVol()),
                "drift_half_life_days=" + num(p.driftHalfLifeDays()), "reversal_theta=" + num(p.reversalTheta()),
                "pair_rho=" + num(p.pairRho()), "pair_spread_vol=" + num(p.pairSpreadVol()),
                "funding_mean=" + num(p.fundingMean()), "funding_phi=" + num(p.fundingPhi()),
                "funding_vol=" + num(p.fundingVol()), "max_abs_funding=" + num(p.maxAbsFunding())));
        for (SymbolProfile sym : plan.symbols()) {
            boolean usdm = s.markets().contains(Market.USDM) && sym.index() < s.usdmSymbols();
            lines.add(String.join("\t", "symbol", sym.symbol(), "beta=" + num(sym.beta()), "idio_vol=" + num(sym.idioVol()),
                    "start_price=" + num(sym.startPrice()), "tick=" + DecimalText.of(1, sym.priceScale()),
                    "step=" + DecimalText.of(1, sym.qtyScale()), "first=" + time(sym.firstOpenTime()),
                    "end=" + time(sym.endTime()), "hourly=" + (sym.index() < s.hourlySymbols() && s.hourlyMonths() > 0),
                    "usdm=" + usdm));
        }
        for (PlantedPair pair : plan.pairs()) {
            lines.add(String.join("\t", "pair", pair.x(), pair.y(), "alpha=" + num(pair.alpha()),
                    "beta=" + num(pair.beta()), "rho=" + num(pair.rho()), "spread_vol=" + num(pair.spreadVol())));
        }
        for (ListingEvent e : plan.events()) {
            lines.add(String.join("\t", e.kind().name().toLowerCase(java.util.Locale.ROOT), e.symbol(), time(e.time())));
        }
        for (BarGap g : plan.gaps()) {
            lines.add(String.join("\t", "gap", g.market().code(), g.symbol(), time(g.start()), time(g.end()),
                    "hours=" + g.hours(), "whole_days=" + g.wholeDays()));
        }
        lines.add("files\t" + summary.files());
        lines.add("rows\t" + summary.rows());
        Path file = summary.outDir().resolve(FILE);
        try {
            Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String markets(SampleUniverseSpec s) {
        List<String> codes = new ArrayList<>();
        for (Market m : s.markets()) {
            codes.add(m.code());
        }
        return String.join(",", codes);
    }

    /** Exact decimal of the double rounded to 8 significant digits: the same text on every JVM version. */
    static String num(double v) {
        return new BigDecimal(v).round(new MathContext(8)).stripTrailingZeros().toPlainString();
    }

    static String time(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
