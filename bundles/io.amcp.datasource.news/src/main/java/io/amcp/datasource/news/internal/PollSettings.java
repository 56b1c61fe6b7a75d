package io.amcp.datasource.news.internal;

import java.time.Duration;

/**
 * How feeds are fetched.
 *
 * @param interval       between successful fetches of one feed
 * @param requestTimeout limit of one fetch, connection to last byte
 * @param backoffInitial wait after the first failure; doubles with each further failure
 * @param backoffMax     longest wait after failures (a Retry-After header may ask for longer)
 */
record PollSettings(Duration interval, Duration requestTimeout, Duration backoffInitial, Duration backoffMax) {

    PollSettings {
        positive("pollIntervalSeconds", interval);
        positive("requestTimeoutSeconds", requestTimeout);
        positive("backoffInitialSeconds", backoffInitial);
        positive("backoffMaxSeconds", backoffMax);
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMaxSeconds must be >= backoffInitialSeconds");
        }
    }

    private static void positive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be > 0, was " + value);
        }
    }

    /** The wait after {@code failures} consecutive failures (1 or more). */
    Duration backoff(int failures) {
        Duration wait = backoffInitial;
        for (int i = 1; i < failures && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
