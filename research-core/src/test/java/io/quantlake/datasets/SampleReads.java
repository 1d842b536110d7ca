package io.quantlake.datasets;

import io.quantlake.ingest.ArchiveReader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.market.FundingRecord;
import io.quantlake.market.Market;
import io.quantlake.spark.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folders of the committed sample read by {@link ArchiveReader} in the shared test session: all folders of one
 * call in one read (a read is a few Spark jobs whatever its number of folders), and each list of folders once per
 * test JVM (tests build panels from the same unchanging files many times).
 */
public final class SampleReads {
    private static final Map<List<Path>, IngestBatch> READ = new ConcurrentHashMap<>();

    private SampleReads() {
    }

    /** {@code folders} read as one input, collected (cached per list of folders). */
    public static IngestBatch read(List<Path> folders) {
        return READ.computeIfAbsent(List.copyOf(folders), f -> {
            try {
                return ArchiveReader.read(SharedSpark.spark(), f, Market.SPOT).collect();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The candles of {@code batch} by symbol, each symbol's in the batch's order (by key: time within a series). */
    public static Map<String, List<CandleBar>> candlesBySymbol(IngestBatch batch) {
        Map<String, List<CandleBar>> out = new LinkedHashMap<>();
        for (CandleBar c : batch.candles()) {
            out.computeIfAbsent(c.symbol(), s -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** {@code symbols}' folders {@code <dir>/<SYMBOL>/<suffix>} ({@code suffix} empty: {@code <dir>/<SYMBOL>}). */
    public static List<Path> folders(Path dir, List<String> symbols, String suffix) {
        return symbols.stream().map(s -> suffix.isEmpty() ? dir.resolve(s) : dir.resolve(s).resolve(suffix)).toList();
    }

    /** The funding records of {@code batch} of {@code symbol}, in the batch's order. */
    public static List<FundingRecord> funding(IngestBatch batch, String symbol) {
        return batch.funding().stream().filter(f -> f.symbol().equals(symbol)).toList();
    }
}
