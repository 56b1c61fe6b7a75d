package io.amcp.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.spi.KillSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;

class KillSwitchCommandTest {

    private final RecordingKillSwitch killSwitch = new RecordingKillSwitch();

    @Test
    void showsTheStateWithoutAnAction() {
        assertThat(KillSwitchCommand.apply(killSwitch, null, null)).isEqualTo("Kill switch released (orders flow)");
        assertThat(killSwitch.engaged).isFalse();
    }

    @Test
    void engagesWithTheReasonWordsJoined() {
        String line = KillSwitchCommand.apply(killSwitch, "on", List.of("broker", "outage"));

        assertThat(killSwitch.reason).isEqualTo("broker outage");
        assertThat(line).isEqualTo("Kill switch ENGAGED: broker outage (new orders are rejected)");
    }

    @Test
    void engagesWithADefaultReason() {
        KillSwitchCommand.apply(killSwitch, "on", null);

        assertThat(killSwitch.reason).isEqualTo("engaged from the shell");
    }

    @Test
    void releases() {
        killSwitch.engage("test");

        assertThat(KillSwitchCommand.apply(killSwitch, "off", List.of())).isEqualTo("Kill switch released (orders flow)");
        assertThat(killSwitch.engaged).isFalse();
    }

    @Test
    void rejectsAnUnknownActionNamingTheArgument() {
        assertThatThrownBy(() -> KillSwitchCommand.apply(killSwitch, "maybe", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("action: must be 'on' or 'off', was 'maybe'");
        assertThat(killSwitch.engaged).isFalse();
    }

    @Test
    void rejectsAReasonOnRelease() {
        killSwitch.engage("test");

        assertThatThrownBy(() -> KillSwitchCommand.apply(killSwitch, "off", List.of("why")))
                .hasMessageStartingWith("reason:");
        assertThat(killSwitch.engaged).isTrue();
    }

    private static final class RecordingKillSwitch implements KillSwitch {
        boolean engaged;
        String reason = "";

        @Override
        public void engage(String why) {
            engaged = true;
            reason = why;
        }

        @Override
        public void release() {
            engaged = false;
            reason = "";
        }

        @Override
        public boolean isEngaged() {
            return engaged;
        }

        @Override
        public String reason() {
            return reason;
        }
    }
}
