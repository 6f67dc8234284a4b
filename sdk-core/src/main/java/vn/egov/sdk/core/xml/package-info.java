/**
 * Hardened XML in one place: {@link vn.egov.sdk.core.xml.SecureXml} factories with DTDs, external entities and
 * resolution refused, and {@link vn.egov.sdk.core.xml.BoundedXmlReader} with {@link vn.egov.sdk.core.xml.XmlLimits}
 * on depth, element count, name and text size, so hostile input ends in a typed error instead of a hang or an
 * out-of-memory.
 */
package vn.egov.sdk.core.xml;
