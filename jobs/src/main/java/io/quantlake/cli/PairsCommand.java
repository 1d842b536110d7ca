package io.quantlake.cli;

import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.pairs.PairScan;
import io.quantlake.strategy.pairs.PairScanOptions;
import io.quantlake.strategy.pairs.PairScanResult;
import io.quantlake.strategy.pairs.PriceScale;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pairs --interval I --symbols A,B,… [--start D] [--end D] [--price log|raw] [--csv]}:
 * Engle-Granger scan of every ordered pair (y, x), y ≠ x, on the bars where both have a close,
 * printing {@code y,x,alpha,beta,adf_stat,pvalue,lags,half_life,n} sorted by p-value.
 */
@Command(name = "pairs", mixinStandardHelpOptions = true,
        description = "Engle-Granger cointegration scan of every ordered pair of --symbols, sorted by p-value")
final class PairsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LakeOptions lake;

    @Option(names = "--market", defaultValue = "spot", description = "spot | usdm (default spot)")
    String market;

    @Option(names = "--interval", required = true, description = "candle interval, e.g. 1d")
    String interval;

    @Option(names = "--symbols", required = true, split = ",", description = "at least two symbols, comma-separated")
    List<String> symbols;

    @Option(names = "--start", description = "first bar (UTC date or ISO-8601 instant); default: all data")
    String start;

    @Option(names = "--end", description = "exclusive end; default: all data")
    String end;

    @Option(names = "--price", defaultValue = "log", description = "log | raw (default log)")
    String price;

    @Option(names = "--csv", description = "print CSV: y,x,alpha,beta,adf_stat,pvalue,lags,half_life,n")
    boolean csv;

    @Override
    public void run() {
        Market m = OptionValues.parse(spec, "--market", market, Market::parse);
        Interval iv = OptionValues.parse(spec, "--interval", interval, Interval::parse);
        PriceScale scale = OptionValues.parse(spec, "--price", price, PriceScale::parse);
        long startMs = start == null ? 0L : UtcDates.parse(spec, "--start", start);
        long endMs = UtcDates.parse(spec, "--end", end == null ? "9999-01-01" : end);
        PairScanOptions options = new PairScanOptions(symbols, startMs, endMs, scale);
        Panel panel = new CandleStore(lake.openExisting()).panel(new CandleQuery(m, iv, symbols, startMs, endMs));
        PairScanResult result = PairScan.scan(panel, options);
        System.out.print(csv ? result.csv() : result.text());
    }
}
