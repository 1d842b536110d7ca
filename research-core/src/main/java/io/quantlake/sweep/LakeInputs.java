package io.quantlake.sweep;

import static org.apache.spark.sql.functions.col;

import io.quantlake.backtest.FactorPanels;
import io.quantlake.config.BacktestConfig;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.lake.CandleQuery;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.FundingSeries;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.market.Market;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sim.SymbolFilter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Reads what a sweep's backtests need from the lake, as {@link io.quantlake.backtest.LakeBacktest}
 * does for one backtest: the base config's universe × interval × window as a panel, its funding in
 * the window (usdm), the known lot step and min notional of the universe, and the factors the sweep's sets read
 * as panel features ({@link FactorPanels}), computed over the lake before the panel is broadcast.
 */
final class LakeInputs {
    /** The tables read; their Delta versions go to the sweep's {@code runs.data_versions}. */
    static final List<LakeTable> TABLES = List.of(LakeTable.CANDLES, LakeTable.FUNDING_RATES, LakeTable.SYMBOLS);

    private LakeInputs() {
    }

    static PanelData read(Lake lake, BacktestConfig config, Collection<FactorRef> factors) {
        CandleStore store = new CandleStore(lake);
        Map<String, FundingSchedule> funding = new LinkedHashMap<>();
        if (config.market() == Market.USDM) {
            FundingSeries series = store.funding(config.market(), config.universe(), config.startMs(), config.endMs());
            for (int i = 0; i < series.symbols().length; i++) {
                if (series.times(i).length > 0) {
                    funding.put(series.symbols()[i], new FundingSchedule(series.times(i), series.rates(i), series.marks(i)));
                }
            }
        }
        Map<String, SymbolFilter> filters = new LinkedHashMap<>();
        if (lake.exists(LakeTable.SYMBOLS)) {
            for (Row r : lake.read(LakeTable.SYMBOLS)
                    .filter(col("market").equalTo(config.market().code()).and(col("symbol").isin(config.universe().toArray())))
                    .select("symbol", "step_size", "min_notional").collectAsList()) {
                SymbolFilter f = new SymbolFilter(r.isNullAt(1) ? Double.NaN : r.getDouble(1),
                        r.isNullAt(2) ? Double.NaN : r.getDouble(2));
                if (!Double.isNaN(f.stepSize()) || !Double.isNaN(f.minNotional())) {
                    filters.put(r.getString(0), f);
                }
            }
        }
        CandleQuery query = FactorPanels.query(config);
        return new PanelData(FactorPanels.attach(store.panel(query), store, query, factors, config.origin()), funding, filters);
    }
}
