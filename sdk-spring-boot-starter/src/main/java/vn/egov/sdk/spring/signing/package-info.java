/**
 * Signatures and trust for Spring Boot: {@code egov.signing.*} properties ({@link
 * vn.egov.sdk.spring.signing.EgovSigningProperties}) turned into the signing key, the trust store and certificate
 * validator, VNPT SmartCA remote signing, the edXML, CMS and PDF signers and verifiers, and the axis client's
 * signing and verification. Switched on when the application adds {@code sdk-signing}.
 */
package vn.egov.sdk.spring.signing;
