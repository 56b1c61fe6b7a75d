package io.amcp.ai.features.legacy;

import io.amcp.ai.features.FeatureSpec;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The platform's standard feature blocks, in column order. */
public final class StandardFeatures {

    private StandardFeatures() {
    }

    /** The blocks of the standard feature set with their column offsets assigned. */
    static FeatureBlock[] blocks(ZoneId zone) {
        VolatilityBlock volatility = new VolatilityBlock();
        FeatureBlock[] blocks = {
            new ReturnBlock(),
            volatility,
            new DistributionBlock(),
            new BarShapeBlock(),
            new IndicatorBlock(),
            new PricePositionBlock(),
            new MicrostructureBlock(),
            new CalendarBlock(zone),
            new RegimeBlock(volatility),
        };
        int offset = 0;
        for (FeatureBlock block : blocks) {
            block.offset = offset;
            offset += block.specs().size();
        }
        return blocks;
    }

    /** The specifications of the standard feature set, in column order. */
    public static List<FeatureSpec> specs() {
        List<FeatureSpec> out = new ArrayList<>();
        for (FeatureBlock block : blocks(ZoneOffset.UTC)) {
            out.addAll(block.specs());
        }
        return out;
    }
}
