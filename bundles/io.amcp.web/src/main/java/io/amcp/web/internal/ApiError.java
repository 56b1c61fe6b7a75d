package io.amcp.web.internal;

/**
 * An error answered in Alpaca's shape {@code {"code": <int>, "message": "..."}}. Alpaca's codes are
 * the HTTP status followed by a four-digit detail, e.g. 40310000.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;

    public ApiError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, 40410000, message);
    }

    /** 422: a request field is invalid; the message names it. */
    public static ApiError invalidField(String field, String message) {
        return new ApiError(422, 42210000, field + ": " + message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, 40310000, message);
    }
}
