package io.amcp.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speed-up of a distributed parameter sweep from one to three members. Each member lends one
 * research thread; the sweep is the SMA cross (BacktestEngine + paper exchange) over a grid of
 * (fast, slow) lengths on two years of synthetic 1-minute bars. First one member (this JVM) runs the
 * grid alone, then two more member JVMs join and the same grid runs across the three; each timing is
 * the best of three rounds after a warm-up round over the whole grid (every member loads the data and
 * compiles the hot path first). Results must be identical, which is checked.
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -q -o -f bundles/io.amcp.cluster/pom.xml test-compile exec:java
 * </pre>
 * The speed-up is bounded by the machine's cores ({@code availableProcessors} is printed): three
 * one-thread members on two cores cannot beat 2x.
 */
public final class SweepSpeedupBench {

    private static final String DATASET = "synthetic:symbols=1,years=2,bar=1m,seed=7";

    private static final int ROUNDS = 3;

    private SweepSpeedupBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] ports = {freePort(), freePort(), freePort()};
        List<String> members = List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1], "127.0.0.1:" + ports[2]);
        String cluster = "sweep-bench-" + ProcessHandle.current().pid();
        List<Process> children = new ArrayList<>();
        try (ClusterNode node = ClusterNode.start(new ClusterSettings(cluster, "bench-1", "127.0.0.1", ports[0],
                members, Duration.ofSeconds(3), 1, Duration.ofSeconds(5), 1))) {
            SmaCrossSweepTask task = new SmaCrossSweepTask(DATASET);
            List<SmaCrossSweepTask.Point> grid = new ArrayList<>();
            for (int fast : new int[] {5, 10, 20, 30}) {
                for (int slow : new int[] {50, 100, 150, 200, 250, 300}) {
                    grid.add(new SmaCrossSweepTask.Point(fast, slow));
                }
            }
            List<SmaCrossSweepTask.Result> one = node.sweep().run(grid, task);
            double oneMember = bestOf(ROUNDS, () -> node.sweep().run(grid, task));

            for (int i = 1; i < 3; i++) {
                children.add(startMember(cluster, "bench-" + (i + 1), ports[i], String.join(",", members)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (node.hazelcast().getCluster().getMembers().size() < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the two other members did not join within 60 s");
                }
                Thread.sleep(100);
            }
            List<SmaCrossSweepTask.Result> three = node.sweep().run(grid, task);
            double threeMembers = bestOf(ROUNDS, () -> node.sweep().run(grid, task));
            if (!outcomes(one).equals(outcomes(three))) {
                throw new IllegalStateException("three members gave other results than one");
            }
            System.out.printf("sweep of %d SMA-cross backtests on %s, one research thread per member, %d cores%n",
                    grid.size(), DATASET, Runtime.getRuntime().availableProcessors());
            System.out.printf("best of %d rounds after a warm-up round: 1 member %.2f s, 3 members %.2f s, speed-up %.2fx%n",
                    ROUNDS, oneMember, threeMembers,
                    oneMember / threeMembers);
        } finally {
            for (Process p : children) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Seconds of the fastest of {@code rounds} runs. */
    private static double bestOf(int rounds, Runnable sweep) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            sweep.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best / 1e9;
    }

    private static List<String> outcomes(List<SmaCrossSweepTask.Result> results) {
        return results.stream().map(r -> r.fast() + "/" + r.slow() + "=" + r.finalEquity() + "/" + r.fills()).toList();
    }

    private static Process startMember(String cluster, String name, int port, String members) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath(), ResearchMemberMain.class.getName(),
                cluster, name, Integer.toString(port), members, "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "drain-" + name);
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    /** The class path this class came from: exec:java loads it through its own class loader. */
    private static String classPath() {
        if (SweepSpeedupBench.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("class path entry " + url + ": " + e.getMessage(), e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
