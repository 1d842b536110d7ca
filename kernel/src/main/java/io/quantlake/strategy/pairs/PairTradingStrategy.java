package io.quantlake.strategy.pairs;

import io.quantlake.exit.ConditionalExitStrategy;
import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.ledger.PositionSide;
import io.quantlake.market.Market;
import io.quantlake.stats.CointegrationResult;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Statistical-arbitrage pair trading (config name {@code pair_trading}, market {@code usdm}: one leg is short).
 * Decisions at bar {@code t} use prices of bars {@code <= t} only. Per bar, in this order:
 * <ol>
 *   <li><b>History.</b> Each candidate symbol's scaled close ({@link PriceScale}) at {@code t} is recorded (NaN
 *       when it has no valid bar).</li>
 *   <li><b>Selection</b>, once, at the first bar {@code t} with {@code t + 1 >= formation_bars}: every candidate
 *       pair (the given {@code pairs}, else every ordered pair of the universe) is tested by Engle-Granger
 *       ({@code EngleGranger.coint}) on the common bars of the trailing {@code formation_bars} grid bars; pairs with
 *       fewer than {@code max(21, ceil(formation_bars / 2))} common bars or whose test is impossible are left out. The best by
 *       p-value (ties by y, x) with {@code p <= max_pvalue} are taken greedily, skipping a pair that shares a
 *       symbol with one already taken, up to {@code top_pairs}. Each selected pair's {@link SpreadModel} is
 *       then replayed over the history from bar 0 to {@code t}, so it is warm when trading starts (and its
 *       z-scores are those of a model fed from the first bar). Nothing is selected again.</li>
 *   <li><b>Spread.</b> The pair's z-score at {@code t} ({@link SpreadModel}).</li>
 *   <li><b>Re-test</b> every {@code retest_bars} after the last test, on the trailing {@code formation_bars}:
 *       the pair stays tradable while {@code p <= max_pvalue}; when it fails (or the test is impossible:
 *       too few common bars, a degenerate regression) no new trade opens (until a later
 *       re-test passes) and an open trade is held or closed per {@link OnBreak}.</li>
 *   <li><b>Book-keeping.</b> A trade the strategy opened has ended when neither leg holds a lot or a pending
 *       order; a new trade then needs {@code |z| < entry_z} at some bar first (so a stopped or timed-out trade
 *       is not reopened on the same excursion). A leg left alone (the other leg flat, nothing pending) is closed.</li>
 *   <li><b>Entry</b> when flat and {@code entry_z <= |z| < stop_z} (beyond the stop an entry would be stopped at
 *       once): {@code z > 0} shorts the spread (short y, long {@code beta} x), {@code z < 0} longs it; legs sized
 *       by {@link LegSizing} as weights of the decision equity; both lots carry the exit chain
 *       [{@code ConditionalExitStrategy(}{@link SpreadCondition} EXIT at {@code exit_z}),
 *       {@code ConditionalExitStrategy(}STOP at {@code stop_z}), {@code TimeBasedExitStrategy(max_holding_bars)}].</li>
 * </ol>
 * A strategy instance keeps per-run state; it resets itself when a run starts again at an earlier bar, so
 * it may run several backtests one after another (not concurrently).
 */
public final class PairTradingStrategy implements SignalStrategy {
    private final PairTradingParams params;
    private String[] rowSymbols;
    private int[] rowUniverse;
    private double[][] history;
    private int lastBar = -1;
    private List<PairBook> books;
    private final List<PairScanRow> selection = new ArrayList<>();

    public PairTradingStrategy(PairTradingParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public PairTradingParams params() {
        return params;
    }

    /**
     * Rejects a market other than usdm: the strategy shorts one leg of every trade, which spot cannot do
     * (the kernel would silently drop the short leg and leave a naked long).
     */
    public static void requireUsdm(Market market) {
        if (market != Market.USDM) {
            throw new IllegalArgumentException("strategy pair_trading needs market usdm (each trade shorts one leg; in "
                    + market.name().toLowerCase(java.util.Locale.ROOT) + " only the long leg could be opened)");
        }
    }

    /**
     * 1: a decision reads the bar's closes only ({@code snapshot.window(k).lastClose()}); the formation window, the
     * hedge ratio and the z-score are the strategy's own state, kept across the blocks of a run in time blocks.
     */
    @Override
    public int warmupBars() {
        return 1;
    }

    /** The selected pairs with their formation-window test, best first; empty before the selection bar. */
    public List<PairScanRow> selection() {
        return List.copyOf(selection);
    }

    @Override
    public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
        int t = snapshot.bar();
        if (t <= lastBar || rowSymbols == null) {
            reset(snapshot);
        }
        lastBar = t;
        record(snapshot, t);
        if (books == null) {
            if (t + 1 < params.formationBars()) {
                return List.of();
            }
            select(snapshot, t);
        }
        List<Signal> out = null;
        for (PairBook b : books) {
            b.feed.model().advance(t, history[b.yRow][t], history[b.xRow][t]);
            out = decide(b, t, state, out);
        }
        return out == null ? List.of() : out;
    }

