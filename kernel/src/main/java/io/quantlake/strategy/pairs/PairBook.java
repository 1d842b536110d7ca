package io.quantlake.strategy.pairs;

/** The mutable per-run state of one traded pair inside {@link PairTradingStrategy}. */
final class PairBook {
    final PairSpec spec;
    /** Universe indices of the legs. */
    final int y;
    final int x;
    /** Rows of the legs in the strategy's price history. */
    final int yRow;
    final int xRow;
    final PairFeed feed;
    /** Whether the last (formation or re-)test found the pair cointegrated: new trades may open. */
    boolean active = true;
    double lastPValue;
    int lastTestBar;
    /** Whether the strategy opened a trade that has not been seen flat since. */
    boolean open;
    /** Whether a new trade may open: false after a trade ends until |z| has been below entry_z. */
    boolean armed = true;

    PairBook(PairSpec spec, int y, int x, int yRow, int xRow, PairFeed feed, double pValue, int testBar) {
        this.spec = spec;
        this.y = y;
        this.x = x;
        this.yRow = yRow;
        this.xRow = xRow;
        this.feed = feed;
        this.lastPValue = pValue;
        this.lastTestBar = testBar;
    }
}
