package io.amcp.api.spi;

/**
 * The verdict of one risk rule.
 *
 * @param approved whether the order may proceed
 * @param rule     the rule's name (for rejections)
 * @param reason   the limit and the value that broke it (for rejections)
 */
public record RiskDecision(boolean approved, String rule, String reason) {

    public static final RiskDecision APPROVED = new RiskDecision(true, "", "");

    public static RiskDecision reject(String rule, String reason) {
        return new RiskDecision(false, rule, reason);
    }
}
