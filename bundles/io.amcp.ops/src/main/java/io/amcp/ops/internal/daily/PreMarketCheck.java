package io.amcp.ops.internal.daily;

import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.PluginStatus;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.TradingNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pre-market health check: the kernel answers, every broker connector is ONLINE, the kill switch
 * is released, risk rules are installed, every instrument has data from the previous session (last
 * data no earlier than that session's close minus the tolerance), and no strategy is FAILED. The
 * strategies' classes and versions are listed, so a model or strategy deployed overnight shows up.
 */
public final class PreMarketCheck {

    private final TradingNode node;
    private final Supplier<List<BrokerConnector>> brokers;
    private final Supplier<List<RiskRule>> riskRules;
    private final Supplier<Map<InstrumentId, Instant>> lastData;
    private final TradingCalendar calendar;
    private final Duration tolerance;

    public PreMarketCheck(TradingNode node, Supplier<List<BrokerConnector>> brokers, Supplier<List<RiskRule>> riskRules,
            Supplier<Map<InstrumentId, Instant>> lastData, TradingCalendar calendar, Duration tolerance) {
        this.node = node;
        this.brokers = brokers;
        this.riskRules = riskRules;
        this.lastData = lastData;
        this.calendar = calendar;
        this.tolerance = tolerance;
    }

    public JobResult run(LocalDate date, Instant now) {
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        try {
            node.account();
            fine.add("kernel: answering");
        } catch (RuntimeException e) {
            problems.add("kernel: not answering: " + e.getMessage());
        }
        List<BrokerConnector> list = brokers.get();
        if (list.isEmpty()) {
            problems.add("broker: no broker connector registered");
        }
        for (BrokerConnector b : list) {
            PluginStatus s = b.status();
            (s.state() == PluginStatus.State.ONLINE ? fine : problems)
                    .add("broker " + b.id() + ": " + s.state() + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")"));
        }
        KillSwitch ks = node.killSwitch();
        if (ks.isEngaged()) {
            problems.add("kill switch: ENGAGED (" + ks.reason() + ")");
        } else {
            fine.add("kill switch: released");
        }
        List<RiskRule> rules = riskRules.get();
        if (rules.isEmpty()) {
            problems.add("risk rules: none installed besides the kernel's own");
        } else {
            fine.add("risk rules: " + String.join(", ", rules.stream().map(RiskRule::name).sorted().toList()));
        }
        Instant previousClose = calendar.sessionClose(calendar.previousTradingDay(date));
        Instant oldestAllowed = previousClose.minus(tolerance);
        Map<InstrumentId, Instant> data = lastData.get();
        if (data.isEmpty()) {
            problems.add("data: no market data received");
        }
        data.forEach((id, last) -> {
            if (last.isBefore(oldestAllowed)) {
                problems.add("data " + id.value() + ": last at " + last + ", before the previous session's close "
                        + previousClose + " minus " + tolerance.toMinutes() + " min");
            } else {
                fine.add("data " + id.value() + ": last at " + last);
            }
        });
        for (TradingNode.StrategyInfo s : node.strategies()) {
            String line = "strategy " + s.id().value() + ": " + s.state() + " " + s.className()
                    + (s.version().isEmpty() ? "" : " " + s.version());
            if ("FAILED".equals(s.state())) {
                problems.add(line + " (" + s.reason() + ")");
            } else {
                fine.add(line);
            }
        }
        List<String> findings = new ArrayList<>(problems);
        findings.addAll(fine);
        return new JobResult(DailyJob.PRE_MARKET_CHECK, date, now, problems.isEmpty(), findings);
    }
}
