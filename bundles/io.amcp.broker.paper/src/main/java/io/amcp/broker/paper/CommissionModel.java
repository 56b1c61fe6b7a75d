package io.amcp.broker.paper;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Money;

/** How the paper exchange charges commission on a fill. */
public sealed interface CommissionModel {

    /** Commission for one fill, raw money units. */
    long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw);

    /** No commission. */
    CommissionModel NONE = new None();

    /** Free trading. */
    record None() implements CommissionModel {
        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw) {
            return 0;
        }
    }

    /**
     * A rate per share (or coin) with a minimum per fill; options are charged per contract instead
     * when a {@link PerContract} model is used.
     *
     * @param perShare dollars per unit
     * @param minimum  minimum dollars per fill
     */
    record PerShare(Money perShare, Money minimum) implements CommissionModel {
        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw) {
            return Math.max(minimum.raw(), FixedPoint.multiply(perShare.raw(), quantityRaw));
        }
    }

    /**
     * A rate per option contract; other asset classes fall back to {@code otherPerShare}.
     *
     * @param perContract   dollars per option contract
     * @param otherPerShare dollars per unit for non-options
     */
    record PerContract(Money perContract, Money otherPerShare) implements CommissionModel {
        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw) {
            Money rate = instrument.assetClass() == AssetClass.OPTION ? perContract : otherPerShare;
            return FixedPoint.multiply(rate.raw(), quantityRaw);
        }
    }

    /**
     * Basis points of traded notional (price x quantity x multiplier).
     *
     * @param bps basis points, e.g. 10 = 0.10%
     */
    record Bps(double bps) implements CommissionModel {
        public Bps {
            if (bps < 0 || bps > 1000) {
                throw new IllegalArgumentException("commissionBps: must be in [0, 1000], was " + bps);
            }
        }

        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw) {
            long notional = Math.multiplyExact(FixedPoint.multiply(priceRaw, quantityRaw), instrument.multiplier());
            return Math.round(notional * (bps / 10_000.0));
        }
    }
}
