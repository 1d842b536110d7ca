package io.quantlake.factor;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;

/**
 * The market return {@code r_m,t} that {@link Beta} and {@link IdiosyncraticVolatility} regress on,
 * computed per bar time over the rows present at that time ({@link FactorFrame#BY_TIME}). It is null
 * at a time where it is undefined (the proxy symbol has no bar, or no symbol has a return).
 */
public sealed interface MarketProxy {

    /** The proxy's return column in the prepared frame, e.g. {@code mkt_ret_btcusdt}. */
    String columnName();

    /** A short tag used in factor names, e.g. {@code btcusdt}, {@code ew}, {@code vw}. */
    String tag();

    /** The expression of {@code r_m,t} over {@link FactorFrame#BY_TIME}, reading {@link FactorFrame#RET}. */
    Column returnColumn();

    /** BTCUSDT's own return, the default proxy. */
    static MarketProxy btc() {
        return new SymbolProxy("BTCUSDT");
    }

    /** {@code r_m,t} = the return of one symbol at {@code t} (its own previous bar to {@code t}). */
    record SymbolProxy(String symbol) implements MarketProxy {
        public SymbolProxy {
            Objects.requireNonNull(symbol, "symbol");
            if (!symbol.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("market proxy symbol must be alphanumeric, got '" + symbol + "'");
            }
        }

        @Override
        public String tag() {
            return symbol.toLowerCase(Locale.ROOT);
        }

        @Override
        public String columnName() {
            return "mkt_ret_" + tag();
        }

        @Override
        public Column returnColumn() {
            return max(when(col(FactorFrame.SYMBOL).equalTo(symbol), col(FactorFrame.RET))).over(FactorFrame.BY_TIME);
        }
    }

    /** {@code r_m,t = mean_i r_i,t} over the symbols with a return at {@code t} (equal weights, the symbol itself included). */
    record EqualWeighted() implements MarketProxy {
        @Override
        public String tag() {
            return "ew";
        }

        @Override
        public String columnName() {
            return "mkt_ret_ew";
        }

        @Override
        public Column returnColumn() {
            return avg(col(FactorFrame.RET)).over(FactorFrame.BY_TIME);
        }
    }

    /**
     * {@code r_m,t = Σ_i qv_i,t · r_i,t / Σ_i qv_i,t} over the symbols with a return at {@code t},
     * weighted by the bar's effective quote volume {@link FactorFrame#QV} (known at the bar's close).
     */
    record VolumeWeighted() implements MarketProxy {
        @Override
        public String tag() {
            return "vw";
        }

        @Override
        public String columnName() {
            return "mkt_ret_vw";
        }

        @Override
        public Column returnColumn() {
            Column ret = col(FactorFrame.RET);
            Column weight = when(ret.isNotNull(), col(FactorFrame.QV));
            return FactorFrame.ratio(sum(ret.multiply(weight)).over(FactorFrame.BY_TIME),
                    sum(weight).over(FactorFrame.BY_TIME));
        }
    }
}
