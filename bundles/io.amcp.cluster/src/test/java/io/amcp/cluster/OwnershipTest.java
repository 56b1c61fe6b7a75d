package io.amcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipTest {

    @Test
    void takeoverEpochGrowsByOneOrJumpsToTheClock() {
        Ownership first = Ownership.unassigned("s1").takenOverBy("m1", "node-1", 1_000, 4_000);
        assertThat(first.epoch()).isEqualTo(1_000);
        // a clock behind the record (or a record ahead of it) still moves the epoch up by one
        Ownership second = first.takenOverBy("m2", "node-2", 900, 3_900);
        assertThat(second.epoch()).isEqualTo(1_001);
        assertThat(second.owner()).isEqualTo("m2");
        // a record lost with its partition comes back unassigned: the clock keeps the epoch above the old one
        Ownership afterLoss = Ownership.unassigned("s1").takenOverBy("m3", "node-3", 5_000, 8_000);
        assertThat(afterLoss.epoch()).isGreaterThan(second.epoch());
    }

    @Test
    void leaseIsFreeWhenUnownedOrPastItsExpiry() {
        Ownership owned = new Ownership("s1", "m1", "node-1", 7, 10_000);
        assertThat(owned.expiredAt(10_000)).isFalse();
        assertThat(owned.expiredAt(10_001)).isTrue();
        assertThat(Ownership.unassigned("s1").expiredAt(0)).isTrue();
    }
}
