package io.amcp.cluster;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One point of an SMA-cross parameter sweep: a full backtest (BacktestEngine, paper exchange without
 * frictions) of {@code SmaCrossStrategy(fast, slow)} over a bundled dataset, run on whichever member
 * the sweep sends it to. Each member loads a dataset once.
 */
record SmaCrossSweepTask(String dataset) implements ParameterSweep.Task<SmaCrossSweepTask.Point, SmaCrossSweepTask.Result> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, List<BarSeries>> DATA = new ConcurrentHashMap<>();

    /** Fast and slow SMA lengths. */
    record Point(int fast, int slow) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a sweep compares: final equity and the fills, plus the thread that ran it. */
    record Result(int fast, int slow, double finalEquity, int fills, String thread) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Result run(Point point) {
        List<BarSeries> data = DATA.computeIfAbsent(dataset, id -> new BundledDatasets().load(id));
        BarSeries series = data.get(0);
        BacktestRun run = new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(series),
                new SmaCrossStrategy(StrategyId.of("sweep"), series.instrument().id(), point.fast(), point.slow(),
                        Quantity.of(10)),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
        return new Result(point.fast(), point.slow(), run.finalAccount().equity().toDouble(), run.fills().size(),
                Thread.currentThread().getName());
    }
}
