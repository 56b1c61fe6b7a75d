package io.amcp.datasource.economic.internal;

import io.amcp.api.spi.CredentialStore;
import io.amcp.datasource.http.ResilientHttp;
import io.amcp.datasource.http.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings, clock, sleeper and credentials for tests against a {@link RecordedApi}. */
final class Fixtures {

    static final String KEY = "abcdefghijklmnopqrstuvwxyz123456";
    static final CredentialStore VAULT = name -> name.equals("fred.api-key") ? Optional.of(KEY) : Optional.empty();

    private Fixtures() {
    }

    static EconomicSettings settings(RecordedApi api, Path store, String... series) {
        return new EconomicSettings(Arrays.stream(series).map(SeriesRef::parse).toList(), api.baseUrl(), api.baseUrl(),
                api.baseUrl(), LocalTime.of(17, 0), 45, 200, store, Duration.ofHours(6),
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), Duration.ofSeconds(5));
    }

    static EconomicDataService service(EconomicSettings settings, CredentialStore vault, Map<String, String> env,
            Clock clock, RecordingSleeper sleeper) {
        return new EconomicDataService(settings, vault, env::get, clock, sleeper);
    }

    /** A wall clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records the waits instead of sleeping. */
    static final class RecordingSleeper implements ResilientHttp.Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
