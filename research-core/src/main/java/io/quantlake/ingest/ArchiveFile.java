package io.quantlake.ingest;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Binance public archive file holds, read from its name and folders as published on
 * data.binance.vision:
 * <pre>
 * …/spot|futures/um /monthly|daily /klines/&lt;SYMBOL&gt;/&lt;interval&gt;/&lt;SYMBOL&gt;-&lt;interval&gt;-&lt;YYYY-MM[-DD]&gt;.zip|.csv
 * …/futures/um      /monthly       /fundingRate/&lt;SYMBOL&gt;/&lt;SYMBOL&gt;-fundingRate-&lt;YYYY-MM&gt;.zip|.csv
 * </pre>
 * When the folders follow this layout they give the market and must agree with the name. A file outside the
 * layout (a bare {@code BTCUSDT-1h-2024-01.csv}) takes symbol and interval from its name and the market
 * from the caller ({@code bareNameMarket}, spot by default); a bare fundingRate file is always USDⓈ-M,
 * the only market with funding. Coin-margined ({@code futures/cm}) files are rejected.
 *
 * @param interval null for {@link Kind#FUNDING_RATE}
 * @param period   {@code YYYY-MM} (monthly file) or {@code YYYY-MM-DD} (daily file)
 */
public record ArchiveFile(Path path, Kind kind, Market market, String symbol, Interval interval, String period) {
    /** What rows the file holds. */
    public enum Kind { KLINES, FUNDING_RATE }

    private static final Pattern NAME =
            Pattern.compile("([A-Z0-9_]+)-([A-Za-z0-9]+)-(\\d{4}-\\d{2}(?:-\\d{2})?)\\.(zip|csv)");
    private static final String FUNDING = "fundingRate";

    public ArchiveFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        if ((kind == Kind.KLINES) != (interval != null)) {
            throw new IllegalArgumentException("interval must be given for klines only, got " + interval + " for " + kind);
        }
        if (kind == Kind.FUNDING_RATE && market != Market.USDM) {
            throw new IllegalArgumentException("fundingRate archives exist only for usdm, got " + market);
        }
    }

    /** Whether {@code fileName} looks like an archive data file (a name this class can read). */
    static boolean isArchiveName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** Reads the file's name and folders; an {@link IngestException} names the path and what is wrong. */
    public static ArchiveFile of(Path path, Market bareNameMarket) {
        String name = path.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IngestException(path + ": not a Binance archive file name; expected "
                    + "<SYMBOL>-<interval>-<YYYY-MM[-DD]>.zip|.csv or <SYMBOL>-fundingRate-<YYYY-MM>.zip|.csv");
        }
        String symbol = m.group(1);
        String code = m.group(2);
        String period = m.group(3);
        checkPeriod(path, period);
        Kind kind = FUNDING.equals(code) ? Kind.FUNDING_RATE : Kind.KLINES;
        Interval interval = null;
        if (kind == Kind.KLINES) {
            try {
                interval = Interval.parse(code);
            } catch (IllegalArgumentException e) {
                throw new IngestException(path + ": " + e.getMessage());
            }
        }
        Market market = marketFromFolders(path, kind, symbol, code, period);
        if (market == null) {
            market = kind == Kind.FUNDING_RATE ? Market.USDM : bareNameMarket;
        }
        return new ArchiveFile(path, kind, market, symbol, interval, period);
    }

    private static void checkPeriod(Path path, String period) {
        try {
            if (period.length() == 7) {
                YearMonth.parse(period);
            } else {
                LocalDate.parse(period);
            }
        } catch (DateTimeParseException e) {
            throw new IngestException(path + ": '" + period + "' in the file name is not a date YYYY-MM[-DD]");
        }
    }

    /** The market the folders give, or null when the file is not inside the archive layout. */
    private static Market marketFromFolders(Path path, Kind kind, String symbol, String code, String period) {
        List<String> dirs = new ArrayList<>();
        for (Path p : path.toAbsolutePath().normalize().getParent()) {
            dirs.add(p.toString());
        }
        // expected, innermost last: [market folders..., monthly|daily, klines|fundingRate, SYMBOL, (interval)]
        List<String> tail = kind == Kind.KLINES ? List.of("klines", symbol, code) : List.of(FUNDING, symbol);
        int k = dirs.size() - tail.size();
        if (k < 0 || !dirs.get(k).equals(tail.get(0))) {
            return null;
        }
        String layout = kind == Kind.KLINES
                ? "spot|futures/um/monthly|daily/klines/" + symbol + "/" + code + "/"
                : "futures/um/monthly/fundingRate/" + symbol + "/";
        for (int i = 1; i < tail.size(); i++) {
            if (!dirs.get(k + i).equals(tail.get(i))) {
                throw new IngestException(path + ": folder '" + dirs.get(k + i) + "' does not match the file name ("
                        + tail.get(i) + "); expected the layout …/" + layout);
            }
        }
        String frequency = k >= 1 ? dirs.get(k - 1) : "";
        boolean daily = period.length() == 10;
        if (!frequency.equals(daily ? "daily" : "monthly")) {
            throw new IngestException(path + ": a " + (daily ? "daily" : "monthly") + " file must be in a '"
                    + (daily ? "daily" : "monthly") + "' folder, found '" + frequency + "'; expected the layout …/" + layout);
        }
        String market = k >= 2 ? dirs.get(k - 2) : "";
        String parent = k >= 3 ? dirs.get(k - 3) : "";
        Market found;
        if (market.equals("spot")) {
            found = Market.SPOT;
        } else if (market.equals("um") && parent.equals("futures")) {
            found = Market.USDM;
        } else if (market.equals("cm") && parent.equals("futures")) {
            throw new IngestException(path + ": coin-margined futures (futures/cm) are not supported; markets: spot, usdm");
        } else {
            throw new IngestException(path + ": cannot read the market from folder '" + market
                    + "'; expected the layout …/" + layout);
        }
        if (kind == Kind.FUNDING_RATE && found != Market.USDM) {
            throw new IngestException(path + ": fundingRate archives exist only under futures/um, found " + market);
        }
        return found;
    }
}
