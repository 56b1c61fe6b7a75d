package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Money;
import io.amcp.api.spi.KillSwitch;
import io.amcp.core.journal.Journal;
import io.amcp.core.journal.JournalEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kernel's kill switch tells its listeners of each change once, on the thread that made it, after
 * the change is journaled; a listener that throws changes nothing for the switch or the others.
 */
class KillSwitchListenerTest {

    /** What a listener saw: the change, the thread it ran on and what the journal held then. */
    record Seen(boolean engaged, String reason, String thread, int journaled) {
    }

    /** A journal keeping its entries in memory; appended to on the kernel thread. */
    static final class MemoryJournal implements Journal {
        final List<Object> entries = new CopyOnWriteArrayList<>();

        @Override
        public void append(Object entry) {
            entries.add(entry);
        }

        @Override
        public void replay(Consumer<Object> consumer) {
            entries.forEach(consumer);
        }

        @Override
        public void close() {
        }
    }

    private final MemoryJournal journal = new MemoryJournal();
    private final Kernel kernel = new Kernel(new SimulatedClock(0), journal, Money.of("100000"), 1.0);

    @AfterEach
    void stop() {
        kernel.stop();
    }

    @Test
    void aListenerIsToldOfTheEngagementAndTheReleaseOnceEachAfterTheyAreJournaled() throws Exception {
        kernel.start("kill-switch-test");
        KillSwitch killSwitch = kernel.killSwitch();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        AutoCloseable handle = killSwitch.onChange((engaged, reason) ->
                seen.add(new Seen(engaged, reason, Thread.currentThread().getName(), journal.entries.size())));

        killSwitch.engage("broker outage");
        killSwitch.release();
        handle.close();
        killSwitch.engage("after the handle is closed");

        String me = Thread.currentThread().getName();
        assertThat(seen).containsExactly(new Seen(true, "broker outage", me, 1), new Seen(false, "", me, 2));
        assertThat(journal.entries.subList(0, 2)).extracting(e -> ((JournalEntry.KillSwitchChanged) e).engaged())
                .containsExactly(true, false);
    }

    @Test
    void aThrowingListenerNeitherStopsTheSwitchNorTheOtherListeners() {
        KillSwitch killSwitch = kernel.killSwitch();
        List<String> told = new CopyOnWriteArrayList<>();
        killSwitch.onChange((engaged, reason) -> {
            throw new IllegalStateException("listener broken");
        });
        killSwitch.onChange((engaged, reason) -> told.add(engaged + ":" + reason));

        killSwitch.engage("daily loss");
        assertThat(killSwitch.isEngaged()).isTrue();
        assertThat(killSwitch.reason()).isEqualTo("daily loss");
        killSwitch.release();
        assertThat(killSwitch.isEngaged()).isFalse();

        assertThat(told).containsExactly("true:daily loss", "false:");
        assertThat(journal.entries).hasSize(2);
    }
}
