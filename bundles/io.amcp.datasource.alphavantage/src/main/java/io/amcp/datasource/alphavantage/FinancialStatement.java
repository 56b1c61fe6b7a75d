package io.amcp.datasource.alphavantage;

import io.amcp.api.model.InstrumentId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One income statement or balance sheet of one fiscal period, as {@code INCOME_STATEMENT} or
 * {@code BALANCE_SHEET} report it. Line items keep Alpha Vantage's names (US GAAP based, e.g.
 * {@value #TOTAL_REVENUE}); items it reports as {@code "None"} are absent.
 *
 * @param symbol           the company
 * @param kind             which statement
 * @param period           annual or quarterly
 * @param fiscalDateEnding last day of the fiscal period
 * @param reportedCurrency currency of the amounts, e.g. {@code USD}
 * @param items            line item name to amount in {@code reportedCurrency}
 */
public record FinancialStatement(InstrumentId symbol, Kind kind, Period period, LocalDate fiscalDateEnding,
        String reportedCurrency, Map<String, Double> items) {

    public static final String TOTAL_REVENUE = "totalRevenue";
    public static final String GROSS_PROFIT = "grossProfit";
    public static final String OPERATING_INCOME = "operatingIncome";
    public static final String NET_INCOME = "netIncome";
    public static final String TOTAL_ASSETS = "totalAssets";
    public static final String TOTAL_LIABILITIES = "totalLiabilities";
    public static final String TOTAL_SHAREHOLDER_EQUITY = "totalShareholderEquity";
    public static final String SHARES_OUTSTANDING = "commonStockSharesOutstanding";

    /** Which statement. */
    public enum Kind { INCOME_STATEMENT, BALANCE_SHEET }

    /** Reporting period. */
    public enum Period { ANNUAL, QUARTERLY }

    public FinancialStatement {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(fiscalDateEnding, "fiscalDateEnding");
        reportedCurrency = reportedCurrency == null ? "" : reportedCurrency;
        items = Map.copyOf(new TreeMap<>(Objects.requireNonNull(items, "items")));
        items.forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("items." + name + ": must be finite, was " + value);
            }
        });
    }

    /** The amount of line item {@code name}; empty when the company reported none. */
    public OptionalDouble item(String name) {
        Double value = items.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
