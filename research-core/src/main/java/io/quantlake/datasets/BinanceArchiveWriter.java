package io.quantlake.datasets;

import io.quantlake.market.Market;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes bars and funding rates in the layout and format of the Binance public archive
 * (data.binance.vision), one zip per symbol, interval and UTC month, each holding one CSV of the same
 * base name, with a {@code <zip>.CHECKSUM} beside it ({@code <sha256 hex>  <zip name>\n}):
 * <ul>
 *   <li>spot klines {@code spot/monthly/klines/S/I/S-I-YYYY-MM.zip}: no header;</li>
 *   <li>USDⓈ-M klines {@code futures/um/monthly/klines/S/I/S-I-YYYY-MM.zip}: header {@link #KLINE_HEADER};</li>
 *   <li>funding {@code futures/um/monthly/fundingRate/S/S-fundingRate-YYYY-MM.zip}: header {@link #FUNDING_HEADER}.</li>
 * </ul>
 * Kline rows: open_time, OHLC, volume, close_time (= open_time + interval - 1 ms), quote volume, trade
 * count, taker-buy base and quote volumes, and {@code 0}; times in epoch ms, decimals in shortest form.
 * Bytes are deterministic: fixed entry time, no extra fields, {@code \n} line ends.
 */
final class BinanceArchiveWriter {
    /** The USDⓈ-M kline header. */
    static final String KLINE_HEADER =
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";
    /** The funding-rate header. */
    static final String FUNDING_HEADER = "calc_time,funding_interval_hours,last_funding_rate";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Path root;
    private int files;
    private long rows;

    BinanceArchiveWriter(Path root) {
        this.root = root;
    }

    /** Zip files written so far. */
    int files() {
        return files;
    }

    /** CSV data rows (headers excluded) written so far. */
    long rows() {
        return rows;
    }

    /** Writes the present bars of {@code bars} whose open time is in {@code [fromMs, toMs)}, one file per month. */
    void writeKlines(Market market, String symbol, BarSeries bars, long fromMs, long toMs) {
        String interval = bars.interval.code();
        Path dir = (market == Market.SPOT ? root.resolve("spot") : root.resolve("futures").resolve("um"))
                .resolve("monthly").resolve("klines").resolve(symbol).resolve(interval);
        StringBuilder csv = new StringBuilder(1 << 16);
        for (YearMonth m = month(fromMs); monthStart(m) < toMs; m = m.plusMonths(1)) {
            long lo = Math.max(fromMs, monthStart(m));
            long hi = Math.min(toMs, monthStart(m.plusMonths(1)));
            csv.setLength(0);
            if (market == Market.USDM) {
                csv.append(KLINE_HEADER).append('\n');
            }
            int n = 0;
            int first = (int) Math.max(0, Math.floorDiv(lo - bars.startMs + bars.interval.millis() - 1, bars.interval.millis()));
            int end = (int) Math.min(bars.count, Math.floorDiv(hi - bars.startMs + bars.interval.millis() - 1, bars.interval.millis()));
            for (int t = first; t < end; t++) {
                if (bars.present[t]) {
                    appendKline(csv, bars, t);
                    n++;
                }
            }
            if (n > 0) {
                write(dir, symbol + "-" + interval + "-" + m, csv, n);
            }
        }
    }

    /** Writes funding rates {@code rates[k]} at {@code startMs + k * 8h} that fall in {@code [fromMs, toMs)}. */
    void writeFunding(String symbol, long startMs, long[] rates, long fromMs, long toMs) {
        Path dir = root.resolve("futures").resolve("um").resolve("monthly").resolve("fundingRate").resolve(symbol);
        long step = FundingModel.INTERVAL_HOURS * UniversePlan.HOUR;
        StringBuilder csv = new StringBuilder(1 << 14);
        for (YearMonth m = month(fromMs); monthStart(m) < toMs; m = m.plusMonths(1)) {
            long lo = Math.max(fromMs, monthStart(m));
            long hi = Math.min(toMs, monthStart(m.plusMonths(1)));
            csv.setLength(0);
            csv.append(FUNDING_HEADER).append('\n');
            int n = 0;
            for (int k = 0; k < rates.length; k++) {
                long time = startMs + k * step;
                if (time >= lo && time < hi) {
                    csv.append(time).append(',').append(FundingModel.INTERVAL_HOURS).append(',')
                            .append(DecimalText.fixed(rates[k], FundingModel.SCALE)).append('\n');
                    n++;
                }
            }
            if (n > 0) {
                write(dir, symbol + "-fundingRate-" + m, csv, n);
            }
        }
    }

    private static void appendKline(StringBuilder csv, BarSeries b, int t) {
        long time = b.openTime(t);
        csv.append(time).append(',');
        DecimalText.append(csv, b.open[t], b.priceScale).append(',');
        DecimalText.append(csv, b.high[t], b.priceScale).append(',');
        DecimalText.append(csv, b.low[t], b.priceScale).append(',');
        DecimalText.append(csv, b.close[t], b.priceScale).append(',');
        DecimalText.append(csv, b.volume[t], b.qtyScale).append(',');
        csv.append(time + b.interval.millis() - 1).append(',');
        DecimalText.append(csv, b.quoteVolume[t], BarSeries.QUOTE_SCALE).append(',');
        csv.append(b.trades[t]).append(',');
        DecimalText.append(csv, b.takerBase[t], b.qtyScale).append(',');
        DecimalText.append(csv, b.takerQuote[t], BarSeries.QUOTE_SCALE).append(",0\n");
    }

    private void write(Path dir, String baseName, CharSequence csv, int dataRows) {
        String zipName = baseName + ".zip";
        try {
            byte[] zip = zip(baseName + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            Files.createDirectories(dir);
            Files.write(dir.resolve(zipName), zip);
            Files.write(dir.resolve(zipName + ".CHECKSUM"),
                    (sha256Hex(zip) + "  " + zipName + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(zipName) + ": " + e.getMessage(), e);
        }
        files++;
        rows += dataRows;
    }

    private static byte[] zip(String entryName, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 2 + 256);
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(entryName);
            entry.setTimeLocal(ENTRY_TIME);
            out.putNextEntry(entry);
            out.write(content);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Lower-case hex SHA-256 of {@code data}. */
    static String sha256Hex(byte[] data) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
            StringBuilder b = new StringBuilder(64);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static YearMonth month(long ms) {
        return YearMonth.from(Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC));
    }

    private static long monthStart(YearMonth m) {
        return m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
