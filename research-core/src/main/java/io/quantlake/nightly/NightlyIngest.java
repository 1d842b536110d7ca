package io.quantlake.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.unix_millis;

import io.quantlake.ingest.ArchiveReader;
import io.quantlake.ingest.BinanceRestClient;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.IngestFrames;
import io.quantlake.ingest.RestSettings;
import io.quantlake.lake.CandleStore;
import io.quantlake.lake.IngestReport;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeLayout;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.LakeWriter;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Row;

/** Step (a) of the nightly run: incremental ingest, and the staleness check that follows it. */
final class NightlyIngest {
    private NightlyIngest() {
    }

    /**
     * Ingests {@code source} into the lake (one ingest run, MERGE): an archive tree is read whole (stored rows
     * stay unchanged); REST resumes each symbol after its last stored bar (or at {@code start}, else
     * {@code defaultStart}) up to {@code endMs} (exclusive).
     */
    static IngestReport ingest(Lake lake, IngestSource source, String runId, Instant defaultStart, long endMs) {
        IngestBatch batch;
        String what;
        LakeWriter writer = new LakeWriter(lake);
        if (source instanceof IngestSource.Archive a) {
            if (!Files.exists(a.path())) {
                throw new IllegalArgumentException("config key `ingest.archive`: " + a.path() + ": no such file or directory");
            }
            IngestFrames frames;
            try {
                frames = ArchiveReader.read(lake.spark(), a.path());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the archive " + a.path(), e);
            }
            return writer.ingest(frames, runId, "nightly ingest archive " + a.path());
        } else {
            IngestSource.Api api = (IngestSource.Api) source;
            long startMs = api.start().orElse(defaultStart).toEpochMilli();
            CandleStore store = new CandleStore(lake);
            Map<String, Long> klineStart = new LinkedHashMap<>();
            Map<String, Long> fundingStart = new LinkedHashMap<>();
            for (String s : api.symbols()) {
                OptionalLong last = store.lastOpenTime(api.market(), api.interval(), s);
                klineStart.put(s, last.isPresent() ? Math.max(startMs, last.getAsLong() + api.interval().millis()) : startMs);
                if (api.market() == Market.USDM) {
                    OptionalLong lastFunding = store.lastFundingTime(api.market(), s);
                    fundingStart.put(s, lastFunding.isPresent() ? Math.max(startMs, lastFunding.getAsLong() + 1) : startMs);
                }
            }
            RestSettings settings = RestSettings.defaults();
            if (api.baseUrl().isPresent()) {
                settings = settings.withBaseUrl(api.market(), api.baseUrl().get());
            }
            batch = new BinanceRestClient(settings).download(api.market(), api.interval(), klineStart, fundingStart, endMs);
            what = "nightly ingest api --market " + api.market() + " --symbols " + String.join(",", api.symbols())
                    + " --interval " + api.interval();
        }
        return writer.ingest(batch, runId, what);
    }

    /**
     * Open time (UTC epoch ms) of the last stored bar of any universe symbol before {@code endMs}, or empty
     * when there is none.
     */
    static OptionalLong lastBar(Lake lake, Market market, Interval interval, List<String> universe, long endMs) {
        Row r = lake.read(LakeTable.CANDLES)
                .filter(col("market").equalTo(market.code()).and(col("interval").equalTo(interval.code()))
                        .and(col(LakeTable.MONTH).leq(LakeLayout.month(endMs - 1)))
                        .and(col("symbol").isin(universe.toArray())).and(col("open_time").lt(new Timestamp(endMs))))
                .agg(unix_millis(max("open_time"))).first();
        return r.isNullAt(0) ? OptionalLong.empty() : OptionalLong.of(r.getLong(0));
    }
}
