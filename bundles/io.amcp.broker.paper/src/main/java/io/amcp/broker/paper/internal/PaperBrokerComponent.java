package io.amcp.broker.paper.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatementSource;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.journal.FileJournal;
import io.amcp.core.journal.Journal;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The paper exchange as the platform's default broker connector and as a market-data sink the
 * kernel feeds before the strategies. The kernel registers the {@link Clock} service; instruments
 * are inferred from their symbols ({@link io.amcp.api.model.Instrument#infer}). The exchange journals
 * its inputs, so its book (working orders, fills) survives a restart of the component or of the
 * platform, and the kernel reconciles with it by client order id. It is also the venue's
 * {@link BrokerStatementSource}: its own orders of the current exchange day and those still open,
 * positions and cash (the configured opening cash moved by its fills) for the after-hours
 * reconciliation ({@link PaperExchange#statementOfTheDay}).
 */
@Component(service = {BrokerConnector.class, MarketDataSink.class, BrokerStatementSource.class},
        configurationPid = "io.amcp.broker.paper")
@Designate(ocd = PaperBrokerConfig.class)
public final class PaperBrokerComponent implements BrokerConnector, MarketDataSink, BrokerStatementSource {

    private final PaperExchange exchange;
    private final Journal journal;
    private final Money openingCash;

    @Activate
    public PaperBrokerComponent(@Reference Clock clock, PaperBrokerConfig config) {
        String dir = config.journalDirectory().isBlank()
                ? System.getProperty("karaf.data", "data") + "/paper" : config.journalDirectory().trim();
        this.journal = dir.equalsIgnoreCase("none") ? Journal.NONE : new FileJournal(Path.of(dir, "exchange.journal"), false);
        this.openingCash = money("openingCash", config.openingCash());
        this.exchange = new PaperExchange("paper", clock, settings(config), Instrument::infer, journal);
    }

    @Deactivate
    void deactivate() {
        if (journal instanceof FileJournal file) {
            file.close();
        }
    }

    /** The exchange settings a configuration describes; names the property at fault when invalid. */
    static PaperSettings settings(PaperBrokerConfig config) {
        CommissionModel model = switch (config.commissionModel().trim().toLowerCase(Locale.ROOT)) {
            case "per-share" -> new CommissionModel.PerShare(money("commissionPerShare", config.commissionPerShare()),
                    money("commissionMinimum", config.commissionMinimum()));
            case "per-contract" -> new CommissionModel.PerContract(
                    money("commissionPerContract", config.commissionPerContract()),
                    money("commissionPerShare", config.commissionPerShare()));
            case "bps" -> new CommissionModel.Bps(config.commissionBps());
            case "none" -> CommissionModel.NONE;
            default -> throw new IllegalArgumentException("commissionModel: expected per-share, per-contract, bps "
                    + "or none, was '" + config.commissionModel() + "'");
        };
        return new PaperSettings(config.slippageBps(), model, config.maxParticipation());
    }

    private static Money money(String property, String value) {
        try {
            return Money.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + ": expected dollars such as 0.005, was '" + value + "'", e);
        }
    }

    @Override
    public String id() {
        return exchange.id();
    }

    @Override
    public void connect(BrokerListener listener) {
        exchange.connect(listener);
    }

    @Override
    public void disconnect() {
        exchange.disconnect();
    }

    @Override
    public void submit(SubmitOrder order) {
        exchange.submit(order);
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        exchange.cancel(clientOrderId);
    }

    @Override
    public void replace(ReplaceOrder replace) {
        exchange.replace(replace);
    }

    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        return exchange.resend(clientOrderIds);
    }

    @Override
    public void onBar(Bar bar) {
        exchange.onBar(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        exchange.onQuote(quote);
    }

    @Override
    public void onTrade(TradeTick trade) {
        exchange.onTrade(trade);
    }

    @Override
    public String brokerId() {
        return exchange.id();
    }

    @Override
    public BrokerStatement statement() {
        return exchange.statementOfTheDay(openingCash);
    }

    @Override
    public PluginStatus status() {
        return exchange.status();
    }
}
