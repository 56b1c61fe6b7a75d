/**
 * Adversarial generation of return paths: {@link io.amcp.ai.research.gan.ReturnGan} (a pure-Java MLP
 * GAN over windows of standardised returns), {@link io.amcp.ai.research.gan.StylisedFacts} (the
 * statistics it is judged by) and {@link io.amcp.ai.research.gan.GanStudy} (against real BTC
 * 5-minute returns, a GBM and a bootstrap baseline, plus a strategy stress test).
 */
package io.amcp.ai.research.gan;
