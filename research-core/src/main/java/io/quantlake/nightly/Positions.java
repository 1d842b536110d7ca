package io.quantlake.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The current positions file: CSV with the header {@code symbol,quantity}, one row per symbol,
 * quantities in base units (negative = short, usdm only). Cash in quote currency is either a row
 * {@code USDT,amount} or the nightly config's {@code cash:} key (not both). Blank lines and lines
 * starting with {@code #} are ignored.
 *
 * @param quantities symbol → base units, in file order (no cash row)
 * @param cash       USDT
 */
public record Positions(Map<String, Double> quantities, double cash) {
    /** The quote currency's row name. */
    public static final String CASH_SYMBOL = "USDT";

    public Positions {
        quantities = Map.copyOf(quantities);
        if (!Double.isFinite(cash)) {
            throw new IllegalArgumentException("cash must be finite, got " + cash);
        }
    }

    /** The held quantity of {@code symbol}, 0 when absent. */
    public double quantity(String symbol) {
        return quantities.getOrDefault(symbol, 0.0);
    }

    /**
     * Reads {@code file}; {@code configCash} is the config's {@code cash:} key. Errors name the file, the
     * line and the value ({@link IllegalArgumentException}).
     */
    public static Positions read(Path file, OptionalDouble configCash) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("positions file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read positions file " + file, e);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        Double cashRow = null;
        boolean header = false;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "positions file " + file + " line " + (k + 1);
            String[] cells = line.split(",", -1);
            if (!header) {
                if (cells.length != 2 || !cells[0].strip().equals("symbol") || !cells[1].strip().equals("quantity")) {
                    throw new IllegalArgumentException(where + ": the header must be 'symbol,quantity', got '" + line + "'");
                }
                header = true;
                continue;
            }
            if (cells.length != 2 || cells[0].isBlank()) {
                throw new IllegalArgumentException(where + ": expected 'symbol,quantity', got '" + line + "'");
            }
            String symbol = cells[0].strip();
            double qty;
            try {
                qty = Double.parseDouble(cells[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": quantity of " + symbol + " is not a number: '" + cells[1].strip() + "'");
            }
            if (!Double.isFinite(qty)) {
                throw new IllegalArgumentException(where + ": quantity of " + symbol + " must be finite, got " + qty);
            }
            if (symbol.equals(CASH_SYMBOL)) {
                if (cashRow != null) {
                    throw new IllegalArgumentException(where + ": a second " + CASH_SYMBOL + " (cash) row");
                }
                cashRow = qty;
            } else if (out.put(symbol, qty) != null) {
                throw new IllegalArgumentException(where + ": symbol " + symbol + " is listed twice");
            }
        }
        if (!header) {
            throw new IllegalArgumentException("positions file " + file + " is empty: expected the header 'symbol,quantity'");
        }
        if (cashRow != null && configCash.isPresent()) {
            throw new IllegalArgumentException("cash is given twice: the " + CASH_SYMBOL + " row of positions file " + file
                    + " and the config key `cash`; keep one");
        }
        double cash = cashRow != null ? cashRow : configCash.orElse(0);
        return new Positions(out, cash);
    }
}
