/**
 * XML-DSig for edXML packages (QCVN 102:2016): {@link vn.egov.sdk.signing.xml.EdXmlSigner} makes an
 * enveloped signature in three steps (prepare → any signature source → assemble),
 * {@link vn.egov.sdk.signing.xml.EdXmlSignatureVerifier} verifies received packages in secure mode and reports
 * the verdict, and {@link vn.egov.sdk.signing.xml.EdXmlAxisSignatures} plugs both into the axis clients.
 */
package vn.egov.sdk.signing.xml;
