package io.amcp.data;

/**
 * The object store refused or failed a request: wrong credentials, a missing bucket, an
 * unreachable server. The message names the endpoint, the bucket or key and the server's error code.
 */
public final class ObjectStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    the S3 error code ({@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch},
     *                {@code NoSuchKey}, ...) or {@code IO} for a transport failure
     * @param message what failed, naming the endpoint and object
     * @param cause   the client's exception
     */
    public ObjectStoreException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The S3 error code, or {@code IO} for a transport failure. */
    public String code() {
        return code;
    }

    /** Whether the server refused the credentials (unknown access key or a wrong secret). */
    public boolean isAuthenticationFailure() {
        return code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch") || code.equals("AccessDenied");
    }
}
