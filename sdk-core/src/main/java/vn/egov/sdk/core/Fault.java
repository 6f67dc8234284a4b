package vn.egov.sdk.core;

/**
 * Whose fault an error was, in the manner of X-Road's fault codes: it tells a vendor where to look first.
 */
public enum Fault {
    /** The caller's request broke a rule, or its credentials were refused: fix the request or the configuration. */
    CALLER,
    /** The national platform (axis, gateway, identity provider) failed or refused for its own reasons. */
    PLATFORM,
    /** The other party (the receiving agency, the payer's bank) rejected the request. */
    COUNTERPARTY,
    /** The network between the caller and the platform failed, or a deadline passed. */
    NETWORK,
    /** Data that came back (a signature, a checksum, a token) did not verify. */
    VERIFICATION
}