    /** Decides for one pair; returns {@code out}, created on the first signal (no allocation on quiet bars). */
    private List<Signal> decide(PairBook b, int t, PortfolioState state, List<Signal> out) {
        double z = b.feed.model().z();
        if (params.retestBars() > 0 && t - b.lastTestBar >= params.retestBars()) {
            b.lastPValue = pValue(b.yRow, b.xRow, t);
            b.active = b.lastPValue <= params.maxPValue();
            b.lastTestBar = t;
        }
        boolean heldY = state.held(b.y);
        boolean heldX = state.held(b.x);
        boolean pending = state.pending(b.y) || state.pending(b.x);
        boolean inTrade = heldY || heldX || pending;
        if (b.open && !inTrade) {
            b.open = false;
            b.armed = false;
        }
        if (b.open && !pending && heldY != heldX) {
            return closeLeg(heldY ? b.y : b.x, state, out, b);
        }
        if (b.open && !b.active && params.onBreak() == OnBreak.CLOSE && !pending) {
            return closeLeg(b.x, state, closeLeg(b.y, state, out, b), b);
        }
        if (!b.armed && Math.abs(z) < params.entryZ()) {
            b.armed = true;
        }
        double beta = b.feed.model().beta();
        double az = Math.abs(z);
        if (inTrade || !b.active || !b.armed || !(az >= params.entryZ() && az < params.stopZ()) || !Double.isFinite(beta)) {
            return out;
        }
        int dir = z > 0 ? -1 : 1;
        List<ExitStrategy> chain = new ArrayList<>(3);
        chain.add(new ConditionalExitStrategy(new SpreadCondition(b.feed, SpreadCondition.Kind.EXIT, dir, params.exitZ())));
        chain.add(new ConditionalExitStrategy(new SpreadCondition(b.feed, SpreadCondition.Kind.STOP, dir, params.stopZ())));
        if (params.maxHoldingBars() > 0) {
            chain.add(new TimeBasedExitStrategy(params.maxHoldingBars()));
        }
        double wy = params.legWeight();
        double wx = params.sizing().xWeight(wy, beta);
        int xDir = beta >= 0 ? -dir : dir;
        out = out == null ? new ArrayList<>() : out;
        out.add(Signal.open(b.spec.y(), dir > 0 ? Signal.Side.LONG : Signal.Side.SHORT, new Signal.Weight(wy), chain));
        out.add(Signal.open(b.spec.x(), xDir > 0 ? Signal.Side.LONG : Signal.Side.SHORT, new Signal.Weight(wx), chain));
        b.open = true;
        return out;
    }

    /** Adds CLOSE signals for the open lots of leg {@code k} to {@code out} (created when null); returns it. */
    private static List<Signal> closeLeg(int k, PortfolioState state, List<Signal> out, PairBook b) {
        String symbol = k == b.y ? b.spec.y() : b.spec.x();
        List<Signal> o = out == null ? new ArrayList<>() : out;
        if (state.quantity(k, PositionSide.LONG) != 0) {
            o.add(Signal.close(symbol, Signal.Side.LONG));
        }
        if (state.quantity(k, PositionSide.SHORT) != 0) {
            o.add(Signal.close(symbol, Signal.Side.SHORT));
        }
        return o;
    }

    /** Engle-Granger p-value of history rows {@code yRow} on {@code xRow} over the formation window ending at {@code t}; NaN when untestable. */
    private double pValue(int yRow, int xRow, int t) {
        CointegrationResult r = formationTest(yRow, xRow, t);
        return r == null ? Double.NaN : r.pValue();
    }

