package io.amcp.backtest.report;

import io.amcp.api.spi.Clock;
import io.amcp.backtest.metrics.Trade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link BacktestResult} as one JSON object. The field names are a public contract:
 * <pre>
 * { "strategy", "dataset", "start", "end", "initialCash", "finalEquity",
 *   "metrics": { see PerformanceMetrics.toMap() },
 *   "trades": [ { "symbol", "side", "quantity", "entryTime", "entryPrice",
 *                 "exitTime", "exitPrice", "pnl" } ] }
 * </pre>
 * Times are ISO-8601 UTC strings ({@code 2013-01-02T21:00:00Z}); {@code side} is BUY or SELL
 * (the entry side); open trades have null exitTime, exitPrice and pnl; undefined metrics are null.
 * The equity curve and benchmark are not part of the JSON.
 */
public final class BacktestResultJson {

    private BacktestResultJson() {
    }

    /** The JSON text, indented with two spaces. */
    public static String toJson(BacktestResult result) {
        StringBuilder out = new StringBuilder(256 + 200 * result.trades().size());
        JsonText.write(toTree(result), out, 0);
        out.append('\n');
        return out.toString();
    }

    /** Writes the JSON text to {@code out}. */
    public static void write(BacktestResult result, Writer out) throws IOException {
        out.write(toJson(result));
    }

    /** Writes the JSON text to a UTF-8 file, replacing it. */
    public static void write(BacktestResult result, Path file) {
        try {
            Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write backtest result to " + file, e);
        }
    }

    private static Map<String, Object> toTree(BacktestResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("strategy", result.strategy());
        root.put("dataset", result.dataset());
        root.put("start", result.start().toString());
        root.put("end", result.end().toString());
        root.put("initialCash", result.initialCash());
        root.put("finalEquity", result.finalEquity());
        root.put("metrics", result.metrics().toMap());
        List<Object> trades = new ArrayList<>(result.trades().size());
        for (Trade t : result.trades()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", t.symbol());
            m.put("side", t.side().name());
            m.put("quantity", t.quantity());
            m.put("entryTime", Clock.toInstant(t.entryTime()).toString());
            m.put("entryPrice", t.entryPrice());
            m.put("exitTime", t.exitTime() == null ? null : Clock.toInstant(t.exitTime()).toString());
            m.put("exitPrice", t.exitPrice());
            m.put("pnl", t.pnl());
            trades.add(m);
        }
        root.put("trades", trades);
        return root;
    }
}
