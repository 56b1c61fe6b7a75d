package io.amcp.api.spi;

/**
 * Told of each engagement and release of a {@link KillSwitch} that notifies (see
 * {@link KillSwitch#onChange(KillSwitchListener)}): called after the change is recorded, on the thread
 * that made it, never under the switch's lock. Keep it short and non-blocking; an exception it throws is
 * logged by the switch and does not undo the change or reach the other listeners.
 */
@FunctionalInterface
public interface KillSwitchListener {

    /**
     * The switch was engaged or released.
     *
     * @param engaged true when engaged, false when released
     * @param reason  why it was engaged; empty when released
     */
    void killSwitchChanged(boolean engaged, String reason);
}
