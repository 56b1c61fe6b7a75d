package io.amcp.surveillance;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Told about surveillance findings: register an implementation as an OSGi service (compliance
 * e-mail, a ticketing system, the web console) and the scheduled surveillance calls it once per new
 * alert, on its own thread. Implementations must not block for long and should not throw; a throwing
 * listener is logged and skipped.
 */
public interface SurveillanceListener {

    /** A pattern was found in the day's activity; each finding is reported once. */
    void onAlert(Alert alert);

    /** The end-of-day files of {@code day} were written (surveillance report, trade reports). */
    default void onDailyReports(LocalDate day, List<Path> files) {
    }
}
