package io.amcp.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TailStatisticsTest {

    @Test
    void tailCountIsTheCeilingOfTheTailProbabilityTimesTheSampleSize() {
        assertThat(TailStatistics.tailCount(100, 0.95)).isEqualTo(5);
        assertThat(TailStatistics.tailCount(100, 0.99)).isEqualTo(1);
        assertThat(TailStatistics.tailCount(250, 0.99)).isEqualTo(3);
        assertThat(TailStatistics.tailCount(250, 0.95)).isEqualTo(13);
        assertThat(TailStatistics.tailCount(10, 0.999)).isEqualTo(1);
    }
}
