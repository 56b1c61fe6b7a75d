package io.amcp.strategy.calendar;

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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A long calendar spread: once a trading day, on the underlying's first print of the day, when it
 * has no spread on it sells the at-the-money option of the expiry nearest {@code nearDays} and buys
 * the same strike at the expiry nearest {@code farDays} ({@link ContractSelector#calendar}): it
 * earns the near option's faster time decay while the underlying stays near the strike. The
 * spread is managed by an {@link OptionsExecutor}: profit target and stop on the debit, and a roll
 * {@code rollDaysBeforeExpiry} days before the near expiry (closed, then reopened at the next print).
 *
 * <p>The chain is synthesised from the underlying's closes ({@link SyntheticVolModel}), as
 * {@link io.amcp.options.chain.ChainReplay} quotes it for the venue. Hot swap carries no state.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.calendar",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CalendarSpreadConfig.class, factory = true)
public final class CalendarSpreadStrategy implements Strategy {

    private final StrategyId id;
    private final InstrumentId underlying;
    private final int quantity;
    private final OptionType type;
    private final int nearDays;
    private final int farDays;
    private final ExitRules rules;
    private final ChainSynthesizer synthesizer;
    private final SyntheticVolModel volModel;
    private final RealizedVolatility chainVol;
    private OptionsExecutor executor;
    private LocalDate lastDate;
    private int entries;

    public CalendarSpreadStrategy(StrategyId id, InstrumentId underlying, int quantity, OptionType type, int nearDays,
            int farDays, ExitRules rules, ChainSpec chainSpec, SyntheticVolModel volModel) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
        if (nearDays < 1) {
            throw new IllegalArgumentException("nearDays: must be at least 1, was " + nearDays);
        }
        if (farDays <= nearDays) {
            throw new IllegalArgumentException("farDays: must be greater than nearDays (" + nearDays + "), was " + farDays);
        }
        this.id = Objects.requireNonNull(id, "id");
        this.underlying = Objects.requireNonNull(underlying, "symbol");
        this.quantity = quantity;
        this.type = Objects.requireNonNull(type, "optionType");
        this.nearDays = nearDays;
        this.farDays = farDays;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.synthesizer = new ChainSynthesizer(chainSpec);
        this.volModel = Objects.requireNonNull(volModel, "volModel");
        this.chainVol = volModel.newEstimator();
    }

    @Activate
    public CalendarSpreadStrategy(CalendarSpreadConfig c) {
        this(StrategyId.of(c.id()), InstrumentId.of(c.symbol()), c.quantity(), parseType(c.optionType()), c.nearDays(),
                c.farDays(), ExitRules.of(c.profitTarget(), c.stopMultiple(), c.rollDaysBeforeExpiry(), -1,
                        c.priceConcession()),
                ChainSpec.standard().withStrikeStep(c.strikeStep()), SyntheticVolModel.standard());
    }

    private static OptionType parseType(String text) {
        try {
            return OptionType.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optionType: must be CALL or PUT, was '" + text + "'", e);
        }
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

    /** The executor managing this strategy's spreads (for inspection). */
    public OptionsExecutor executor() {
        return executor;
    }

    /** How many spreads were opened. */
    public int entries() {
        return entries;
    }

    private void onPrint(long time, double spot) {
        LocalDate date = NyseCalendar.INSTANCE.dateOf(time);
        if (date.equals(lastDate)) {
            return;
        }
        lastDate = date;
        chainVol.add(spot);
        if (!chainVol.isReady()) {
            return;
        }
        OptionChain chain = synthesizer.chain(underlying, date, spot, volModel.surface(chainVol.value()),
                executor.heldContracts());
        executor.manage(chain);
        if (!executor.isFlat()) {
            return;
        }
        Optional<OptionStructure> spread = ContractSelector.calendar(chain, type, nearDays, farDays);
        if (spread.isPresent()) {
            executor.open(spread.get(), quantity, chain);
            entries++;
        }
    }
}
