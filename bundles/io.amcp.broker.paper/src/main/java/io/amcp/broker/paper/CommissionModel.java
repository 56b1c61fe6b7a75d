package io.amcp.broker.paper;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Money;
import java.util.Objects;

/**
 * How the paper exchange charges commission. Amounts are raw fixed-point units (see
 * {@link FixedPoint}); the exchange calls the model once per fill and tells it how much of the order
 * had filled before, so that minimums apply per order and not per partial fill.
 */
public sealed interface CommissionModel {

    /**
     * Commission for one fill.
     *
     * @param instrument     the instrument traded
     * @param quantityRaw    quantity of this fill, raw units (shares, contracts, coins)
     * @param priceRaw       price of this fill, raw units
     * @param filledBeforeRaw quantity of the same order filled before this fill, raw units
     * @return commission for this fill, raw money units, never negative
     */
    long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw, long filledBeforeRaw);

    /** No commission. */
    CommissionModel NONE = new None();

    /** Free trading. */
    record None() implements CommissionModel {
        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw, long filledBeforeRaw) {
            return 0;
        }
    }

    /**
     * A rate per share (or coin) with a minimum per order: an order's commission in total is
     * {@code max(minimum, perShare x filled quantity)}, charged fill by fill (the first fill pays
     * the minimum, later fills only what the rate adds above it).
     *
     * @param perShare dollars per unit
     * @param minimum  minimum dollars per order ({@link Money#ZERO} for none)
     */
    record PerShare(Money perShare, Money minimum) implements CommissionModel {
        public PerShare {
            Objects.requireNonNull(perShare, "commissionPerShare");
            Objects.requireNonNull(minimum, "commissionMinimum");
            if (perShare.isNegative()) {
                throw new IllegalArgumentException("commissionPerShare: must not be negative, was " + perShare);
            }
            if (minimum.isNegative()) {
                throw new IllegalArgumentException("commissionMinimum: must not be negative, was " + minimum);
            }
        }

        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw, long filledBeforeRaw) {
            long before = filledBeforeRaw == 0 ? 0 : total(filledBeforeRaw);
            return total(Math.addExact(filledBeforeRaw, quantityRaw)) - before;
        }

        private long total(long filledRaw) {
            return Math.max(minimum.raw(), FixedPoint.multiply(perShare.raw(), filledRaw));
        }
    }

    /**
     * A rate per option contract (whatever the contract's multiplier); other asset classes pay
     * {@code otherPerShare} per unit.
     *
     * @param perContract   dollars per option contract
     * @param otherPerShare dollars per unit for non-options
     */
    record PerContract(Money perContract, Money otherPerShare) implements CommissionModel {
        public PerContract {
            Objects.requireNonNull(perContract, "commissionPerContract");
            Objects.requireNonNull(otherPerShare, "commissionPerShare");
            if (perContract.isNegative() || otherPerShare.isNegative()) {
                throw new IllegalArgumentException("commissionPerContract: rates must not be negative");
            }
        }

        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw, long filledBeforeRaw) {
            Money rate = instrument.assetClass() == AssetClass.OPTION ? perContract : otherPerShare;
            return FixedPoint.multiply(rate.raw(), quantityRaw);
        }
    }

    /**
     * Basis points of traded notional, {@code price x quantity x multiplier} (the multiplier is 100
     * for US equity options), rounded to the nearest raw unit.
     *
     * @param bps basis points, e.g. 10 = 0.10%
     */
    record Bps(double bps) implements CommissionModel {
        public Bps {
            if (!(bps >= 0 && bps <= 1000)) {
                throw new IllegalArgumentException("commissionBps: must be in [0, 1000], was " + bps);
            }
        }

        @Override
        public long commissionRaw(Instrument instrument, long quantityRaw, long priceRaw, long filledBeforeRaw) {
            long notional = Math.multiplyExact(FixedPoint.multiply(priceRaw, quantityRaw), instrument.multiplier());
            return Math.round(notional * (bps / 10_000.0));
        }
    }
}
