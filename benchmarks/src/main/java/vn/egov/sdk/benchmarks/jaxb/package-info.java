/**
 * A measurement-only JAXB binding of the edXML envelope, so that {@code EdXmlHeaderBenchmark} can time Jakarta XML
 * Binding beside the SDK's hand-written reader in one run. Not used by the SDK.
 */
@XmlSchema(namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016", elementFormDefault = XmlNsForm.QUALIFIED)
package vn.egov.sdk.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
