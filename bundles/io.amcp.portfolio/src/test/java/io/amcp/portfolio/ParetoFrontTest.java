package io.amcp.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The Pareto sweep, the dominance filter and the SVG chart. */
class ParetoFrontTest {

    private final PortfolioOptimizer optimizer = PortfolioOptimizer.standard();

    private static final double[][] SCENARIOS = {
        {0.02, 0.05, -0.01}, {-0.03, 0.02, 0.01}, {0.01, -0.06, 0.00}, {0.04, 0.03, -0.02}, {-0.05, -0.02, 0.03},
        {0.00, 0.07, -0.03}, {0.03, -0.04, 0.02}, {-0.02, 0.01, 0.01}, {0.01, -0.01, -0.04}, {0.02, 0.04, 0.02},
    };
    private static final ReturnHistory HISTORY = ReturnHistory.of(AssetUniverse.ofSymbols("A", "B", "C"), SCENARIOS);

    @Test
    void dominanceFilterKeepsOnlyUndominatedPoints() {
        double[] w = {1};
        ParetoPoint a = ParetoPoint.of(w, 0.10, 0.20, 0.05, 0.1);
        ParetoPoint b = ParetoPoint.of(w, 0.08, 0.25, 0.06, 0.2); // worse than a on every objective
        ParetoPoint c = ParetoPoint.of(w, 0.12, 0.30, 0.07, 0.1); // more return, more risk: a trade-off
        ParetoPoint d = ParetoPoint.of(w, 0.10, 0.20, 0.05, 0.0); // a with less turnover: dominates a

        assertThat(ParetoPoint.nonDominated(List.of(a, b, c, d))).containsExactly(d, c);
    }

    @Test
    void sweepGivesAMutuallyNonDominatedFrontReachingBothRiskMinima() {
        MarketEstimates estimates = MarketEstimates.fromHistory(HISTORY, CovarianceEstimator.SAMPLE);
        Constraints constraints = Constraints.longOnly(3).withCurrentWeights(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});

        List<ParetoPoint> front = optimizer.paretoFront(estimates, HISTORY, constraints, ParetoSweep.of(5, 3, 3, 0.8));

        assertThat(front.size()).isGreaterThan(3);
        for (ParetoPoint p : front) {
            for (ParetoPoint q : front) {
                boolean dominated = q.expectedReturn() >= p.expectedReturn() && q.volatility() <= p.volatility()
                        && q.cvar() <= p.cvar() && q.turnover() <= p.turnover()
                        && (q.expectedReturn() > p.expectedReturn() || q.volatility() < p.volatility()
                                || q.cvar() < p.cvar() || q.turnover() < p.turnover());
                assertThat(dominated).isFalse();
            }
            double[] w = p.weights();
            assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-7));
        }
        double minVol = optimizer.minimumVariance(estimates, constraints).volatility();
        double minCvar = io.amcp.portfolio.internal.ScenarioRisk.cvar(HISTORY,
                optimizer.minimumCvar(HISTORY, constraints, 0.8).weights(), 0.8);
        assertThat(front.stream().mapToDouble(ParetoPoint::volatility).min().orElseThrow()).isCloseTo(minVol, within(1e-6));
        assertThat(front.stream().mapToDouble(ParetoPoint::cvar).min().orElseThrow()).isCloseTo(minCvar, within(1e-6));
    }

    @Test
    void chartIsWellFormedSvgWithOneDotPerParetoPointAndOneVertexPerFrontierPoint() throws Exception {
        MarketEstimates estimates = MarketEstimates.fromHistory(HISTORY, CovarianceEstimator.SAMPLE);
        Constraints constraints = Constraints.longOnly(3);
        List<OptimalPortfolio> frontier = optimizer.efficientFrontier(estimates, constraints, 8);
        List<ParetoPoint> front = optimizer.paretoFront(estimates, HISTORY, constraints, ParetoSweep.of(6, 1, 3, 0.8));

        String svg = FrontierChart.svg(frontier, front, FrontierChart.ColourBy.CVAR);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(front.size());
        String points = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getNodeValue();
        String[] vertices = points.trim().split(" ");
        assertThat(vertices).hasSize(8);
        for (String vertex : vertices) {
            double px = Double.parseDouble(vertex.split(",")[0]);
            double py = Double.parseDouble(vertex.split(",")[1]);
            assertThat(px).isBetween(0.0, (double) FrontierChart.WIDTH);
            assertThat(py).isBetween(0.0, (double) FrontierChart.HEIGHT);
        }
        // higher return is drawn higher up: the last frontier vertex has the smallest y
        assertThat(Double.parseDouble(vertices[7].split(",")[1])).isLessThan(Double.parseDouble(vertices[0].split(",")[1]));
    }
}
