package io.amcp.itests.seq;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * A strategy packaged by the hot-swap test into bundles of several versions: it reports every bar
 * it handles, with its bundle version, to a recorder the test registers, and carries the number of
 * bars it has seen across versions through snapshot/restore. Its own activator registers it, so the
 * bundle needs nothing but the AMCP API and the framework.
 */
public final class SequenceStrategy implements Strategy, BundleActivator {

    /** Service property of the test's recorder ({@code Consumer<Object[]>} receiving version, bar time, seen). */
    public static final String RECORDER_PROPERTY = "amcp.itest.recorder";
    public static final String ID = "seq";
    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    private String version = "";
    private Consumer<Object[]> recorder;
    private ServiceRegistration<Strategy> registration;
    private long seen;

    @Override
    @SuppressWarnings("unchecked")
    public void start(BundleContext context) throws Exception {
        version = context.getBundle().getVersion().toString();
        ServiceReference<?>[] refs = context.getServiceReferences(Consumer.class.getName(), "(" + RECORDER_PROPERTY + "=true)");
        if (refs == null) {
            throw new IllegalStateException("no recorder registered by the test");
        }
        recorder = (Consumer<Object[]>) context.getService(refs[0]);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("amcp.strategy.id", ID);
        registration = context.registerService(Strategy.class, this, props);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }

    @Override
    public StrategyId id() {
        return StrategyId.of(ID);
    }

    @Override
    public void onStart(StrategyContext context) {
        context.subscribe(AAPL);
    }

    @Override
    public void onBar(Bar bar) {
        seen++;
        recorder.accept(new Object[] {version, bar.time(), seen});
    }

    @Override
    public StrategyState snapshot() {
        return new StrategyState(Map.of("seen", Long.toString(seen)));
    }

    @Override
    public void restore(StrategyState state) {
        seen = state.getLong("seen", 0);
    }
}
