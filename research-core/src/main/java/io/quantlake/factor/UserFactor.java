package io.quantlake.factor;

import io.quantlake.factorspec.FactorName;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.classic.ExpressionUtils;

/**
 * A factor written in a config as a Spark SQL expression over the candle columns, with windows over the
 * symbol's own history: {@code {name: vol_adj_mom, expr: "(close / lag(close, 30) - 1) / stddev(ln(close /
 * lag(close, 1))) over last 30"}}.
 *
 * <ul>
 *   <li>Columns ({@link FactorFrame prepared frame}): {@code open, high, low, close} (prices in quote currency),
 *       {@code volume} (base units), {@code qv} (quote volume, USDT), {@code ret} (simple return on the previous
 *       own bar, a fraction).</li>
 *   <li>{@code lag(x, k)}: x on the symbol's own bar k bars before t ({@code k >= 1}, default 1); no OVER clause
 *       (the symbol's own bars in time order are implied).</li>
 *   <li>{@code AGG(x) over last N}: any Spark aggregate (avg, sum, stddev, min, max, corr, …) over the symbol's last
 *       N own bars ending at t, i.e. {@code OVER (PARTITION BY symbol ORDER BY open_time ROWS BETWEEN N-1 PRECEDING
 *       AND CURRENT ROW)}, which may also be written out (a frame may end before the current row).</li>
 *   <li>Any Spark SQL built-in scalar function ({@code ln}, {@code abs}, {@code greatest}, {@code case when}, …);
 *       {@code a / b} is null where b is 0.</li>
 * </ul>
 *
 * <p>Checked when built ({@link FactorExpression}): syntax, unknown columns and functions, look-ahead ({@code lead},
 * a negative lag, FOLLOWING frames, an OVER clause without the symbol partition and time order), and the name.
 * The {@link #warmup()} is derived from the expression: lag offsets and frame lengths, nested ones added (the
 * example needs 31 own bars: {@code lag(close, 30)}; and 30 returns, each of two bars). Uses bars up to and
 * including t only.
 *
 * @param name       the factor's name: {@code [a-z][a-z0-9_]*}, not of a built-in factor's form ({@link FactorNames})
 * @param expression the expression as written
 * @param origin     where it was written, e.g. {@code file conf/research.yaml}, for errors
 */
public record UserFactor(String name, String expression, String origin) implements Factor {
    /** Names of the frames' key columns, which a factor may not take. */
    private static final List<String> RESERVED = List.of(FactorFrame.MARKET, FactorFrame.INTERVAL, FactorFrame.SYMBOL,
            FactorFrame.TS, FactorFrame.BAR_NO);

    /** Checks the name and the expression; the error is one line naming the factor, the origin and the problem. */
    public UserFactor {
        Objects.requireNonNull(origin, "origin");
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("factor " + (name == null ? "without a name" : "'" + name + "'") + " (" + origin
                    + "): a name must match [a-z][a-z0-9_]*");
        }
        if (FactorNames.hasBuiltInForm(name) || RESERVED.contains(name)) {
            throw new IllegalArgumentException("factor " + name + " (" + origin + "): the name is taken by "
                    + (RESERVED.contains(name) ? "a key column" : "the built-in factor form " + FactorName.FORMS)
                    + "; choose another");
        }
        checked(name, expression, origin);
    }

    @Override
    public int warmup() {
        return checked(name, expression, origin).warmup();
    }

    @Override
    public Column column() {
        return ExpressionUtils.column(checked(name, expression, origin).tree()).cast("double");
    }

    /**
     * Throws unless Spark can analyse this factor's column over {@code prepared} (analysis only, no job): the error is
     * one line naming the factor, the origin and Spark's reason, e.g. a function given the wrong number of arguments.
     */
    void requireResolvable(Dataset<Row> prepared) {
        try {
            prepared.select(column());
        } catch (Exception e) { // Spark's AnalysisException, undeclared
            if (!(e instanceof AnalysisException)) {
                throw e;
            }
            throw new IllegalArgumentException("factor " + name + " (" + origin + "): Spark cannot analyse it: "
                    + FactorExpression.firstLine(e.getMessage()) + " in `" + oneLine(expression) + "`", e);
        }
    }

    private static FactorExpression.Checked checked(String name, String expression, String origin) {
        try {
            return FactorExpression.check(expression);
        } catch (FactorExpression.Problem p) {
            throw new IllegalArgumentException("factor " + name + " (" + origin + "): " + p.getMessage()
                    + (expression == null || expression.isBlank() ? "" : " in `" + oneLine(expression) + "`"));
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
