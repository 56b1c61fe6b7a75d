package io.amcp.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.InstrumentId;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class BetaTest {

    @Test
    void assetAndPortfolioBetasMatchSimpleRegression() {
        int days = 260;
        double[][] returns = SampleData.returns(4, days, 31);
        ReturnsHistory history = ReturnsHistory.of(SampleData.symbols(4), returns);
        double[] market = SampleData.market(days, 31);
        BenchmarkReturns benchmark = BenchmarkReturns.of("SPY", market);
        Portfolio portfolio = Portfolio.of(List.of(Position.of("S0", 100, 10.0), Position.of("S1", -40, 20.0),
                Position.of("S2", 70, 30.0), Position.of("S3", 10, 40.0)));

        BetaReport beta = RiskAnalyzer.standard().beta(portfolio, history, benchmark);

        for (int a = 0; a < 4; a++) {
            SimpleRegression regression = new SimpleRegression();
            for (int d = 0; d < days; d++) {
                regression.addData(market[d], returns[a][d]);
            }
            assertThat(beta.assetBetas().get(InstrumentId.of("S" + a))).isCloseTo(regression.getSlope(), within(1e-12));
        }
        // the portfolio's return series: dollar P&L over net exposure 1000 - 800 + 2100 + 400 = 2700
        double[] exposure = {1000, -800, 2100, 400};
        SimpleRegression portfolioRegression = new SimpleRegression();
        for (int d = 0; d < days; d++) {
            double pnl = 0.0;
            for (int a = 0; a < 4; a++) {
                pnl += exposure[a] * returns[a][d];
            }
            portfolioRegression.addData(market[d], pnl / 2700.0);
        }
        assertThat(beta.portfolioBeta()).isCloseTo(portfolioRegression.getSlope(), within(1e-12));
        assertThat(beta.betaDollars()).isCloseTo(2700.0 * portfolioRegression.getSlope(), within(1e-9));
        assertThat(beta.benchmark()).isEqualTo("SPY");
    }

    @Test
    void benchmarkOfAnotherLengthIsRejected() {
        ReturnsHistory history = SampleData.history(2, 50, 1);
        BenchmarkReturns benchmark = BenchmarkReturns.of("SPY", new double[49]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskAnalyzer.standard()
                .beta(Portfolio.of(List.of()), history, benchmark)).hasMessageStartingWith("benchmark:");
    }
}
