package io.amcp.ai.models.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** Ten samples, sample i labelled by bars i..i+2 (a label that looks two bars ahead). */
    private static final LabelWindows TEN = LabelWindows.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
            new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11});

    @Test
    void purgedKFoldByHand() {
        List<Split> splits = PurgedKFold.of(5, 1).splits(TEN);
        assertThat(splits).hasSize(5);
        // fold 0: test {0,1} spans bars [0,3]; windows of 2 ([2,4]) and 3 ([3,5]) overlap it: purged;
        // embargo 1 bar: sample 4 starts at bar 4 in (3, 4]: dropped
        assertThat(splits.get(0).test()).containsExactly(0, 1);
        assertThat(splits.get(0).train()).containsExactly(5, 6, 7, 8, 9);
        // fold 2: test {4,5} spans [4,7]; 2 ([2,4]), 3 ([3,5]), 6 ([6,8]), 7 ([7,9]) overlap; embargo drops 8
        assertThat(splits.get(2).test()).containsExactly(4, 5);
        assertThat(splits.get(2).train()).containsExactly(0, 1, 9);
        // fold 4: test {8,9} spans [8,11]; 6 ([6,8]) and 7 ([7,9]) overlap; nothing after it to embargo
        assertThat(splits.get(4).test()).containsExactly(8, 9);
        assertThat(splits.get(4).train()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void withoutEmbargoOnlyOverlapsArePurged() {
        // fold 0 of 5, embargo 0: samples 2 and 3 purged, 4 ([4,6]) starts after bar 3 and stays
        assertThat(PurgedKFold.of(5, 0).splits(TEN).get(0).train()).containsExactly(4, 5, 6, 7, 8, 9);
    }

    @Test
    void unevenFoldsPutTheRemainderFirst() {
        LabelWindows seven = LabelWindows.of(new int[] {0, 1, 2, 3, 4, 5, 6}, new int[] {0, 1, 2, 3, 4, 5, 6});
        List<Split> splits = PurgedKFold.of(3, 0).splits(seven);
        assertThat(splits.get(0).test()).containsExactly(0, 1, 2);
        assertThat(splits.get(1).test()).containsExactly(3, 4);
        assertThat(splits.get(2).test()).containsExactly(5, 6);
        // one-bar labels overlap nothing else: every other sample trains
        assertThat(splits.get(1).train()).containsExactly(0, 1, 2, 5, 6);
    }

    @Test
    void expandingWalkForwardByHand() {
        List<Split> splits = WalkForward.of(4, 3, 0, 0).splits(TEN);
        assertThat(splits).hasSize(2);
        // test {4,5,6} starts at bar 4: training labels must end before bar 4: samples 0 ([0,2]) and 1 ([1,3])
        assertThat(splits.get(0).test()).containsExactly(4, 5, 6);
        assertThat(splits.get(0).train()).containsExactly(0, 1);
        // test {7,8,9} starts at bar 7: samples 0..4 (4 ends at bar 6)
        assertThat(splits.get(1).test()).containsExactly(7, 8, 9);
        assertThat(splits.get(1).train()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void rollingWalkForwardWithEmbargoByHand() {
        // window of 3 samples before each test block; embargo 1: labels must end before bar (test start - 1)
        List<Split> splits = WalkForward.of(4, 3, 3, 1).splits(TEN);
        // test from 4 (bar 4): candidates 1,2,3; 1 ends at 3, 3 + 1 = 4 is not < 4: none survive
        assertThat(splits.get(0).train()).isEmpty();
        // test from 7 (bar 7): candidates 4,5,6; 4 ends at 6, 6 + 1 = 7 is not < 7: none survive
        assertThat(splits.get(1).train()).isEmpty();
        List<Split> noEmbargo = WalkForward.of(4, 3, 3, 0).splits(TEN);
        assertThat(noEmbargo.get(0).train()).containsExactly(1);
        assertThat(noEmbargo.get(1).train()).containsExactly(4);
    }

    @Test
    void noTrainingWindowEverOverlapsATestWindowOnRandomLabels() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 20 + random.nextInt(200);
            int[] start = new int[n];
            int[] end = new int[n];
            int bar = 0;
            for (int i = 0; i < n; i++) {
                bar += random.nextInt(3);
                start[i] = bar;
                end[i] = bar + random.nextInt(15);
            }
            LabelWindows w = LabelWindows.of(start, end);
            int embargo = random.nextInt(5);
            for (Split s : PurgedKFold.of(2 + random.nextInt(8), embargo).splits(w)) {
                assertNoOverlap(w, s);
            }
            for (Split s : WalkForward.of(10, 1 + random.nextInt(30), random.nextInt(50), embargo).splits(w)) {
                assertNoOverlap(w, s);
                for (int i : s.train()) {
                    assertThat(end[i]).isLessThan(start[s.test()[0]]);
                }
            }
        }
    }

    private static void assertNoOverlap(LabelWindows w, Split s) {
        for (int i : s.train()) {
            for (int j : s.test()) {
                assertThat(w.overlaps(i, w.start()[j], w.end()[j]))
                        .as("train %d [%d,%d] vs test %d [%d,%d]", i, w.start()[i], w.end()[i], j, w.start()[j], w.end()[j])
                        .isFalse();
            }
        }
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        assertThatThrownBy(() -> PurgedKFold.of(1, 0)).hasMessageStartingWith("folds:");
        assertThatThrownBy(() -> PurgedKFold.of(3, -1)).hasMessageStartingWith("embargoBars:");
        assertThatThrownBy(() -> WalkForward.of(0, 1, 0, 0)).hasMessageStartingWith("minTrain:");
        assertThatThrownBy(() -> LabelWindows.of(new int[] {2, 1}, new int[] {3, 3})).hasMessageStartingWith("start:");
        assertThatThrownBy(() -> PurgedKFold.of(5, 0).splits(LabelWindows.of(new int[] {0}, new int[] {0})))
                .hasMessageStartingWith("windows:");
    }
}
