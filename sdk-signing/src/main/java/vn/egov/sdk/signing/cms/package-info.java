/**
 * CMS (CAdES) signatures of any data: {@link vn.egov.sdk.signing.cms.CmsSigner} makes detached and enveloping
 * CAdES-B (and CAdES-T) signatures in one step or three; {@link vn.egov.sdk.signing.cms.CmsVerifier} checks them
 * and reports one {@link vn.egov.sdk.signing.validation.ValidationReport} per signer.
 */
package vn.egov.sdk.signing.cms;
