package io.amcp.strategy.calendar;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one calendar-spread instance, factory PID {@code io.amcp.strategy.calendar}
 * ({@code io.amcp.strategy.calendar-<name>.cfg}).
 */
@ObjectClassDefinition(name = "AMCP calendar spread", description = "Sells the near ATM option and buys the far one")
public @interface CalendarSpreadConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "calendar";

    @AttributeDefinition(description = "Underlying symbol (1-6 capital letters)")
    String symbol() default "AAPL";

    @AttributeDefinition(description = "Spreads per entry", min = "1")
    int quantity() default 1;

    @AttributeDefinition(description = "Option type: CALL or PUT")
    String optionType() default "CALL";

    @AttributeDefinition(description = "Target calendar days to the near expiry", min = "1")
    int nearDays() default 14;

    @AttributeDefinition(description = "Target calendar days to the far expiry", min = "2")
    int farDays() default 45;

    @AttributeDefinition(description = "Take profit at this fraction of the debit")
    double profitTarget() default 0.25;

    @AttributeDefinition(description = "Stop when the loss reaches this multiple of the debit")
    double stopMultiple() default 0.5;

    @AttributeDefinition(description = "Roll this many calendar days before the near expiry", min = "-1")
    int rollDaysBeforeExpiry() default 2;

    @AttributeDefinition(description = "Limit price position in the spread: 0 = mid, 1 = touch")
    double priceConcession() default 1.0;

    @AttributeDefinition(description = "Synthetic chain strike spacing")
    double strikeStep() default 5;
}
