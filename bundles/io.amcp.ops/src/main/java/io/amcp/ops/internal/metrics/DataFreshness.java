package io.amcp.ops.internal.metrics;

import io.amcp.api.model.InstrumentId;
import java.time.Instant;
import java.util.Map;

/**
 * When market data last arrived per instrument (data time, platform clock). Registered by the
 * metrics component for the daily pre-market check; private to this bundle.
 */
public interface DataFreshness {

    Map<InstrumentId, Instant> lastDataTimes();
}
