package io.amcp.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Money;
import io.amcp.api.portfolio.AccountView;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountCommandTest {

    @Test
    void showsEveryFieldAndTheDayPnl() {
        // cash 95,000 + 10 AAPL at 525.05 = equity 100,250.50; the day started at 100,000, so day P&L = 250.50
        AccountView account = new AccountView(Money.of("95000"), Money.of("100250.50"), Money.of("95000"),
                Money.of("5250.50"), Money.ZERO, Money.of("-12.25"), Money.of("262.75"), Money.of("100000"),
                Money.of("2"));

        List<List<String>> cells = Tables.cells(AccountCommand.table(account));

        assertThat(cells).containsExactly(
                List.of("Field", "Value"),
                List.of("Cash", "95000"),
                List.of("Equity", "100250.5"),
                List.of("Buying power", "95000"),
                List.of("Long market value", "5250.5"),
                List.of("Short market value", "0"),
                List.of("Realized P&L", "-12.25"),
                List.of("Unrealized P&L", "262.75"),
                List.of("Day P&L", "250.5"),
                List.of("Commissions", "2"));
    }
}
