package io.amcp.api.model;

/**
 * The syntax shared by client order ids and venue order ids: {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}},
 * checked by hand because ids are minted on the order hot path.
 */
final class OrderTokens {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private OrderTokens() {
    }

    static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 128 || !isAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
