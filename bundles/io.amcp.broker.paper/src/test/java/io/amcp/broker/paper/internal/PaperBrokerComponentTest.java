package io.amcp.broker.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Money;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.broker.paper.PaperSettings;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class PaperBrokerComponentTest {

    private static PaperBrokerConfig config(String model, String perShare, double participation) {
        return new PaperBrokerConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PaperBrokerConfig.class;
            }

            @Override
            public double slippageBps() {
                return 2;
            }

            @Override
            public String commissionModel() {
                return model;
            }

            @Override
            public String commissionPerShare() {
                return perShare;
            }

            @Override
            public String commissionMinimum() {
                return "1.00";
            }

            @Override
            public String commissionPerContract() {
                return "0.65";
            }

            @Override
            public double commissionBps() {
                return 5;
            }

            @Override
            public double maxParticipation() {
                return participation;
            }

            @Override
            public String openingCash() {
                return "100000";
            }

            @Override
            public String journalDirectory() {
                return "none";
            }
        };
    }

    @Test
    void configurationMapsToSettings() {
        PaperSettings s = PaperBrokerComponent.settings(config(" Per-Share ", "0.005", 0.25));
        assertThat(s).isEqualTo(new PaperSettings(2,
                new CommissionModel.PerShare(Money.of("0.005"), Money.of("1.00")), 0.25));
        assertThat(PaperBrokerComponent.settings(config("bps", "0", 0)).commission())
                .isEqualTo(new CommissionModel.Bps(5));
    }

    @Test
    void badValuesNameTheProperty() {
        assertThatThrownBy(() -> PaperBrokerComponent.settings(config("flat", "0.005", 0)))
                .hasMessageStartingWith("commissionModel:");
        assertThatThrownBy(() -> PaperBrokerComponent.settings(config("per-share", "half a cent", 0)))
                .hasMessageStartingWith("commissionPerShare:");
        assertThatThrownBy(() -> PaperBrokerComponent.settings(config("none", "0", 1.5)))
                .hasMessageStartingWith("maxParticipation:");
    }
}
