package io.amcp.execution;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The expected share of a session's volume traded in each time-of-day bucket, estimated from
 * history. A session starts at {@code sessionStart} (local time in {@code zone}) and is made of
 * {@code shares.length} buckets of {@code bucket} each: 24 one-hour buckets from 00:00 UTC for
 * crypto, 13 half-hour buckets from 09:30 New York for US equities. Volume is taken to flow
 * evenly within a bucket, so the expected share of any interval is the piecewise-linear
 * integral of the bucket shares.
 *
 * <p>Text form (a parent order parameter): {@code zone|HH:mm|ISO-duration|s1,s2,...}, e.g.
 * {@code UTC|00:00|PT1H|0.031,0.029,...}.
 */
public final class VolumeProfile {

    private final ZoneId zone;
    private final LocalTime sessionStart;
    private final Duration bucket;
    private final double[] shares;
    private final double[] cumulative;

    /**
     * @param zone         time zone of the session
     * @param sessionStart local start of the session
     * @param bucket       length of one bucket (the session is {@code shares.length} buckets long, at most a day)
     * @param shares       non-negative bucket weights; normalised to sum to 1
     */
    public VolumeProfile(ZoneId zone, LocalTime sessionStart, Duration bucket, double[] shares) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sessionStart = Objects.requireNonNull(sessionStart, "sessionStart");
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isNegative() || bucket.isZero()) {
            throw new IllegalArgumentException("bucket: must be positive, was " + bucket);
        }
        if (shares == null || shares.length == 0) {
            throw new IllegalArgumentException("shares: at least one bucket is required");
        }
        if (bucket.multipliedBy(shares.length).compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("shares: " + shares.length + " buckets of " + bucket + " exceed one day");
        }
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] >= 0) || !Double.isFinite(shares[i])) {
                throw new IllegalArgumentException("shares[" + i + "]: must be a finite number >= 0, was " + shares[i]);
            }
            sum += shares[i];
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("shares: sum to zero (no volume in the history)");
        }
        this.bucket = bucket;
        this.shares = new double[shares.length];
        this.cumulative = new double[shares.length + 1];
        for (int i = 0; i < shares.length; i++) {
            this.shares[i] = shares[i] / sum;
            cumulative[i + 1] = cumulative[i] + this.shares[i];
        }
        cumulative[shares.length] = 1.0;
    }

    /** Equal shares: the profile that makes VWAP scheduling reduce to TWAP over the session. */
    public static VolumeProfile flat(ZoneId zone, LocalTime sessionStart, Duration bucket, int buckets) {
        double[] s = new double[buckets];
        Arrays.fill(s, 1.0);
        return new VolumeProfile(zone, sessionStart, bucket, s);
    }

    /**
     * Averages the volume of {@code history} by bucket: a bar ending at {@code t} covers the instant
     * just before {@code t}, so it counts in the bucket holding {@code t - 1ns}; bars outside the
     * session are ignored. Volume is summed over all days, so a busier day weighs more.
     */
    public static VolumeProfile fromBars(BarSeries history, ZoneId zone, LocalTime sessionStart, Duration bucket,
            int buckets) {
        Objects.requireNonNull(history, "history");
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets: must be at least 1, was " + buckets);
        }
        double[] volume = new double[buckets];
        long bucketNanos = bucket.toNanos();
        long[] time = history.time();
        long[] vol = history.volume();
        for (int i = 0; i < time.length; i++) {
            long inside = time[i] - 1;
            long open = sessionOpenNanos(inside, zone, sessionStart);
            int b = (int) Math.floorDiv(inside - open, bucketNanos);
            if (b >= 0 && b < buckets) {
                volume[b] += FixedPoint.toDouble(vol[i]);
            }
        }
        return new VolumeProfile(zone, sessionStart, bucket, volume);
    }

    /** 24 one-hour buckets from 00:00 UTC (crypto trades around the clock). */
    public static VolumeProfile crypto24h(BarSeries history) {
        return fromBars(history, ZoneOffset.UTC, LocalTime.MIDNIGHT, Duration.ofHours(1), 24);
    }

    /** 13 half-hour buckets of the regular US equity session, 09:30-16:00 New York. */
    public static VolumeProfile usEquitySession(BarSeries history) {
        return fromBars(history, ZoneId.of("America/New_York"), LocalTime.of(9, 30), Duration.ofMinutes(30), 13);
    }

    /** Parses the text form written by {@link #toString()}; errors name the {@code profile} parameter. */
    public static VolumeProfile parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\|");
        if (parts.length != 4) {
            throw new IllegalArgumentException("profile: expected zone|HH:mm|duration|s1,s2,... but was '" + text + "'");
        }
        try {
            String[] cells = parts[3].split(",");
            double[] s = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                s[i] = Double.parseDouble(cells[i].trim());
            }
            return new VolumeProfile(ZoneId.of(parts[0].trim()), LocalTime.parse(parts[1].trim()),
                    Duration.parse(parts[2].trim()), s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("profile: " + e.getMessage(), e);
        }
    }

    /** Normalised bucket shares (a copy). */
    public double[] shares() {
        return shares.clone();
    }

    public int buckets() {
        return shares.length;
    }

    /**
     * The expected share of one session's volume traded in {@code (from, to]}, summed over every
     * session the interval touches (so it can exceed 1 for intervals longer than a day).
     */
    public double expectedShare(long from, long to) {
        if (to <= from) {
            return 0;
        }
        return cumulativeSinceEpochDay(to) - cumulativeSinceEpochDay(from);
    }

    /** Sessions elapsed since a reference plus the share of the current session traded by {@code t}. */
    private double cumulativeSinceEpochDay(long t) {
        long open = sessionOpenNanos(t, zone, sessionStart);
        LocalDate day = Instant.ofEpochSecond(Math.floorDiv(open, 1_000_000_000L)).atZone(zone).toLocalDate();
        double elapsed = (t - open) / (double) bucket.toNanos();
        double within;
        if (elapsed >= shares.length) {
            within = 1.0;
        } else {
            int b = (int) Math.floor(elapsed);
            within = cumulative[b] + (elapsed - b) * shares[b];
        }
        return day.toEpochDay() + within;
    }

    /** Start of the latest session that opened at or before {@code t}. */
    private static long sessionOpenNanos(long t, ZoneId zone, LocalTime sessionStart) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L), Math.floorMod(t, 1_000_000_000L));
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime open = local.toLocalDate().atTime(sessionStart).atZone(zone);
        if (open.toInstant().isAfter(instant)) {
            open = local.toLocalDate().minusDays(1).atTime(sessionStart).atZone(zone);
        }
        Instant o = open.toInstant();
        return o.getEpochSecond() * 1_000_000_000L + o.getNano();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(zone.getId()).append('|').append(sessionStart).append('|').append(bucket).append('|');
        for (int i = 0; i < shares.length; i++) {
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", shares[i]));
        }
        return out.toString();
    }
}
