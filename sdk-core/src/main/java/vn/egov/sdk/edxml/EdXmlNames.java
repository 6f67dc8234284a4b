package vn.egov.sdk.edxml;

/** Namespace and prefixes of QCVN 102:2016 edXML packages. */
public final class EdXmlNames {
    /** The edXML namespace, {@code http://www.mic.gov.vn/TBT/QCVN_102_2016}. */
    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** The prefix the national axis expects on every element below the root. */
    public static final String PREFIX = "edXML";
    /** The W3C XML-DSig namespace. */
    public static final String XMLDSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

    private EdXmlNames() {
    }
}
