package io.quantlake.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The execution bot's files in the output directory, overwritten by a rerun of the same date:
 * <ul>
 *   <li>{@code orders-D.csv}: header {@code symbol,side,quantity,price,notional,reason,filters}, one row per
 *       order (sells first), numbers as Java's shortest round-trip decimal text; {@code filters} is
 *       {@code exchange} (lot step and min notional applied), {@code partial} or {@code unknown} (quantity
 *       unrounded: the lake's {@code symbols} table has no filters for the symbol);</li>
 *   <li>{@code orders-D.json}: {@code {run_date, run_id, market, strategy, price_time, decision_time, equity,
 *       cash, orders: [{symbol, side, quantity, price, notional, reason, filters}], skipped: [{symbol, quantity, notional,
 *       why}]}}; times ISO-8601 UTC (decision_time null when the strategy never decided).</li>
 * </ul>
 */
public final class OrderFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderFiles() {
    }

    public static Path csvPath(Path dir, LocalDate runDate) {
        return dir.resolve("orders-" + runDate + ".csv");
    }

    public static Path jsonPath(Path dir, LocalDate runDate) {
        return dir.resolve("orders-" + runDate + ".json");
    }

    /** Writes both files for {@code outcome} into {@code dir} (created). */
    public static void write(Path dir, NightlyOutcome outcome) {
        RebalancePlan plan = outcome.plan();
        StringBuilder csv = new StringBuilder("symbol,side,quantity,price,notional,reason,filters\n");
        ObjectNode root = JSON.createObjectNode();
        root.put("run_date", outcome.runDate().toString());
        root.put("run_id", outcome.runId());
        root.put("market", outcome.market().code());
        root.put("strategy", outcome.strategy());
        root.put("price_time", Instant.ofEpochMilli(outcome.priceTime()).toString());
        if (outcome.decisionTime() >= 0) {
            root.put("decision_time", Instant.ofEpochMilli(outcome.decisionTime()).toString());
        } else {
            root.putNull("decision_time");
        }
        root.put("equity", plan.equity());
        root.put("cash", outcome.cash());
        ArrayNode orders = root.putArray("orders");
        for (RebalanceOrder o : plan.orders()) {
            csv.append(o.symbol()).append(',').append(o.side()).append(',').append(o.quantity()).append(',')
                    .append(o.price()).append(',').append(o.notional()).append(',').append(o.reason().code()).append(',')
                    .append(o.filters().code()).append('\n');
            orders.addObject().put("symbol", o.symbol()).put("side", o.side().name()).put("quantity", o.quantity())
                    .put("price", o.price()).put("notional", o.notional()).put("reason", o.reason().code())
                    .put("filters", o.filters().code());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedTrade s : plan.skipped()) {
            skipped.addObject().put("symbol", s.symbol()).put("quantity", s.quantity()).put("notional", s.notional())
                    .put("why", s.why());
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(csvPath(dir, outcome.runDate()), csv, StandardCharsets.UTF_8);
            Files.writeString(jsonPath(dir, outcome.runDate()),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the orders files to " + dir, e);
        }
    }
}
