package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureSpec;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The platform's standard feature blocks, in column order. */
public final class StandardFeatures {

    private StandardFeatures() {
    }

    /**
     * One instance of every standard block, with column offsets assigned. {@link #update} calls each
     * block through its own type, so every call site has one receiver class and is bound (and may be
     * inlined) at compile time instead of dispatched through the virtual table for each block and bar.
     */
    static final class Blocks {

        private final ReturnBlock returns = new ReturnBlock();
        private final VolatilityBlock volatility = new VolatilityBlock();
        private final DistributionBlock distribution = new DistributionBlock();
        private final BarShapeBlock barShape = new BarShapeBlock();
        private final IndicatorBlock indicators = new IndicatorBlock();
        private final PricePositionBlock pricePosition = new PricePositionBlock();
        private final MicrostructureBlock microstructure = new MicrostructureBlock();
        private final CalendarBlock calendar;
        private final RegimeBlock regime = new RegimeBlock(volatility);
        /** The blocks in column order; {@link #update} follows the same order. */
        private final FeatureBlock[] all;

        Blocks(ZoneId zone) {
            this.calendar = new CalendarBlock(zone);
            this.all = new FeatureBlock[] {returns, volatility, distribution, barShape, indicators, pricePosition,
                microstructure, calendar, regime};
            int offset = 0;
            for (FeatureBlock block : all) {
                block.offset = offset;
                offset += block.specs().size();
            }
        }

        /** The blocks in column order. */
        FeatureBlock[] all() {
            return all.clone();
        }

        /** Every block takes the bar in {@code bar} and writes its features, in column order. */
        void update(BarState bar, double[] row) {
            returns.update(bar, row);
            volatility.update(bar, row);
            distribution.update(bar, row);
            barShape.update(bar, row);
            indicators.update(bar, row);
            pricePosition.update(bar, row);
            microstructure.update(bar, row);
            calendar.update(bar, row);
            regime.update(bar, row);
        }

        void reset() {
            for (FeatureBlock block : all) {
                block.reset();
            }
        }
    }

    /** The specifications of the standard feature set, in column order. */
    public static List<FeatureSpec> specs() {
        List<FeatureSpec> out = new ArrayList<>();
        for (FeatureBlock block : new Blocks(ZoneOffset.UTC).all()) {
            out.addAll(block.specs());
        }
        return out;
    }
}
