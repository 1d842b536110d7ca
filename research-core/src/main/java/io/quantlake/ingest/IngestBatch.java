package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import java.util.List;

/**
 * Everything one ingest read, validated, before it is written to the lake in one commit per table.
 *
 * @param files      number of input files (or REST pages) read
 * @param rowsRead   number of data rows read (header lines excluded)
 * @param candles    valid candles, at most one per key (exact duplicates collapsed)
 * @param funding    valid funding records
 * @param symbols    symbol metadata (exchangeInfo)
 * @param quarantine rejected rows with reasons
 */
public record IngestBatch(int files, long rowsRead, List<CandleBar> candles, List<FundingRecord> funding,
                          List<SymbolInfo> symbols, List<QuarantineRow> quarantine) {
    public IngestBatch {
        candles = List.copyOf(candles);
        funding = List.copyOf(funding);
        symbols = List.copyOf(symbols);
        quarantine = List.copyOf(quarantine);
    }
}
