package io.quantlake.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.junit.jupiter.api.Test;

/**
 * User factor expressions checked before anything runs (no Spark session: Spark's SQL parser alone):
 * the warm-up derived from the tree, and one-line errors naming the factor, the file and the problem.
 */
class UserFactorTest {
    private static final String FILE = "file conf/f.yaml";
    private static final String COLUMNS = "columns: open, high, low, close, volume, qv, ret";

    private static int warmup(String expr) {
        return new UserFactor("u", expr, FILE).warmup();
    }

    private static String error(String name, String expr) {
        return assertThrows(IllegalArgumentException.class, () -> FactorDefinitions.resolve(name, Optional.of(expr), FILE))
                .getMessage();
    }

    @Test
    void warmupIsDerivedFromLagOffsetsAndFrameLengthsNestedOnesAdded() {
        // lag(close, 30) needs bar t-30: 31 bars; stddev over the last 30 returns, each of two bars: 29 + 1 + 1 = 31
        assertEquals(31, warmup("(close / lag(close, 30) - 1) / stddev(ln(close / lag(close, 1))) over last 30"));
        assertEquals(2, warmup("close / lag(close) - 1"), "lag(x) is lag(x, 1)");
        assertEquals(1, warmup("high - low"));
        assertEquals(20, warmup("avg(close) over last 20"));
        assertEquals(21, warmup("stddev(ret) over last 20"), "ret reads the previous bar: as rvol_20");
        assertEquals(new RealizedVolatility(20).warmup(), warmup("stddev(ret) over last 20"));
        assertEquals(13, warmup("avg(lag(close, 3)) over last 10"), "9 rows back, then 3 more");
        // nested frames: 4 + (9 + 1) extra bars
        assertEquals(15, warmup("avg(stddev(ret) over last 10) over last 5"));
        assertEquals(8, warmup("lag(lag(close, 3), 4)"));
        // an explicit frame ending before t: 5 rows back
        assertEquals(6, warmup("sum(volume) OVER (PARTITION BY symbol ORDER BY open_time ROWS BETWEEN 5 PRECEDING AND 1 PRECEDING)"));
        assertEquals(41, warmup("greatest(close, lag(close, 40))"), "a scalar function: the largest of its arguments");
        assertEquals(warmup("avg(close) over last 7"), warmup("AVG(close) OVER  LAST\t7"), "keywords in any case and spacing");
    }

    @Test
    void overLastAndImpliedLagAreRewrittenToStandardSparkSqlWindows() {
        Expression sugar = FactorExpression.check("sum(ret) over last 5 + lag(close, 2)").tree();
        Expression standard = FactorExpression.check("sum(ret) OVER (PARTITION BY symbol ORDER BY open_time ROWS BETWEEN 4 "
                + "PRECEDING AND CURRENT ROW) + lag(close, 2) OVER (PARTITION BY symbol ORDER BY open_time)").tree();
        assertEquals(sugar, standard);
        assertTrue(sugar.sql().startsWith("(sum(ret) OVER (PARTITION BY market, interval, symbol ORDER BY ts ASC NULLS "
                + "FIRST ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) + lag(close, 2) OVER (PARTITION BY market, interval, "
                + "symbol ORDER BY ts ASC NULLS FIRST"), sugar.sql());
        assertEquals("try_divide(close, open)", FactorExpression.check("close / open").tree().sql(), "a / b is null where b is 0");
        assertEquals("'over last 5'", FactorExpression.check("'over last 5'").tree().sql(), "quoted text is left alone");
        assertEquals("over last 5", FactorExpression.sugar("over last 5").replace('_', ' '));
        assertEquals("x_over last 5", FactorExpression.sugar("x_over last 5"), "only the keyword over");
        assertEquals("avg(close) OVER last___5", FactorExpression.sugar("avg(close) OVER last \t 5"), "positions kept");
    }

