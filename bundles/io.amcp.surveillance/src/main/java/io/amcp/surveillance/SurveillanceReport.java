package io.amcp.surveillance;

import io.amcp.api.order.OrderView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The daily surveillance report in Markdown: counts per strategy, then every alert with its evidence. */
public final class SurveillanceReport {

    private SurveillanceReport() {
    }

    public static String markdown(LocalDate day, List<OrderView> orders, List<Alert> alerts) {
        StringBuilder md = new StringBuilder();
        md.append("# Surveillance report ").append(day).append("\n\n");
        Map<String, long[]> perStrategy = new TreeMap<>();
        for (OrderView o : orders) {
            long[] c = perStrategy.computeIfAbsent(o.strategyId().value(), k -> new long[2]);
            c[0]++;
            c[1] += o.filledQuantity().isPositive() ? 1 : 0;
        }
        md.append("| strategy | orders | executed |\n|---|---:|---:|\n");
        perStrategy.forEach((s, c) -> md.append("| ").append(s).append(" | ").append(c[0]).append(" | ").append(c[1]).append(" |\n"));
        md.append("\n## Alerts: ").append(alerts.size()).append("\n\n");
        if (alerts.isEmpty()) {
            md.append("No alerts.\n");
        }
        for (Alert a : alerts) {
            md.append("- **").append(a.type()).append("** ").append(Instant.ofEpochSecond(0, 0)
                    .plusNanos(a.time()).atOffset(ZoneOffset.UTC)).append(" ").append(a.strategy())
                    .append(a.instrument() == null ? "" : " " + a.instrument()).append(": ").append(a.message())
                    .append(a.orders().isEmpty() ? "" : " (orders " + a.orders() + ")").append('\n');
        }
        return md.toString();
    }
}
