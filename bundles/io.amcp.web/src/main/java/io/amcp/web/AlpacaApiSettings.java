package io.amcp.web;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an {@link AlpacaApiServer}.
 *
 * @param accountNumber     account number shown in {@code /v2/account}
 * @param requestsPerMinute sustained REST requests per minute and key (Alpaca's default is 200)
 * @param burst             requests a key may make at once before the sustained rate applies
 * @param maxBodyBytes      largest accepted request body; larger ones get 413
 * @param assets            assets listed by {@code /v2/assets} besides the instruments the node trades
 * @param calendar          calendar for {@code /v2/clock} and {@code /v2/calendar}
 */
public record AlpacaApiSettings(String accountNumber, int requestsPerMinute, int burst, int maxBodyBytes,
        List<AssetInfo> assets, TradingCalendar calendar) {

    public AlpacaApiSettings {
        if (accountNumber == null || !accountNumber.matches("[A-Za-z0-9]{1,32}")) {
            throw new IllegalArgumentException("accountNumber: expected 1-32 letters or digits, was '" + accountNumber + "'");
        }
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requestsPerMinute: must be positive, was " + requestsPerMinute);
        }
        if (burst <= 0) {
            throw new IllegalArgumentException("burst: must be positive, was " + burst);
        }
        if (maxBodyBytes < 256) {
            throw new IllegalArgumentException("maxBodyBytes: must be at least 256, was " + maxBodyBytes);
        }
        assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Account PA0000000001, 200 requests per minute with a burst of 200, 64 KiB bodies, NYSE calendar. */
    public static AlpacaApiSettings defaults() {
        return new AlpacaApiSettings("PA0000000001", 200, 200, 65_536, List.of(), NyseCalendar.INSTANCE);
    }

    public AlpacaApiSettings withRateLimit(int perMinute, int burstSize) {
        return new AlpacaApiSettings(accountNumber, perMinute, burstSize, maxBodyBytes, assets, calendar);
    }

    public AlpacaApiSettings withMaxBodyBytes(int bytes) {
        return new AlpacaApiSettings(accountNumber, requestsPerMinute, burst, bytes, assets, calendar);
    }

    public AlpacaApiSettings withAssets(List<AssetInfo> list) {
        return new AlpacaApiSettings(accountNumber, requestsPerMinute, burst, maxBodyBytes, list, calendar);
    }
}
