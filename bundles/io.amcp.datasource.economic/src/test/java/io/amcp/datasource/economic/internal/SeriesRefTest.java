package io.amcp.datasource.economic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SeriesRefTest {

    @Test
    void parsesEachProvidersIdAndTheLagOption() {
        assertThat(SeriesRef.parse("fred:CPIAUCSL")).isEqualTo(new SeriesRef("fred:CPIAUCSL", Provider.FRED, "CPIAUCSL", OptionalInt.empty()));
        SeriesRef ecb = SeriesRef.parse(" ecb:EXR/D.USD.EUR.SP00.A ; lag=1 ");
        assertThat(ecb.id()).isEqualTo("ecb:EXR/D.USD.EUR.SP00.A");
        assertThat(ecb.first()).isEqualTo("EXR");
        assertThat(ecb.second()).isEqualTo("D.USD.EUR.SP00.A");
        assertThat(ecb.lagDays()).hasValue(1);
        SeriesRef wb = SeriesRef.parse("worldbank:USA/NY.GDP.MKTP.CD");
        assertThat(wb.provider()).isEqualTo(Provider.WORLD_BANK);
        assertThat(wb.first()).isEqualTo("USA");
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> SeriesRef.parse("bloomberg:X")).hasMessageStartingWith("series: unknown provider 'bloomberg'");
        assertThatThrownBy(() -> SeriesRef.parse("UNRATE")).hasMessageStartingWith("series: 'UNRATE' is not provider:code");
        assertThatThrownBy(() -> SeriesRef.parse("ecb:EXR")).hasMessageStartingWith("series: bad ecb code 'EXR'");
        assertThatThrownBy(() -> SeriesRef.parse("ecb:EXR/D.USD;lag=-1")).hasMessageStartingWith("series: lag must be");
        assertThatThrownBy(() -> SeriesRef.parse("fred:GDP;lag=3")).hasMessageContaining("FRED gives release dates");
        assertThatThrownBy(() -> SeriesRef.parse("fred:GDP&api_key=x")).hasMessageStartingWith("series: bad fred code");
    }

    @Test
    void periodsHaveTheirCalendarBounds() {
        assertThat(Period.parse("2024-01-02")).isEqualTo(new Period(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2)));
        assertThat(Period.parse("2024-02")).isEqualTo(new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(Period.parse("2023M02")).isEqualTo(new Period(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28)));
        assertThat(Period.parse("2024-Q2")).isEqualTo(new Period(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)));
        assertThat(Period.parse("2023Q4")).isEqualTo(new Period(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 12, 31)));
        assertThat(Period.parse("2024-S2")).isEqualTo(new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31)));
        // ISO week 1 of 2024 starts on Monday 1 January 2024
        assertThat(Period.parse("2024-W01")).isEqualTo(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7)));
        assertThat(Period.parse("2022")).isEqualTo(new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)));
        assertThatThrownBy(() -> Period.parse("2024-13")).hasMessageStartingWith("period: not a valid date '2024-13'");
        assertThatThrownBy(() -> Period.parse("Jan 2024")).hasMessageStartingWith("period: unknown period format");
    }

    @Test
    void csvFieldsMayBeQuotedAndHoldCommasAndQuotes() {
        assertThat(CsvLine.split("a,\"b, c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"", "");
    }
}
