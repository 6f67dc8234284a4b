package vn.egov.sdk.signing.validation;

/** What to do when a certificate's revocation status cannot be obtained. */
public enum RevocationPolicy {
    /** Check OCSP, then CRL; without an answer the signature is {@link SubIndication#TRY_LATER INDETERMINATE}. */
    HARD_FAIL,
    /** Check OCSP, then CRL; without an answer the signature may still be VALID, with a warning. */
    SOFT_FAIL,
    /** Do not go online: revocation is not checked (reported as such); for air-gapped systems and tests. */
    OFFLINE
}
