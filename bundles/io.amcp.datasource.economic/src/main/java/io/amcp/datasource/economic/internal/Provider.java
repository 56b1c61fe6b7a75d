package io.amcp.datasource.economic.internal;

/** The providers a series id can name, by the prefix before the colon. */
enum Provider {
    FRED("fred"),
    ECB("ecb"),
    WORLD_BANK("worldbank");

    private final String prefix;

    Provider(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    static Provider ofPrefix(String prefix, String entry) {
        for (Provider provider : values()) {
            if (provider.prefix.equals(prefix)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("series: unknown provider '" + prefix + "' in '" + entry
                + "', expected fred:, ecb: or worldbank:");
    }
}
