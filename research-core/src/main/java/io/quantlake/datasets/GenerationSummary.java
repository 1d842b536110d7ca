package io.quantlake.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SampleUniverseGenerator#generate} wrote and planted.
 *
 * @param outDir  root of the archive tree
 * @param symbols the universe, in order
 * @param files   zip files written (each has a {@code .CHECKSUM} beside it)
 * @param rows    CSV data rows written, headers excluded, over all zips
 * @param pairs   planted cointegrated pairs
 * @param events  listings and delistings
 * @param gaps    planted outages (missing bars)
 */
public record GenerationSummary(Path outDir, List<String> symbols, int files, long rows, List<PlantedPair> pairs,
                                List<ListingEvent> events, List<BarGap> gaps) {
    public GenerationSummary {
        Objects.requireNonNull(outDir, "outDir");
        symbols = List.copyOf(symbols);
        pairs = List.copyOf(pairs);
        events = List.copyOf(events);
        gaps = List.copyOf(gaps);
    }

    /** The events of one kind. */
    public List<ListingEvent> events(ListingEvent.Kind kind) {
        List<ListingEvent> out = new ArrayList<>();
        for (ListingEvent e : events) {
            if (e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    /** One line for logs: counts of symbols, files, rows and planted facts. */
    public String describe() {
        return symbols.size() + " symbols, " + files + " zip files, " + rows + " rows, " + pairs.size()
                + " cointegrated pairs, " + events(ListingEvent.Kind.LISTING).size() + " listings, "
                + events(ListingEvent.Kind.DELISTING).size() + " delistings, " + gaps.size() + " gaps, in " + outDir;
    }
}
