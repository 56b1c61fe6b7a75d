package io.amcp.cli;

import io.amcp.options.ExerciseStyle;
import io.amcp.options.ImpliedVolatility;
import io.amcp.options.OptionInputs;
import io.amcp.options.OptionPricer;
import io.amcp.options.OptionType;
import io.amcp.options.OptionValuation;
import io.amcp.options.OptionsBenchmark;
import io.amcp.options.PricingModel;
import io.amcp.options.strategy.MarketModel;
import io.amcp.options.strategy.OptionStrategy;
import io.amcp.options.strategy.PayoffChart;
import io.amcp.options.strategy.StrategyAnalysis;
import io.amcp.options.strategy.StrategyAnalyzer;
import io.amcp.options.strategy.StrategyCatalog;
import io.amcp.options.strategy.StrategyTerms;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code amcp option}: option prices, Greeks, implied volatility, catalog strategy analysis and the
 * pricing benchmark. Thin: every subcommand calls {@code io.amcp.options}.
 */
@Command(name = "option", description = "Options: price, iv, strategy, bench.",
        subcommands = {OptionCommand.Price.class, OptionCommand.Iv.class, OptionCommand.Strategy.class, OptionCommand.Bench.class})
final class OptionCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "option: name a subcommand (price, iv, strategy, bench)");
    }

    /** Contract and market options shared by price and iv. */
    static class Contract {
        @Option(names = "--style", defaultValue = "european", description = "european | american (default ${DEFAULT-VALUE})")
        String style;

        @Option(names = "--model", description = "bsm | black76 | crr | baw (default: bsm for european, crr for american)")
        String model;

        @Option(names = "--type", required = true, description = "call | put")
        String type;

        @Option(names = "--spot", required = true, description = "Underlying price (futures price for black76)")
        double spot;

        @Option(names = "--strike", required = true, description = "Strike")
        double strike;

        @Option(names = "--years", required = true, description = "Time to expiry in years")
        double years;

        @Option(names = "--rate", required = true, description = "Risk-free rate, decimal (0.05 = 5%)")
        double rate;

        @Option(names = "--dividend", defaultValue = "0", description = "Continuous dividend yield, decimal")
        double dividend;

        @Option(names = "--steps", defaultValue = "500", description = "Binomial tree steps (default ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--json", description = "Print one JSON object")
        boolean json;

        PricingModel pricingModel() {
            ExerciseStyle s = switch (style.toLowerCase(Locale.ROOT)) {
                case "european" -> ExerciseStyle.EUROPEAN;
                case "american" -> ExerciseStyle.AMERICAN;
                default -> throw new IllegalArgumentException("--style: unknown style '" + style + "' (european, american)");
            };
            if (model == null) {
                return s == ExerciseStyle.EUROPEAN ? PricingModel.BLACK_SCHOLES_MERTON : PricingModel.BINOMIAL_CRR;
            }
            PricingModel m = switch (model.toLowerCase(Locale.ROOT)) {
                case "bsm" -> PricingModel.BLACK_SCHOLES_MERTON;
                case "black76" -> PricingModel.BLACK_76;
                case "crr" -> PricingModel.BINOMIAL_CRR;
                case "baw" -> PricingModel.BARONE_ADESI_WHALEY;
                default -> throw new IllegalArgumentException("--model: unknown model '" + model + "' (bsm, black76, crr, baw)");
            };
            if (m.exerciseStyle() != s) {
                throw new IllegalArgumentException("--model: " + model + " values " + m.exerciseStyle().name().toLowerCase(Locale.ROOT)
                        + " options, not " + style);
            }
            return m;
        }

        OptionInputs inputs(double volatility) {
            OptionType t = switch (type.toLowerCase(Locale.ROOT)) {
                case "call" -> OptionType.CALL;
                case "put" -> OptionType.PUT;
                default -> throw new IllegalArgumentException("--type: unknown type '" + type + "' (call, put)");
            };
            return withOptionNames(() -> OptionInputs.of(t, spot, strike, years, volatility, rate, dividend));
        }
    }

    /** Re-words a field error of the library ("spot: ...") as the option that set it ("--spot: ..."). */
    static <T> T withOptionNames(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String field = m.contains(":") ? m.substring(0, m.indexOf(':')) : "";
            String option = switch (field) {
                case "volatility" -> "--vol";
                case "dividendYield" -> "--dividend";
                case "spot", "strike", "years", "rate", "steps", "price", "strikes" -> "--" + field;
                case "nearYears" -> "--years";
                case "farYears" -> "--far-years";
                case "quantity" -> "--quantity";
                case "name" -> "--name";
                default -> null;
            };
            throw option == null ? e : new IllegalArgumentException(option + m.substring(field.length()), e);
        }
    }

    @Command(name = "price", description = "Prices an option and prints price, delta, gamma, vega, theta, rho (per-unit Greeks).")
    static final class Price extends Contract implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--vol", required = true, description = "Volatility, decimal (0.2 = 20%)")
        double vol;

        @Override
        public Integer call() {
            PricingModel m = pricingModel();
            OptionInputs o = inputs(vol);
            OptionValuation v = withOptionNames(() -> OptionPricer.value(m, o, steps));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.printf(Locale.ROOT, "{\"model\":\"%s\",\"price\":%s,\"delta\":%s,\"gamma\":%s,\"vega\":%s,\"theta\":%s,\"rho\":%s}%n",
                        m, v.price(), v.delta(), v.gamma(), v.vega(), v.theta(), v.rho());
            } else {
                out.printf(Locale.ROOT, "model  %s%nprice  %.6f%ndelta  %.6f%ngamma  %.6f%nvega   %.6f (per 1.00 vol)%n"
                        + "theta  %.6f (per year)%nrho    %.6f (per 1.00 rate)%n", m, v.price(), v.delta(), v.gamma(), v.vega(), v.theta(), v.rho());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "iv", description = "Implied volatility of an option price.")
    static final class Iv extends Contract implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--price", required = true, description = "Observed option price")
        double price;

        @Override
        public Integer call() {
            PricingModel m = pricingModel();
            OptionInputs o = inputs(0.2);
            double iv = withOptionNames(() -> ImpliedVolatility.solve(price, m, o, steps));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.printf(Locale.ROOT, "{\"model\":\"%s\",\"impliedVol\":%s}%n", m, iv);
            } else {
                out.printf(Locale.ROOT, "impliedVol %.8f%n", iv);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "strategy", description = "Analyses a catalog strategy at its nearest expiry (premiums from Black-Scholes-Merton).")
    static final class Strategy implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", description = "Catalog name, e.g. iron-condor (omit to list the catalog)")
        String name;

        @Option(names = "--strikes", split = ",", description = "Strikes k1,k2,... ascending")
        List<Double> strikes;

        @Option(names = "--spot", defaultValue = "100", description = "Underlying price (default ${DEFAULT-VALUE})")
        double spot;

        @Option(names = "--vol", defaultValue = "0.2", description = "Volatility (default ${DEFAULT-VALUE})")
        double vol;

        @Option(names = "--rate", defaultValue = "0.05", description = "Risk-free rate (default ${DEFAULT-VALUE})")
        double rate;

        @Option(names = "--dividend", defaultValue = "0", description = "Dividend yield (default ${DEFAULT-VALUE})")
        double dividend;

        @Option(names = "--years", defaultValue = "0.25", description = "Near expiry in years (default ${DEFAULT-VALUE})")
        double years;

        @Option(names = "--far-years", description = "Far expiry of calendars and diagonals (default: twice --years)")
        Double farYears;

        @Option(names = "--quantity", defaultValue = "1", description = "Units per ratio unit (default ${DEFAULT-VALUE})")
        double quantity;

        @Option(names = "--drift", description = "Drift for the probability of profit (default: --rate, risk-neutral)")
        Double drift;

        @Option(names = "--svg", description = "Write the payoff diagram to this SVG file")
        Path svg;

        @Option(names = "--json", description = "Print one JSON object")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (name == null) {
                for (String n : StrategyCatalog.names()) {
                    out.printf("%-22s %s%n", n, StrategyCatalog.describe(n));
                }
                out.flush();
                return 0;
            }
            if (strikes == null || strikes.isEmpty()) {
                throw new IllegalArgumentException("--strikes: required (" + StrategyCatalog.describe(name) + ")");
            }
            MarketModel market = withOptionNames(() -> MarketModel.of(spot, vol, rate, dividend));
            StrategyTerms terms = withOptionNames(() -> new StrategyTerms(strikes, years, farYears == null ? 2 * years : farYears, quantity));
            OptionStrategy s = withOptionNames(() -> StrategyCatalog.build(name, terms, market));
            StrategyAnalysis a = StrategyAnalyzer.analyze(s, market, drift == null ? rate : drift);
            if (svg != null) {
                PayoffChart.write(svg, StrategyAnalyzer.payoff(s, market, 401), name, a.breakevens());
            }
            String breakevens = a.breakevens().stream().map(b -> String.format(Locale.ROOT, "%.6f", b)).collect(Collectors.joining(","));
            if (json) {
                out.printf(Locale.ROOT, "{\"name\":\"%s\",\"horizonYears\":%s,\"netPremium\":%s,\"maxProfit\":%s,\"maxLoss\":%s,"
                        + "\"breakevens\":[%s],\"probabilityOfProfit\":%s,\"delta\":%s,\"gamma\":%s,\"vega\":%s,\"theta\":%s,\"rho\":%s,"
                        + "\"margin\":%s}%n", name, a.horizonYears(), a.netPremium(), json(a.maxProfit()), json(a.maxLoss()), breakevens,
                        a.probabilityOfProfit(), a.netGreeks().delta(), a.netGreeks().gamma(), a.netGreeks().vega(),
                        a.netGreeks().theta(), a.netGreeks().rho(), a.marginRequirement());
            } else {
                out.printf("%s: %s%n", name, StrategyCatalog.describe(name));
                s.legs().forEach(l -> out.printf(Locale.ROOT, "  %-5s %-10s strike %10.4f  years %.4f  qty %g  premium %.4f%n",
                        l.direction(), l.type(), l.strike(), l.years(), l.quantity(), l.premium()));
                out.printf(Locale.ROOT, "net premium %.4f (positive: debit)%nmax profit  %s%nmax loss    %s%nbreakevens  %s%n"
                        + "P(profit)   %.4f%ndelta %.4f gamma %.4f vega %.4f theta %.4f rho %.4f%nmargin      %.4f%n",
                        a.netPremium(), text(a.maxProfit()), text(a.maxLoss()), breakevens.isEmpty() ? "none" : breakevens,
                        a.probabilityOfProfit(), a.netGreeks().delta(), a.netGreeks().gamma(), a.netGreeks().vega(),
                        a.netGreeks().theta(), a.netGreeks().rho(), a.marginRequirement());
                if (svg != null) {
                    out.println("payoff diagram written to " + svg.toAbsolutePath());
                }
            }
            out.flush();
            return 0;
        }

        private static String json(double v) {
            return Double.isInfinite(v) ? "\"Infinity\"" : Double.toString(v);
        }

        private static String text(double v) {
            return Double.isInfinite(v) ? "unlimited" : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    @Command(name = "bench", description = "European price + five Greeks per second on one core, beside exp+log pairs per second.")
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--options", defaultValue = "1000000", description = "Options per batch (default ${DEFAULT-VALUE})")
        int options;

        @Option(names = "--rounds", defaultValue = "10", description = "Timed rounds after as many warm-up rounds (default ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() {
            OptionsBenchmark.Result r = withOptionNames(() -> OptionsBenchmark.run(options, rounds));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "options per batch           %,d%n", r.options());
            out.printf(Locale.ROOT, "valuations (price+5 Greeks) %,.0f /s%n", r.valuationsPerSecond());
            out.printf(Locale.ROOT, "reference exp+log pairs     %,.0f /s%n", r.referencePerSecond());
            out.printf(Locale.ROOT, "ratio                       %.3f valuations per exp+log pair%n", r.ratio());
            out.flush();
            return 0;
        }
    }
}