    private CointegrationResult formationTest(int yRow, int xRow, int t) {
        int from = t + 1 - params.formationBars();
        AlignedPair p = AlignedPair.join(history[yRow], history[xRow], from, t + 1);
        if (p.size() < Math.max(PairTradingParams.MIN_TEST_BARS, (params.formationBars() + 1) / 2)) {
            return null;
        }
        try {
            return io.quantlake.stats.EngleGranger.coint(p.y(), p.x());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void select(MarketSnapshot snapshot, int t) {
        List<PairScanRow> rows = new ArrayList<>();
        Map<String, Integer> row = new HashMap<>();
        for (int r = 0; r < rowSymbols.length; r++) {
            row.put(rowSymbols[r], r);
        }
        for (PairSpec c : candidates()) {
            CointegrationResult res = formationTest(row.get(c.y()), row.get(c.x()), t);
            if (res != null && res.pValue() <= params.maxPValue()) {
                rows.add(PairScanRow.of(c.y(), c.x(), res));
            }
        }
        rows.sort(PairScan.BY_PVALUE);
        Set<String> used = new HashSet<>();
        books = new ArrayList<>();
        for (PairScanRow r : rows) {
            if (books.size() == params.topPairs()) {
                break;
            }
            if (used.contains(r.y()) || used.contains(r.x())) {
                continue;
            }
            used.add(r.y());
            used.add(r.x());
            selection.add(r);
            int yRow = row.get(r.y());
            int xRow = row.get(r.x());
            PairFeed feed = new PairFeed(new SpreadModel(params.hedge(), params.zLookback()), rowUniverse[yRow],
                    rowUniverse[xRow], params.price());
            for (int s = 0; s <= t; s++) {
                feed.model().advance(s, history[yRow][s], history[xRow][s]);
            }
            books.add(new PairBook(new PairSpec(r.y(), r.x()), rowUniverse[yRow], rowUniverse[xRow], yRow, xRow, feed,
                    r.pValue(), t));
        }
    }

    private List<PairSpec> candidates() {
        if (!params.pairs().isEmpty()) {
            return params.pairs();
        }
        List<PairSpec> all = new ArrayList<>();
        for (String a : rowSymbols) {
            for (String b : rowSymbols) {
                if (!a.equals(b)) {
                    all.add(new PairSpec(a, b));
                }
            }
        }
        return all;
    }

    private void record(MarketSnapshot snapshot, int t) {
        if (t >= history[0].length) {
            int cap = Math.max(t + 1, 2 * history[0].length);
            for (int r = 0; r < history.length; r++) {
                int old = history[r].length;
                history[r] = Arrays.copyOf(history[r], cap);
                Arrays.fill(history[r], old, cap, Double.NaN);
            }
        }
        for (int r = 0; r < rowSymbols.length; r++) {
            int k = rowUniverse[r];
            if (!snapshot.valid(k)) {
                history[r][t] = Double.NaN;
                continue;
            }
            try {
                history[r][t] = params.price().apply(snapshot.window(k).lastClose());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(rowSymbols[r] + " at " + java.time.Instant.ofEpochMilli(snapshot.time())
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Starts a run: resolves the candidate symbols against the universe and clears all state. */
    private void reset(MarketSnapshot snapshot) {
        Map<String, Integer> universe = new HashMap<>();
        for (int k = 0; k < snapshot.symbolCount(); k++) {
            universe.put(snapshot.symbol(k), k);
        }
        List<String> symbols = new ArrayList<>();
        if (params.pairs().isEmpty()) {
            for (int k = 0; k < snapshot.symbolCount(); k++) {
                symbols.add(snapshot.symbol(k));
            }
        } else {
            for (PairSpec p : params.pairs()) {
                symbols.add(p.y());
                symbols.add(p.x());
            }
        }
        rowSymbols = symbols.toArray(String[]::new);
        rowUniverse = new int[rowSymbols.length];
        for (int r = 0; r < rowSymbols.length; r++) {
            Integer k = universe.get(rowSymbols[r]);
            if (k == null) {
                throw new IllegalArgumentException("strategy.params.pairs names " + rowSymbols[r]
                        + ", which is not in the universe " + universe.keySet());
            }
            rowUniverse[r] = k;
        }
        history = new double[rowSymbols.length][Math.max(64, params.formationBars())];
        for (double[] h : history) {
            Arrays.fill(h, Double.NaN);
        }
        books = null;
        selection.clear();
        lastBar = -1;
    }
}
