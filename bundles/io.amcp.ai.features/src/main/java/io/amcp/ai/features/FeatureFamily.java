package io.amcp.ai.features;

/** The family a feature belongs to, used to group the registry and the generated documentation. */
public enum FeatureFamily {
    /** Log returns over several horizons. */
    RETURNS,
    /** Volatility estimators (close-to-close, Parkinson, Garman-Klass, Rogers-Satchell, Yang-Zhang). */
    VOLATILITY,
    /** Higher moments of the return distribution. */
    DISTRIBUTION,
    /** Shape of the current bar: gap, body, range, close location. */
    BAR_SHAPE,
    /** Technical indicators from {@code io.amcp.analytics}, normalised to be scale-free. */
    TECHNICAL,
    /** Distance of the close from rolling highs and lows. */
    PRICE_POSITION,
    /** Volume and market microstructure: illiquidity, VWAP, volume statistics, spreads. */
    MICROSTRUCTURE,
    /** Calendar encodings of the bar's end time. */
    CALENDAR,
    /** Regime indicators: trend strength, volatility regime, Hurst exponent, autocorrelation. */
    REGIME
}
