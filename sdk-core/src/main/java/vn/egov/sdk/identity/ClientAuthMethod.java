package vn.egov.sdk.identity;

/** How a login client authenticates itself at the token and introspection endpoints (RFC 6749 §2.3.1). */
public enum ClientAuthMethod {
    /** {@code client_id} and {@code client_secret} in the form body: what every public DVCQG client does. */
    CLIENT_SECRET_POST,
    /** HTTP Basic with the form-URL-encoded client id and secret. */
    CLIENT_SECRET_BASIC
}
