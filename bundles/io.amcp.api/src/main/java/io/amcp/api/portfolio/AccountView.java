package io.amcp.api.portfolio;

import io.amcp.api.model.Money;

/**
 * A read-only snapshot of the account.
 *
 * @param cash              cash balance (negative when borrowing)
 * @param equity            cash + market value of all positions
 * @param buyingPower       what new orders may still commit (see the ledger's margin model)
 * @param longMarketValue   market value of long positions
 * @param shortMarketValue  market value of short positions (negative)
 * @param realizedPnl       total realised P&L
 * @param unrealizedPnl     total unrealised P&L
 * @param dayStartEquity    equity at the start of the trading day (for daily-loss limits)
 * @param commissions       total commissions paid
 */
public record AccountView(Money cash, Money equity, Money buyingPower, Money longMarketValue, Money shortMarketValue,
        Money realizedPnl, Money unrealizedPnl, Money dayStartEquity, Money commissions) {

    /** Today's P&L: equity minus equity at the start of the day. */
    public Money dayPnl() {
        return equity.minus(dayStartEquity);
    }
}
