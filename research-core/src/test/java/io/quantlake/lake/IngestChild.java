package io.quantlake.lake;

import io.quantlake.ingest.CandleBar;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.spark.SparkSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Child JVM of {@link IngestAtomicityTest}: ingests {@code args[1]} 1m candles of three symbols into
 * the lake at {@code args[0]}, printing {@value #WRITING} just before the ingest and {@value #DONE}
 * after it.
 */
public final class IngestChild {
    static final String WRITING = "WRITING";
    static final String DONE = "DONE";
    static final String[] SYMBOLS = {"AAAUSDT", "BBBUSDT", "CCCUSDT"};

    private IngestChild() {
    }

    public static void main(String[] args) {
        Lake lake = Lake.at(session(), args[0]);
        int perSymbol = Integer.parseInt(args[1]) / SYMBOLS.length;
        List<CandleBar> bars = new ArrayList<>(perSymbol * SYMBOLS.length);
        for (String s : SYMBOLS) {
            for (int k = 0; k < perSymbol; k++) {
                bars.add(Fixtures.bar(Market.SPOT, Interval.M1, s, Fixtures.T0 + k * Interval.M1.millis(), 100 + k % 97));
            }
        }
        System.out.println(WRITING);
        System.out.flush();
        new LakeWriter(lake).ingest(Fixtures.candlesOnly(bars));
        System.out.println(DONE);
        System.out.flush();
    }

    private static SparkSession session() {
        return SparkSessions.getOrCreate("ingest-child", "local[2]", Path.of("target", "spark-warehouse-child"), 2);
    }
}
