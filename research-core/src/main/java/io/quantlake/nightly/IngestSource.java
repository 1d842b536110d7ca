package io.quantlake.nightly;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The nightly config's {@code ingest} section: where new candles come from. */
public sealed interface IngestSource {
    /**
     * {@code ingest: {archive: PATH}}: a Binance archive tree (zip or csv files), read whole and MERGEd each
     * night (rows already stored are unchanged, new ones inserted).
     */
    record Archive(Path path) implements IngestSource {
        public Archive {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * {@code ingest: {api: {market, symbols, interval, base_url?, start?}}}: Binance REST, incremental — each
     * symbol resumes after its last stored bar; a symbol with no stored bar starts at {@code start}
     * (default: the strategy config's {@code start}).
     */
    record Api(Market market, List<String> symbols, Interval interval, Optional<URI> baseUrl, Optional<Instant> start)
            implements IngestSource {
        public Api {
            Objects.requireNonNull(market, "market");
            symbols = List.copyOf(symbols);
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("ingest.api.symbols must not be empty");
            }
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(start, "start");
        }
    }
}
