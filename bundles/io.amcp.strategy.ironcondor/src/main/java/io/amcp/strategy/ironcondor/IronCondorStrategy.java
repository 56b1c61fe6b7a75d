package io.amcp.strategy.ironcondor;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.options.OptionType;
import io.amcp.options.chain.ChainQuote;
import io.amcp.options.chain.ChainSpec;
import io.amcp.options.chain.ChainSynthesizer;
import io.amcp.options.chain.OptionChain;
import io.amcp.options.chain.RealizedVolatility;
import io.amcp.options.chain.SyntheticVolModel;
import io.amcp.options.executor.ContractSelector;
import io.amcp.options.executor.ExitRules;
import io.amcp.options.executor.OptionStructure;
import io.amcp.options.executor.OptionsExecutor;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A volatility seller: once a trading day, on the underlying's first print of the day (the daily
 * close in a backtest), it values the synthetic chain and, when flat and the at-the-money implied
 * volatility of the expiry nearest {@code targetDays} exceeds the close-to-close realised volatility
 * of the last {@code realizedWindow} returns by more than {@code volMargin}, sells an iron condor
 * ({@link ContractSelector#ironCondor}). The open condor is managed by an {@link OptionsExecutor}
 * (profit target, stop, close before expiry, cash settlement at expiry).
 *
 * <p>The chain is synthesised from the underlying's own closes ({@link SyntheticVolModel}), the
 * same way {@link io.amcp.options.chain.ChainReplay} quotes it for the venue, since no option data
 * source exists yet. Hot swap carries no state: a swapped-in instance re-warms its estimators.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.ironcondor",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IronCondorConfig.class, factory = true)
public final class IronCondorStrategy implements Strategy {

    private final StrategyId id;
    private final InstrumentId underlying;
    private final int quantity;
    private final double volMargin;
    private final int targetDays;
    private final double shortDelta;
    private final double wingWidth;
    private final ExitRules rules;
    private final ChainSynthesizer synthesizer;
    private final SyntheticVolModel volModel;
    private final RealizedVolatility realized;
    private final RealizedVolatility chainVol;
    private OptionsExecutor executor;
    private LocalDate lastDate;
    private int entries;

    /**
     * @param realizedWindow daily returns in the realised volatility the entry compares against
     * @param rules          position management
     * @param chainSpec      listing and quoting of the synthetic chain
     * @param volModel       implied volatility of the synthetic chain
     */
    public IronCondorStrategy(StrategyId id, InstrumentId underlying, int quantity, int realizedWindow, double volMargin,
            int targetDays, double shortDelta, double wingWidth, ExitRules rules, ChainSpec chainSpec,
            SyntheticVolModel volModel) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
        if (targetDays < 2) {
            throw new IllegalArgumentException("targetDays: must be at least 2, was " + targetDays);
        }
        if (!(shortDelta > 0 && shortDelta < 0.5)) {
            throw new IllegalArgumentException("shortDelta: must be in (0, 0.5), was " + shortDelta);
        }
        if (!(wingWidth > 0)) {
            throw new IllegalArgumentException("wingWidth: must be positive, was " + wingWidth);
        }
        if (realizedWindow < 2) {
            throw new IllegalArgumentException("realizedWindow: must be at least 2, was " + realizedWindow);
        }
        if (!Double.isFinite(volMargin)) {
            throw new IllegalArgumentException("volMargin: must be finite, was " + volMargin);
        }
        this.id = Objects.requireNonNull(id, "id");
        this.underlying = Objects.requireNonNull(underlying, "symbol");
        this.quantity = quantity;
        this.volMargin = volMargin;
        this.targetDays = targetDays;
        this.shortDelta = shortDelta;
        this.wingWidth = wingWidth;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.synthesizer = new ChainSynthesizer(chainSpec);
        this.volModel = Objects.requireNonNull(volModel, "volModel");
        this.realized = new RealizedVolatility(realizedWindow);
        this.chainVol = volModel.newEstimator();
    }

    @Activate
    public IronCondorStrategy(IronCondorConfig c) {
        this(StrategyId.of(c.id()), InstrumentId.of(c.symbol()), c.quantity(), c.realizedWindow(), c.volMargin(),
                c.targetDays(), c.shortDelta(), c.wingWidth(),
                ExitRules.of(c.profitTarget(), c.stopMultiple(), -1, c.closeDaysBeforeExpiry(), c.priceConcession()),
                ChainSpec.standard().withStrikeStep(c.strikeStep()), SyntheticVolModel.standard());
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.executor = new OptionsExecutor(context, rules);
        context.subscribe(underlying);
    }

    @Override
    public void onBar(Bar bar) {
        if (bar.instrument().equals(underlying)) {
            onPrint(bar.time(), bar.closeAsDouble());
        }
    }

    @Override
    public void onQuote(Quote quote) {
        if (quote.instrument().equals(underlying)) {
            onPrint(quote.time(), FixedPoint.toDouble(quote.mid()));
        }
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        executor.onOrderEvent(event);
    }

    /** The executor managing this strategy's condors (for inspection). */
    public OptionsExecutor executor() {
        return executor;
    }

    /** How many condors were opened. */
    public int entries() {
        return entries;
    }

    private void onPrint(long time, double spot) {
        LocalDate date = NyseCalendar.INSTANCE.dateOf(time);
        if (date.equals(lastDate)) {
            return;
        }
        lastDate = date;
        realized.add(spot);
        chainVol.add(spot);
        if (!realized.isReady() || !chainVol.isReady()) {
            return;
        }
        OptionChain chain = synthesizer.chain(underlying, date, spot, volModel.surface(chainVol.value()),
                executor.heldContracts());
        executor.manage(chain);
        if (!executor.isFlat()) {
            return;
        }
        Optional<LocalDate> expiry = ContractSelector.expiryNear(chain, targetDays, 1);
        Optional<ChainQuote> atm = expiry.flatMap(e -> ContractSelector.atTheMoney(chain, e, OptionType.CALL));
        if (atm.isEmpty() || atm.get().volatility() - realized.value() <= volMargin) {
            return;
        }
        Optional<OptionStructure> condor = ContractSelector.ironCondor(chain, targetDays, shortDelta, wingWidth);
        if (condor.isPresent()) {
            executor.open(condor.get(), quantity, chain);
            entries++;
        }
    }
}
