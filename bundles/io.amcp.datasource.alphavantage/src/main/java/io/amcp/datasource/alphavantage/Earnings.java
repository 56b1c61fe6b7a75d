package io.amcp.datasource.alphavantage;

import io.amcp.api.model.InstrumentId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Earnings per share as {@code EARNINGS} reports them, newest first.
 *
 * @param symbol    the company
 * @param annual    reported EPS per fiscal year
 * @param quarterly reported and estimated EPS per fiscal quarter
 */
public record Earnings(InstrumentId symbol, List<Annual> annual, List<Quarterly> quarterly) {

    public Earnings {
        Objects.requireNonNull(symbol, "symbol");
        annual = List.copyOf(annual);
        quarterly = List.copyOf(quarterly);
    }

    /**
     * One fiscal year.
     *
     * @param fiscalDateEnding last day of the fiscal year
     * @param reportedEps      reported EPS
     */
    public record Annual(LocalDate fiscalDateEnding, double reportedEps) {
        public Annual {
            Objects.requireNonNull(fiscalDateEnding, "fiscalDateEnding");
        }
    }

    /**
     * One fiscal quarter. The {@code reportedDate} is when the market learnt the number: a backtest
     * must not use it earlier.
     *
     * @param fiscalDateEnding   last day of the quarter
     * @param reportedDate       date of the release
     * @param reportedEps        reported EPS; empty when not reported
     * @param estimatedEps       consensus estimate; empty when none
     * @param surprisePercentage (reported - estimated) / |estimated| in percent; empty when none
     * @param reportTime         {@code pre-market}, {@code post-market} or empty
     */
    public record Quarterly(LocalDate fiscalDateEnding, LocalDate reportedDate, OptionalDouble reportedEps,
            OptionalDouble estimatedEps, OptionalDouble surprisePercentage, String reportTime) {
        public Quarterly {
            Objects.requireNonNull(fiscalDateEnding, "fiscalDateEnding");
            Objects.requireNonNull(reportedDate, "reportedDate");
            Objects.requireNonNull(reportedEps, "reportedEps");
            Objects.requireNonNull(estimatedEps, "estimatedEps");
            Objects.requireNonNull(surprisePercentage, "surprisePercentage");
            reportTime = reportTime == null ? "" : reportTime;
        }
    }
}
