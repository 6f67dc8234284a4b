/**
 * Signature utilities (issue 5, not yet built): keys and tokens, XML-DSig for edXML, CMS, PAdES with a visible
 * stamp, validation against Vietnamese trust anchors, remote signing. The module exists so vendors can already
 * align on its coordinates through {@code sdk-bom}.
 */
package vn.egov.sdk.signing;
