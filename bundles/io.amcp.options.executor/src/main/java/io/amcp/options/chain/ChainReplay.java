package io.amcp.options.chain;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A time-ordered quote stream for a backtest of option strategies on daily bars: for each bar, the
 * underlying's close as a zero-width quote (bid = ask = close) stamped {@link #UNDERLYING_LEAD_NANOS}
 * before the bar's time (the session close), then, once the volatility model is warm, the same
 * underlying quote again at the close followed by the whole chain's quotes stamped at the close.
 * Once listed, a series stays listed until it expires. A strategy deciding on the underlying's print
 * can thus meet the chain's closing quotes, and an underlying order it sends then (the delivery of an
 * exercise or assignment, see {@link io.amcp.options.executor.OptionsExecutor}) meets the close, which
 * the paper exchange matches only after an order's acceptance and only inside the regular session.
 *
 * @param quotes      every quote, non-decreasing in time
 * @param instruments the underlying and every option series quoted
 */
public record ChainReplay(List<Quote> quotes, List<Instrument> instruments) {

    /** How long before the session close the underlying's close is printed: one second. */
    public static final long UNDERLYING_LEAD_NANOS = 1_000_000_000L;

    public ChainReplay {
        quotes = List.copyOf(quotes);
        instruments = List.copyOf(instruments);
    }

    /** Builds the stream from daily bars stamped at the session close. */
    public static ChainReplay of(BarSeries bars, ChainSynthesizer synthesizer, SyntheticVolModel model) {
        InstrumentId underlying = bars.instrument().id();
        RealizedVolatility realized = model.newEstimator();
        List<Quote> quotes = new ArrayList<>();
        Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
        List<OptionContract> listed = new ArrayList<>();
        instruments.put(underlying, bars.instrument());
        for (int i = 0; i < bars.size(); i++) {
            long time = bars.time()[i];
            long close = bars.close()[i];
            quotes.add(new Quote(underlying, time - UNDERLYING_LEAD_NANOS, close, close, 0, 0));
            double spot = FixedPoint.toDouble(close);
            realized.add(spot);
            if (!realized.isReady()) {
                continue;
            }
            LocalDate date = NyseCalendar.INSTANCE.dateOf(time);
            OptionChain chain = synthesizer.chain(underlying, date, spot, model.surface(realized.value()), listed);
            listed.clear();
            for (ChainQuote q : chain.quotes()) {
                instruments.computeIfAbsent(q.contract().id(), id -> q.contract().instrument());
                listed.add(q.contract());
            }
            quotes.add(new Quote(underlying, time, close, close, 0, 0));
            quotes.addAll(synthesizer.quotes(chain, time));
        }
        return new ChainReplay(quotes, List.copyOf(instruments.values()));
    }
}
