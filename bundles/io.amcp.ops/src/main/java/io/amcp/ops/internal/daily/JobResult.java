package io.amcp.ops.internal.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one run of a daily job found.
 *
 * @param job      which job
 * @param date     the exchange trading date it ran for
 * @param ranAt    when it ran (platform clock)
 * @param ok       no problem found
 * @param findings one line per check or difference, problems first
 */
public record JobResult(DailyJob job, LocalDate date, Instant ranAt, boolean ok, List<String> findings) {

    public JobResult {
        findings = List.copyOf(findings);
    }
}
