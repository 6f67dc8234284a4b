/**
 * PDF signatures: {@link vn.egov.sdk.signing.pdf.PdfSigner} makes PAdES baseline B-B and B-T signatures with an
 * optional {@link vn.egov.sdk.signing.pdf.VisibleStamp} placed as Decree 30/2020 places the signer's and the
 * agency's signatures, by incremental update, directly or deferred ({@link vn.egov.sdk.signing.pdf.PreparedPdfSignature});
 * {@link vn.egov.sdk.signing.pdf.PdfSignatureVerifier} checks every signature of a file, including changes made
 * after signing.
 */
package vn.egov.sdk.signing.pdf;
