/**
 * edXML packages as QCVN 102:2016 defines them: immutable values for the envelope
 * ({@link vn.egov.sdk.edxml.MessageHeader}, {@link vn.egov.sdk.edxml.Attachment}) and the status package
 * ({@link vn.egov.sdk.edxml.StatusPackage}), read and written by {@link vn.egov.sdk.edxml.EdXml} with attachments
 * streamed, and checked by {@link vn.egov.sdk.edxml.EdXmlValidator}, which reports every violation at once.
 */
package vn.egov.sdk.edxml;