    @Test
    void lookAheadIsRefusedInOneLineNamingFactorFileAndProblem() {
        assertEquals("factor peek (file conf/f.yaml): look-ahead: lead(…) reads later bars; use lag(x, k) for earlier "
                + "ones in `lead(close, 1) / close - 1`", error("peek", "lead(close, 1) / close - 1"));
        assertEquals("factor peek (file conf/f.yaml): look-ahead: the frame ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING "
                        + "reaches 1 FOLLOWING (past the current row) in `avg(close) over (partition by symbol order by "
                        + "open_time rows between current row and 1 following)`",
                error("peek", "avg(close) over (partition by symbol order by open_time rows between current row and 1 following)"));
        assertTrue(error("peek", "avg(close) OVER (PARTITION BY symbol ORDER BY open_time ROWS BETWEEN 3 PRECEDING AND "
                + "UNBOUNDED FOLLOWING)").startsWith("factor peek (file conf/f.yaml): look-ahead: the frame "));
        assertTrue(error("peek", "avg(close) OVER (ORDER BY open_time ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)")
                .startsWith("factor peek (file conf/f.yaml): look-ahead: an OVER clause must be PARTITION BY symbol ORDER BY "
                        + "open_time"));
        assertTrue(error("peek", "lag(close, 1) OVER (PARTITION BY symbol ORDER BY open_time DESC)")
                .contains("look-ahead: an OVER clause must be"));
        assertTrue(error("peek", "close / lag(close, -1)").contains("look-ahead: lag(…, -1) reads later bars"));
        assertTrue(error("peek", "avg(lead(close)) over last 3").contains("look-ahead: lead(…)"), "nested inside a frame");
        assertTrue(error("peek", "avg(close) OVER (PARTITION BY symbol ORDER BY open_time ROWS BETWEEN UNBOUNDED PRECEDING "
                + "AND CURRENT ROW)").contains("UNBOUNDED PRECEDING: its value would depend on where the data starts"));
        assertTrue(error("peek", "percent_rank() OVER (PARTITION BY symbol ORDER BY open_time)")
                .contains("percent_rank(…) is not supported"));
    }

    @Test
    void unknownColumnAndSyntaxErrorsAreOneLineNamingFactorFileAndProblem() {
        assertEquals("factor vol_adj_mom (file conf/f.yaml): unknown column 'clsoe'; " + COLUMNS
                        + " in `(close / lag(clsoe, 30) - 1) / stddev(ret) over last 30`",
                error("vol_adj_mom", "(close / lag(clsoe, 30) - 1) / stddev(ret) over last 30"));
        // positions refer to the text as written: `over last 30` is rewritten keeping every character's place
        assertEquals("factor vol_adj_mom (file conf/f.yaml): syntax error: Syntax error at or near end of input. "
                        + "(line 1, pos 45) in `stddev(ret) over last 30 / (close / lag(close`",
                error("vol_adj_mom", "stddev(ret) over last 30 / (close / lag(close"));
        String multiLine = error("m", "avg(close)\n  over last 5 +\n  symbol");
        assertEquals("factor m (file conf/f.yaml): unknown column 'symbol'; " + COLUMNS + " in `avg(close) over last 5 + symbol`",
                multiLine);
        assertFalse(multiLine.contains("\n"));
        assertTrue(error("m", "avg(close)").contains("aggregate avg(…) needs a frame: write `avg(…) over last N`"));
        assertTrue(error("m", "max(close, open)").contains("aggregate max(…) needs a frame"));
        assertTrue(error("m", "avg(close) over last 0").contains("write `over last N` with N >= 1"));
        assertTrue(error("m", "avg(close) over w").contains("unknown window `over w`"));
        assertTrue(error("m", "lag(close, 2) over last 3").contains("lag(x, k) takes no `over last 3`"));
        assertTrue(error("m", "frobnicate(close)").contains("unknown function frobnicate(…)"));
        assertTrue(error("m", "close + (select max(close) from candles)").contains("a subquery is not allowed"));
        assertEquals("factor m (file conf/f.yaml): the expression is empty", error("m", "  "));
    }

    @Test
    void namesOfBuiltInFormsAndKeyColumnsAreRefused() {
        assertTrue(error("mom_30_1", "close").startsWith("factor mom_30_1 (file conf/f.yaml): the name is taken by the "
                + "built-in factor form mom_L_S, rev_K, "));
        for (String taken : new String[] {"rev_5", "mom_7", "beta_foo_3", "ivol_ew_9", "rvol_ann_12", "high_ratio_2"}) {
            assertTrue(error(taken, "close").contains("the name is taken by the built-in factor form"), taken);
        }
        assertTrue(error("ts", "close").contains("the name is taken by a key column"));
        assertTrue(error("Vol", "close").contains("a name must match [a-z][a-z0-9_]*"));
        for (String free : new String[] {"vol_adj_mom", "mom_fast", "rev", "momentum_30", "x_1"}) {
            assertEquals(free, FactorDefinitions.resolve(free, Optional.of("close"), FILE).name());
        }
    }

    @Test
    void resolveGivesBuiltInFactorsForNamesWithoutExpression() {
        assertEquals(new Momentum(30, 1), FactorDefinitions.resolve("mom_30_1", Optional.empty(), FILE));
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> FactorDefinitions.resolve("vol_adj_mom", Optional.empty(), FILE)).getMessage();
        assertTrue(unknown.startsWith("unknown factor 'vol_adj_mom'; accepted: mom_L_S") && unknown.endsWith("(" + FILE + ")"),
                unknown);
    }
}
