package io.amcp.api.order;

/** Single or linked orders (Alpaca semantics). */
public enum OrderClass {
    /** One order. */
    SIMPLE,
    /** Entry order; once filled, a take-profit limit and a stop-loss become active as an OCO pair. */
    BRACKET,
    /** One-cancels-other exit pair: a take-profit limit and a stop-loss, both working at once. */
    OCO,
    /** One-triggers-other: entry order; once filled, a single take-profit or stop-loss becomes active. */
    OTO
}
