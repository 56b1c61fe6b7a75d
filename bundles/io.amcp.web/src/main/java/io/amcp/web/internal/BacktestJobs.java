package io.amcp.web.internal;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Strategy;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtests started from the platform API: one at a time on a background thread, replayed by
 * {@link BacktestReplay}. A job reports its progress
 * (bars done of bars in the dataset) while it runs and the result with its equity curve when done.
 * The newest {@value #KEPT} jobs are kept.
 */
public final class BacktestJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BacktestJobs.class);
    private static final int KEPT = 50;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "amcp-web-backtest");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /** What a backtest request asked for, already checked. */
    public record Request(String strategy, Map<String, String> parameters, String dataset, String symbol,
            double initialCash) {
    }

    /** One job; its progress fields are read while the worker writes them. */
    public static final class Job {
        final String id;
        final Request request;
        final AtomicLong barsDone = new AtomicLong();
        volatile long barsTotal;
        volatile String state = "queued";
        volatile String error;
        volatile JsonObject result;

        Job(String id, Request request) {
            this.id = id;
            this.request = request;
        }

        /** Status and progress, without the result. */
        public JsonObject status() {
            long total = barsTotal;
            double progress = "done".equals(state) ? 1.0 : total == 0 ? 0.0 : Math.min(1.0, (double) barsDone.get() / total);
            return new JsonObject().put("id", id).put("strategy", request.strategy()).put("dataset", request.dataset())
                    .put("symbol", request.symbol()).put("state", state).put("bars_done", barsDone.get())
                    .put("bars_total", total).put("progress", progress).put("error", error);
        }

        public String state() {
            return state;
        }

        /** The result, or null until the job is done. */
        public JsonObject result() {
            return result;
        }
    }

    /**
     * Queues a run.
     *
     * @param factory builds the strategy instance for the run
     * @param data    loads the dataset's series (on the worker thread)
     */
    public synchronized Job start(Request request, StrategyFactory factory, DataLoader data) {
        String id = "bt-" + sequence.incrementAndGet();
        Job job = new Job(id, request);
        jobs.put(id, job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        worker.execute(() -> run(job, factory, data));
        return job;
    }

    /** Builds a strategy for one run. */
    @FunctionalInterface
    public interface StrategyFactory {
        Strategy create(StrategyId id, String symbol);
    }

    /** Loads a dataset's series. */
    @FunctionalInterface
    public interface DataLoader {
        List<BarSeries> load();
    }

    public synchronized Job job(String id) {
        return jobs.get(id);
    }

    /** All kept jobs, newest first. */
    public synchronized List<Job> jobs() {
        List<Job> all = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(all);
        return all;
    }

    private static void run(Job job, StrategyFactory factory, DataLoader loader) {
        job.state = "running";
        try {
            List<BarSeries> data = loader.load();
            if (job.request.symbol() != null) {
                data = data.stream().filter(s -> s.instrument().id().value().equals(job.request.symbol())).toList();
                if (data.isEmpty()) {
                    throw new IllegalArgumentException("symbol: dataset " + job.request.dataset() + " has no "
                            + job.request.symbol());
                }
            }
            job.barsTotal = data.stream().mapToLong(BarSeries::size).sum();
            String symbol = data.get(0).instrument().id().value();
            Strategy strategy = factory.create(StrategyId.of("backtest-" + job.id), symbol);
            job.result = BacktestReplay.run(job, strategy, data);
            job.state = "done";
        } catch (RuntimeException e) {
            LOG.info("backtest {} failed: {}", job.id, e.toString());
            job.error = e.getMessage() == null ? e.toString() : e.getMessage();
            job.state = "failed";
        } catch (NoClassDefFoundError e) {
            job.error = "backtests need the io.amcp.backtest and io.amcp.broker.paper bundles: " + e.getMessage();
            job.state = "failed";
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
