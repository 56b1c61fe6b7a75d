/**
 * Adversarial generation of return paths: {@link io.amcp.ai.research.gan.ReturnGan} (a pure-Java MLP
 * GAN over windows of standardised returns), {@link io.amcp.ai.research.gan.StylisedFacts} (the
 * statistics it is judged by), {@link io.amcp.ai.research.gan.GanStudy} (against real BTC
 * 5-minute returns, a GBM and a bootstrap baseline, plus a strategy stress test) and
 * {@link io.amcp.ai.research.gan.GanAugmentationStudy} (GAN paths as extra training samples for a
 * classifier, against real-only training and bootstrap augmentation).
 */
package io.amcp.ai.research.gan;
