package io.amcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three member JVMs on loopback trade three strategies through the fence into one shared venue
 * ledger. The owner of s1 is killed with {@code kill -9} mid-trading and restarted; then the owner of
 * s2 is frozen with SIGSTOP until another member has taken s2 over, and thawed with SIGCONT. Every
 * intended order id ({@code s<k>:1..N}) must be in the venue exactly once, nothing else may be, no
 * order may even be offered twice, s1 must move within 10 seconds, and the thawed owner's next order
 * must be refused by the fence.
 */
class ClusterFailoverTest {

    private static final int ORDERS = 300;
    private static final int INTERVAL_MILLIS = 30;
    private static final int LEASE_MILLIS = 3000;
    private static final List<String> STRATEGIES = List.of("s1", "s2", "s3");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private record Line(Member member, long nanos, String text) {
    }

    private final class Member {
        final String name;
        final Process process;

        Member(String name, Process process) {
            this.name = name;
            this.process = process;
        }

        @Override
        public String toString() {
            return name + "(pid " + process.pid() + ")";
        }
    }

    @AfterEach
    void killAll() {
        for (Member m : members) {
            Signals.send(m.process, "CONT");
            m.process.destroyForcibly();
        }
        for (Member m : members) {
            try {
                m.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void ownerKilledAndOwnerFrozenLoseNoOrderAndSendNoneTwice() throws Exception {
        String cluster = "failover-" + ProcessHandle.current().pid();
        int[] ports = {freePort(), freePort(), freePort()};
        String memberList = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
        Path logs = Files.createDirectories(Path.of("target", "failover-logs"));
        for (int i = 0; i < 3; i++) {
            start(cluster, "m" + (i + 1), ports[i], memberList, logs);
        }
        for (String s : STRATEGIES) {
            await(l -> l.text().startsWith("ACQUIRED " + s + " "), "every strategy owned");
        }

        // kill -9 the owner of s1 once it is well into trading and the partitions have their backups
        await(l -> l.text().startsWith("SENT s1:20 "), "s1 trading");
        Line s1Owner = last(l -> l.text().startsWith("ACQUIRED s1 "));
        await(l -> l.member() == s1Owner.member() && l.text().equals("SAFE 3"), "three members, backups in place");
        long s1Epoch = epochOf(s1Owner);
        long killedAt = System.nanoTime();
        s1Owner.member().process.destroyForcibly();
        Line takeover = await(l -> l.text().startsWith("ACQUIRED s1 ") && epochOf(l) > s1Epoch, "s1 taken over");
        Duration takeoverTime = Duration.ofNanos(takeover.nanos() - killedAt);
        assertThat(takeover.member()).isNotSameAs(s1Owner.member());
        assertThat(takeoverTime).isLessThan(Duration.ofSeconds(10));
        s1Owner.member().process.waitFor(10, TimeUnit.SECONDS);
        int killedIndex = Integer.parseInt(s1Owner.member().name.substring(1)) - 1;
        Member restarted = start(cluster, s1Owner.member().name + "b", ports[killedIndex], memberList, logs);
        await(l -> l.member() == restarted && l.text().equals("SAFE 3"), "the killed member back, backups in place");

        // freeze the owner of s2 until another member has taken s2 over, then thaw it
        Line s2Owner = await(l -> l.text().startsWith("ACQUIRED s2 ") && l.member().process.isAlive()
                && l == last(k -> k.text().startsWith("ACQUIRED s2 ")), "s2 owned by a live member");
        long s2Epoch = epochOf(s2Owner);
        Member frozen = s2Owner.member();
        assertThat(Signals.send(frozen.process, "STOP")).isTrue();
        Line s2Takeover = await(l -> l.text().startsWith("ACQUIRED s2 ") && epochOf(l) > s2Epoch, "s2 taken over");
        assertThat(s2Takeover.member()).isNotSameAs(frozen);
        await(l -> l.member() == s2Takeover.member() && l.text().startsWith("SENT s2:")
                && l.nanos() > s2Takeover.nanos(), "s2 trading under the new owner");
        assertThat(Signals.send(frozen.process, "CONT")).isTrue();
        // whichever of its strategies' loops wakes first tries to send under the lease it held when frozen
        Line refused = await(l -> l.member() == frozen && l.nanos() > s2Takeover.nanos()
                && l.text().startsWith("REFUSED s"), "the thawed owner's order refused");
        assertThat(refused.text()).contains("fenced:");

        for (String s : STRATEGIES) {
            await(l -> l.text().equals("DONE " + s), s + " done");
        }

        Map<String, LedgerVenue.Entry> book;
        Map<String, String> repeats;
        HazelcastInstance client = HazelcastClient.newHazelcastClient(clientConfig(cluster, memberList));
        try {
            IMap<String, LedgerVenue.Entry> venueBook = client.getMap(LedgerVenue.BOOK);
            book = new HashMap<>(venueBook);
            repeats = new HashMap<>(client.<String, String>getMap(LedgerVenue.REPEATS));
        } finally {
            client.shutdown();
        }
        TreeSet<String> intended = new TreeSet<>();
        for (String s : STRATEGIES) {
            for (int n = 1; n <= ORDERS; n++) {
                intended.add(s + ":" + n);
            }
        }
        assertThat(new TreeSet<>(book.keySet())).isEqualTo(intended);
        assertThat(repeats).as("orders offered to the venue twice").isEmpty();
        // fencing seen from the venue: along each strategy's sequence the epoch never goes back, and every
        // order came from a member that had acquired the strategy at exactly that epoch
        for (String s : STRATEGIES) {
            long previous = Long.MIN_VALUE;
            for (int n = 1; n <= ORDERS; n++) {
                LedgerVenue.Entry e = book.get(s + ":" + n);
                assertThat(e.epoch()).as("epoch of %s:%d", s, n).isGreaterThanOrEqualTo(previous);
                previous = e.epoch();
                String acquired = "ACQUIRED " + s + " " + e.epoch();
                assertThat(lines).as("%s:%d sent by %s at epoch %d", s, n, e.member(), e.epoch())
                        .anyMatch(l -> l.member().name.equals(e.member()) && l.text().equals(acquired));
            }
        }
        String refusedId = refused.text().split(" ")[1];
        assertThat(book).as("the refused order went out from the new owner").containsKey(refusedId);
        assertThat(book.get(refusedId).member()).isNotEqualTo(frozen.name);
        System.out.printf("failover: s1 moved %d ms after kill -9; %d orders, each exactly once%n",
                takeoverTime.toMillis(), book.size());
    }

    private Member start(String cluster, String name, int port, String memberList, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ClusterMemberMain.class.getName(),
                cluster, name, Integer.toString(port), memberList, String.join(",", STRATEGIES),
                Integer.toString(ORDERS), Integer.toString(INTERVAL_MILLIS), Integer.toString(LEASE_MILLIS), "2"));
        Process process = new ProcessBuilder(command).redirectError(logs.resolve(name + ".log").toFile()).start();
        Member member = new Member(name, process);
        members.add(member);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(new Line(member, System.nanoTime(), line));
                    if (!line.startsWith("SENT ")) {
                        System.out.println(name + " " + line);
                    }
                }
            } catch (IOException e) {
                lines.add(new Line(member, System.nanoTime(), "EOF " + e.getMessage()));
            }
        }, "read-" + name);
        reader.setDaemon(true);
        reader.start();
        return member;
    }

    private Line await(Predicate<Line> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Line l : lines) {
                if (condition.test(l)) {
                    return l;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for: " + what + "; last lines: " + lines.stream()
                .skip(Math.max(0, lines.size() - 30)).map(l -> l.member() + " " + l.text())
                .collect(Collectors.joining("\n")));
    }

    private Line last(Predicate<Line> condition) {
        Line found = null;
        for (Line l : lines) {
            if (condition.test(l)) {
                found = l;
            }
        }
        if (found == null) {
            throw new AssertionError("no such line");
        }
        return found;
    }

    private static long epochOf(Line acquired) {
        String[] parts = acquired.text().split(" ");
        return Long.parseLong(parts[2]);
    }

    private static ClientConfig clientConfig(String cluster, String memberList) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster);
        config.getNetworkConfig().setAddresses(List.of(memberList.split(",")));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(20_000);
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
