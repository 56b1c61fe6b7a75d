package io.amcp.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.amcp.cluster.ParameterSweep;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Round-robin over the current members on the {@code amcp.research} executor. */
final class ExecutorParameterSweep implements ParameterSweep {

    private final HazelcastInstance hazelcast;

    ExecutorParameterSweep(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    /** One point of a sweep, shipped to a member. */
    record Job<P extends Serializable, R extends Serializable>(Task<P, R> task, P point)
            implements Callable<R>, Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public R call() {
            return task.run(point);
        }
    }

    @Override
    public <P extends Serializable, R extends Serializable> List<R> run(List<P> points, Task<P, R> task) {
        IExecutorService executor = hazelcast.getExecutorService(HazelcastConfigs.RESEARCH);
        List<Member> members = new ArrayList<>(hazelcast.getCluster().getMembers());
        List<Future<R>> futures = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            futures.add(executor.submitToMember(new Job<>(task, points.get(i)), members.get(i % members.size())));
        }
        List<R> results = new ArrayList<>(points.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted at point " + i, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sweep point " + i + " (" + points.get(i) + ") failed: "
                        + e.getCause(), e.getCause());
            }
        }
        return results;
    }
}
