/**
 * Validation of signatures and certificates against configurable trust anchors (the Vietnamese roots of both PKIs
 * ship as pinned fingerprints): chain building, validity at signing time, key usage, revocation by OCSP and CRL
 * under a {@link vn.egov.sdk.signing.validation.RevocationPolicy}, and one
 * {@link vn.egov.sdk.signing.validation.ValidationReport} per signature with an
 * {@link vn.egov.sdk.signing.validation.Indication} and a reason a vendor can act on.
 */
package vn.egov.sdk.signing.validation;
