package io.quantlake.sim;

import java.time.Instant;

/**
 * Step 4 of §12.2 (usdm only): funding payments (SIMULATION.md §8, §12.3, R3, R4, R16). A funding
 * time {@code τ} belongs to bar {@code t} when {@code open_t <= τ < open_{t+1}} (last bar:
 * {@code open_t + interval}). Each symbol with a non-zero net quantity {@code q} pays
 * {@code q · mark · rate} (one FUNDING row per symbol and time, ordered by funding time then
 * universe order); the mark is the bar's close (last known close when missing, R9) unless
 * {@link FundingMark#RECORD_MARK}. In hedge mode the net quantity is charged; a symbol whose lots
 * net to 0 pays nothing and writes no row. Records outside the backtest window are ignored (R3).
 */
final class FundingStep {
    private final SimState s;
    private final long[][] time;
    private final double[][] rate;
    private final double[][] mark;
    private final boolean[] hasRecords;
    private final int[] cursor;
    private final long windowStart;
    private final long windowEnd;
    /** Symbols with (without) funding records in the window, in universe order. */
    private final int[] withRecords;
    private final int[] withoutRecords;
    private final boolean errorMode;

    FundingStep(SimState s) {
        this.s = s;
        int n = s.n;
        this.time = new long[n][];
        this.rate = new double[n][];
        this.mark = new double[n][];
        this.hasRecords = new boolean[n];
        this.cursor = new int[n];
        long[] grid = s.gridTimes;
        this.windowStart = grid.length == 0 ? 0 : grid[0];
        this.windowEnd = grid.length == 0 ? 0 : grid[grid.length - 1] + s.panel.interval().millis();
        for (int i = 0; i < n; i++) {
            FundingSchedule f = s.config.funding().get(s.panel.symbols()[i]);
            if (f == null) {
                f = FundingSchedule.of(new long[0], new double[0]);
            }
            time[i] = f.times();
            rate[i] = f.rates();
            mark[i] = f.marks();
            cursor[i] = f.firstAtOrAfter(windowStart);
            hasRecords[i] = cursor[i] < time[i].length && time[i][cursor[i]] < windowEnd;
        }
        int with = 0;
        for (boolean h : hasRecords) {
            with += h ? 1 : 0;
        }
        this.withRecords = new int[with];
        this.withoutRecords = new int[n - with];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (hasRecords[i]) {
                withRecords[a++] = i;
            } else {
                withoutRecords[b++] = i;
            }
        }
        this.errorMode = s.config.fundingMissing() == FundingMissing.ERROR;
    }

    /** Charges the funding times of bar {@code t} on the current positions. */
    void charge(int t) {
        if (errorMode) {
            Account a = s.account;
            for (int i : withoutRecords) {
                if (a.net(i) != 0) {
                    long lo = s.times[t];
                    throw new IllegalStateException("funding data missing for " + s.panel.symbols()[i] + ": no funding record in ["
                            + Instant.ofEpochMilli(windowStart) + ", " + Instant.ofEpochMilli(windowEnd) + ") but a position of "
                            + a.net(i) + " is held at bar " + Instant.ofEpochMilli(lo)
                            + "; ingest its funding rates or set funding.missing: zero");
                }
            }
        }
        if (withRecords.length == 0) {
            return;
        }
        long lo = s.times[t];
        long hi = t + 1 < s.bars ? s.times[t + 1] : s.nextOpen(t);
        Account a = s.account;
        for (int i : withRecords) {
            while (cursor[i] < time[i].length && time[i][cursor[i]] < lo) {
                cursor[i]++;
            }
        }
        while (true) {
            long next = Long.MAX_VALUE;
            for (int i : withRecords) {
                int c = cursor[i];
                if (c < time[i].length && time[i][c] < hi && time[i][c] < next) {
                    next = time[i][c];
                }
            }
            if (next == Long.MAX_VALUE) {
                return;
            }
            for (int i : withRecords) {
                int c = cursor[i];
                if (c < time[i].length && time[i][c] == next) {
                    cursor[i]++;
                    if (a.net(i) != 0) {
                        double m = s.config.fundingMark() == FundingMark.RECORD_MARK && !Double.isNaN(mark[i][c])
                                ? mark[i][c] : s.lastClose(i);
                        a.fund(t, i, m, rate[i][c]);
                    }
                }
            }
        }
    }

    /** Whether any symbol has a funding record in the window or a missing record is an error (else {@link #charge} is a no-op). */
    boolean active() {
        return errorMode || withRecords.length > 0;
    }
}
