package io.amcp.broker.paper.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quote;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The paper exchange as the platform's default broker connector. */
@Component(service = {BrokerConnector.class, MarketDataSink.class}, configurationPid = "io.amcp.broker.paper")
@Designate(ocd = PaperBrokerConfig.class)
public final class PaperBrokerComponent implements BrokerConnector, MarketDataSink {

    private final PaperExchange exchange;

    @Activate
    public PaperBrokerComponent(@Reference Clock clock, PaperBrokerConfig config) {
        this.exchange = new PaperExchange(clock, settings(config));
    }

    static PaperSettings settings(PaperBrokerConfig config) {
        CommissionModel model = switch (config.commissionModel().trim().toLowerCase()) {
            case "per-share" -> new CommissionModel.PerShare(Money.of(config.commissionPerShare()),
                    Money.of(config.commissionMinimum()));
            case "per-contract" -> new CommissionModel.PerContract(Money.of(config.commissionPerContract()),
                    Money.of(config.commissionPerShare()));
            case "bps" -> new CommissionModel.Bps(config.commissionBps());
            case "none" -> CommissionModel.NONE;
            default -> throw new IllegalArgumentException("commissionModel: expected per-share, per-contract, bps "
                    + "or none, was '" + config.commissionModel() + "'");
        };
        return new PaperSettings(config.slippageBps(), model, config.maxParticipation());
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
    public void onBar(Bar bar) {
        exchange.onBar(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        exchange.onQuote(quote);
    }
}
