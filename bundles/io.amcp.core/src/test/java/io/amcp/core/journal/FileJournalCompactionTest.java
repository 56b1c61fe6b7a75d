package io.amcp.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.InstrumentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compaction that dies before its rename leaves the journal whole; one whose rename fails says so and
 * leaves the journal open for appends; one that finishes replaces it.
 */
class FileJournalCompactionTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    private static List<Object> entries(FileJournal journal) {
        List<Object> out = new ArrayList<>();
        journal.replay(out::add);
        return out;
    }

    @Test
    void crashBeforeRenameLeavesTheFullJournal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kernel.journal");
        FileJournal journal = new FileJournal(file, false);
        List<Object> written = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            Object e = new JournalEntry.Mark(AAPL, i * 100_000_000L, i);
            journal.append(e);
            written.add(e);
        }
        // the snapshot is written and forced, then the process dies before the rename
        journal.writeCompacted(List.of(new JournalEntry.SnapshotStarted(50, Long.MIN_VALUE),
                new JournalEntry.SnapshotEnded(50)));
        Path leftover = dir.resolve("kernel.journal.compacting");
        assertThat(leftover).exists();
        journal.close();

        FileJournal reopened = new FileJournal(file, false);
        assertThat(entries(reopened)).isEqualTo(written);
        assertThat(reopened.repairNote()).contains("compaction that did not finish");
        assertThat(leftover).doesNotExist();
        reopened.close();
    }

    @Test
    void finishedCompactionReplacesTheJournalAndAppendsContinue(@TempDir Path dir) {
        Path file = dir.resolve("kernel.journal");
        FileJournal journal = new FileJournal(file, false);
        for (int i = 1; i <= 10; i++) {
            journal.append(new JournalEntry.Mark(AAPL, i * 100_000_000L, i));
        }
        List<Object> snapshot = List.of(new JournalEntry.SnapshotStarted(10, Long.MIN_VALUE),
                new JournalEntry.SnapshotEnded(10));
        journal.rewrite(snapshot);
        Object after = new JournalEntry.Mark(AAPL, 1_100_000_000L, 11);
        journal.append(after);
        assertThat(journal.entries()).containsExactly(snapshot.get(0), snapshot.get(1), after);
        journal.close();
        assertThat(Files.exists(dir.resolve("kernel.journal.compacting"))).isFalse();
        FileJournal reopened = new FileJournal(file, false);
        assertThat(entries(reopened)).containsExactly(snapshot.get(0), snapshot.get(1), after);
        assertThat(reopened.repairNote()).isNull();
        reopened.close();
    }

    @Test
    void failedRenameNamesTheStepAndTheJournalStaysAppendable(@TempDir Path dir) {
        Path file = dir.resolve("kernel.journal");
        FileJournal journal = new FileJournal(file, false, (compacted, target) -> {
            throw new IOException("rename refused by the file system");
        });
        List<Object> written = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Object e = new JournalEntry.Mark(AAPL, i * 100_000_000L, i);
            journal.append(e);
            written.add(e);
        }
        assertThatThrownBy(() -> journal.rewrite(List.of(new JournalEntry.SnapshotStarted(3, Long.MIN_VALUE),
                new JournalEntry.SnapshotEnded(3))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("renaming kernel.journal.compacting over kernel.journal")
                .hasMessageContaining("rename refused by the file system")
                .hasMessageContaining("the journal is unchanged");
        assertThat(dir.resolve("kernel.journal.compacting")).doesNotExist();

        Object after = new JournalEntry.Mark(AAPL, 400_000_000L, 4);
        journal.append(after);
        written.add(after);
        assertThat(journal.entries()).isEqualTo(written);
        journal.close();
        FileJournal reopened = new FileJournal(file, false);
        assertThat(entries(reopened)).isEqualTo(written);
        assertThat(reopened.repairNote()).isNull();
        reopened.close();
    }
}
