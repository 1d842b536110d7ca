package io.quantlake.research;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One factor study run against the lake, before it is recorded: what was asked, what was found, and
 * what was read.
 *
 * @param config       the study's configuration
 * @param result       everything the study found
 * @param symbols      the symbols that had candles in the config's selection, sorted
 * @param dataVersions table name → Delta version read ({@code candles}), for {@code runs.data_versions}
 */
public record FactorResearchOutcome(FactorResearchConfig config, FactorResearchResult result, List<String> symbols,
                                    Map<String, Long> dataVersions) {
    public FactorResearchOutcome {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(result, "result");
        symbols = List.copyOf(symbols);
        dataVersions = Map.copyOf(dataVersions);
    }
}
