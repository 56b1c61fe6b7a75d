package io.amcp.ai.inference.internal;

import io.amcp.ai.inference.Prediction;
import io.amcp.ai.models.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Gathers queued rows into batches on one worker thread: it takes the first waiting row, then keeps
 * taking rows until {@code maxBatch} are gathered or {@code maxWaitNanos} passed since the first, and
 * answers them with one call of the model's batch prediction.
 */
final class MicroBatcher implements AutoCloseable {

    private record Request(double[] row, CompletableFuture<Prediction> answer) {
    }

    private final Classifier model;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    MicroBatcher(Classifier model, int maxBatch, long maxWaitNanos, String name) {
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWaitNanos;
        this.worker = new Thread(this::loop, "amcp-inference-" + name);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    CompletableFuture<Prediction> submit(double[] row) {
        CompletableFuture<Prediction> answer = new CompletableFuture<>();
        if (!running) {
            answer.completeExceptionally(new IllegalStateException("predictor: closed"));
            return answer;
        }
        queue.add(new Request(row, answer));
        return answer;
    }

    private void loop() {
        List<Request> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Request next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                answer(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        Request left;
        while ((left = queue.poll()) != null) {
            left.answer().completeExceptionally(new IllegalStateException("predictor: closed"));
        }
    }

    private void answer(List<Request> batch) {
        double[][] rows = new double[batch.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = batch.get(i).row();
        }
        double[][] out = new double[rows.length][];
        try {
            model.probabilities(rows, out);
        } catch (RuntimeException e) {
            // one bad row must not fail its neighbours: answer each row alone
            for (Request r : batch) {
                try {
                    r.answer().complete(Prediction.of(model.probabilities(r.row())));
                } catch (RuntimeException single) {
                    r.answer().completeExceptionally(single);
                }
            }
            return;
        }
        for (int i = 0; i < rows.length; i++) {
            batch.get(i).answer().complete(new Prediction(normalised(out[i])));
        }
    }

    /** {@code p} rescaled to sum 1; unchanged when it already sums to 1 within 1e-12 (double models). */
    static double[] normalised(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (Math.abs(sum - 1) < 1e-12) {
            return p;
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] / sum;
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
