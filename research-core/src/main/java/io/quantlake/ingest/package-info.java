/**
 * Reading market data, before another layer ({@code io.quantlake.lake.LakeWriter}) MERGEs it into the Delta
 * tables. Files are read as Spark DataFrames ({@link io.quantlake.ingest.IngestFrames}): the driver lists the files
 * and checks their names, executors read them ({@link io.quantlake.ingest.FileLines}: unzip, {@code .CHECKSUM}),
 * parsing and validation are Column expressions ({@link io.quantlake.ingest.RowParsing}), files quarantined whole
 * and aborts come from per-file aggregates ({@link io.quantlake.ingest.FileVerdicts}), duplicates from a per-key
 * aggregate ({@link io.quantlake.ingest.KeyedFrame}); the driver never holds rows. The REST client's pages are small
 * and read in memory ({@link io.quantlake.ingest.IngestBatch}).
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.quantlake.ingest.ArchiveReader#read(org.apache.spark.sql.SparkSession, java.nio.file.Path,
 *       io.quantlake.market.Market)} — Binance public archive files (data.binance.vision), zipped or extracted, one
 *       file or a tree, and the {@code exchangeInfo.json} of a market beside them (symbol filters);</li>
 *   <li>{@link io.quantlake.ingest.ArchiveReader#readToDriver(java.nio.file.Path)} — the same, collected to the
 *       driver as an {@link io.quantlake.ingest.IngestBatch}: small inputs (notebooks);</li>
 *   <li>{@link io.quantlake.ingest.CsvCandleReader#read} — plain OHLCV CSV, one file per symbol;</li>
 *   <li>{@link io.quantlake.ingest.FundingCsvReader#read} — plain funding CSV, one file per symbol;</li>
 *   <li>{@link io.quantlake.ingest.BinanceRestClient} — the REST API, paged, throttled, incremental.</li>
 * </ul>
 *
 * <p>Rules common to all of them:
 * <ul>
 *   <li>A bad row is quarantined ({@link io.quantlake.ingest.QuarantineRow}: source = file path,
 *       {@code zip!/entry} or request URL; 1-based physical line, header line included, or the row's index in a
 *       REST page) and the valid rows of the same file still land. Rules: {@link io.quantlake.ingest.CandleValidator},
 *       {@link io.quantlake.ingest.FundingValidator}, plus unparsable fields and wrong column counts.</li>
 *   <li>Rows of the same key in one batch: exact repeats collapse into one silently (an archive zip and its
 *       extracted CSV, overlapping daily and monthly files); rows of one key with different values are
 *       <em>all</em> quarantined as {@code conflicting_duplicate} and none is kept, since the batch cannot tell
 *       which is right (the lake keeps what it had).</li>
 *   <li>A damaged file is quarantined whole, one row with line 0 and empty raw text, and nothing of it lands
 *       while the other files do: a checksum mismatch, a zip that cannot be read to its end, no data rows, bars
 *       spaced unlike the interval ({@link io.quantlake.ingest.QuarantineReason#isFileReason()}).</li>
 *   <li>Input that is not what the reader reads aborts the whole call with an
 *       {@link io.quantlake.ingest.IngestException} and returns nothing: a {@code .CHECKSUM} without its file or
 *       malformed, a file name or header of no known format, a file mixing epoch ms and µs, a REST request failing
 *       after its retries.</li>
 *   <li>Times are UTC epoch ms; µs (Binance spot archives from 2025) are detected per file by magnitude and
 *       converted ({@link io.quantlake.ingest.EpochUnit}). Blank lines hold no row and are skipped.</li>
 * </ul>
 */
package io.quantlake.ingest;
