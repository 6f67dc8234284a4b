package vn.egov.sdk.benchmarks.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code edXMLEnvelope} bound with JAXB: the header's {@code MessageHeader} and {@code TraceHeaderList} as typed
 * string fields, everything else (signature, body, extensions) as DOM elements. Measurement only.
 */
@XmlRootElement(name = "edXMLEnvelope")
@XmlAccessorType(XmlAccessType.FIELD)
public class Envelope {
    /** {@code edXMLHeader}. */
    @XmlElement(name = "edXMLHeader")
    public Header header;
    /** {@code edXMLBody}, kept as DOM. */
    @XmlAnyElement
    public List<Object> rest = new ArrayList<>();

    /** {@code edXMLHeader}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Header {
        /** {@code MessageHeader}. */
        @XmlElement(name = "MessageHeader")
        public MessageHeader messageHeader;
        /** {@code TraceHeaderList}. */
        @XmlElement(name = "TraceHeaderList")
        public TraceHeaderList trace;
        /** The signature and extensions, as DOM. */
        @XmlAnyElement
        public List<Object> rest = new ArrayList<>();
    }

    /** {@code MessageHeader} of a document package. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class MessageHeader {
        /** {@code From}. */
        @XmlElement(name = "From")
        public Organization from;
        /** {@code To}. */
        @XmlElement(name = "To")
        public List<Organization> to = new ArrayList<>();
        /** {@code DocumentId}. */
        @XmlElement(name = "DocumentId")
        public String documentId;
        /** {@code Code}. */
        @XmlElement(name = "Code")
        public Code code;
        /** {@code PromulgationInfo}. */
        @XmlElement(name = "PromulgationInfo")
        public Promulgation promulgationInfo;
        /** {@code DocumentType}. */
        @XmlElement(name = "DocumentType")
        public DocumentType documentType;
        /** {@code Subject}. */
        @XmlElement(name = "Subject")
        public String subject;
        /** {@code Content}. */
        @XmlElement(name = "Content")
        public String content;
        /** {@code SignerInfo}. */
        @XmlElement(name = "SignerInfo")
        public Signer signerInfo;
        /** {@code DueDate}. */
        @XmlElement(name = "DueDate")
        public String dueDate;
        /** {@code ToPlaces}. */
        @XmlElement(name = "ToPlaces")
        public Places toPlaces;
        /** {@code OtherInfo}. */
        @XmlElement(name = "OtherInfo")
        public OtherInfo otherInfo;
        /** {@code ResponseFor}. */
        @XmlElement(name = "ResponseFor")
        public List<ResponseFor> responseFor = new ArrayList<>();
        /** {@code SteeringType}. */
        @XmlElement(name = "SteeringType")
        public String steeringType;
        /** Unknown children, as DOM. */
        @XmlAnyElement
        public List<Object> rest = new ArrayList<>();
    }

    /** {@code From} / {@code To}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Organization {
        /** Fields. */
        @XmlElement(name = "OrganId")
        public String organId;
        /** Fields. */
        @XmlElement(name = "OrganizationInCharge")
        public String organizationInCharge;
        /** Fields. */
        @XmlElement(name = "OrganName")
        public String organName;
        /** Fields. */
        @XmlElement(name = "OrganAdd")
        public String organAdd;
        /** Fields. */
        @XmlElement(name = "Email")
        public String email;
        /** Fields. */
        @XmlElement(name = "Telephone")
        public String telephone;
        /** Fields. */
        @XmlElement(name = "Fax")
        public String fax;
        /** Fields. */
        @XmlElement(name = "Website")
        public String website;
    }

    /** {@code Code}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Code {
        /** Fields. */
        @XmlElement(name = "CodeNumber")
        public String codeNumber;
        /** Fields. */
        @XmlElement(name = "CodeNotation")
        public String codeNotation;
    }

    /** {@code PromulgationInfo}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Promulgation {
        /** Fields. */
        @XmlElement(name = "Place")
        public String place;
        /** Fields. */
        @XmlElement(name = "PromulgationDate")
        public String promulgationDate;
    }

    /** {@code DocumentType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class DocumentType {
        /** Fields. */
        @XmlElement(name = "Type")
        public String type;
        /** Fields. */
        @XmlElement(name = "TypeDetail")
        public String typeDetail;
        /** Fields. */
        @XmlElement(name = "TypeName")
        public String typeName;
    }

    /** {@code SignerInfo}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Signer {
        /** Fields. */
        @XmlElement(name = "Competence")
        public String competence;
        /** Fields. */
        @XmlElement(name = "Position")
        public String position;
        /** Fields. */
        @XmlElement(name = "FullName")
        public String fullName;
    }

    /** {@code ToPlaces}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Places {
        /** Fields. */
        @XmlElement(name = "Place")
        public List<String> place = new ArrayList<>();
    }

    /** {@code OtherInfo}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class OtherInfo {
        /** Fields. */
        @XmlElement(name = "Priority")
        public String priority;
        /** Fields. */
        @XmlElement(name = "SphereOfPromulgation")
        public String sphereOfPromulgation;
        /** Fields. */
        @XmlElement(name = "TyperNotation")
        public String typerNotation;
        /** Fields. */
        @XmlElement(name = "PromulgationAmount")
        public String promulgationAmount;
        /** Fields. */
        @XmlElement(name = "PageAmount")
        public String pageAmount;
        /** Unknown children, as DOM. */
        @XmlAnyElement
        public List<Object> rest = new ArrayList<>();
    }

    /** {@code ResponseFor}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class ResponseFor {
        /** Fields. */
        @XmlElement(name = "OrganId")
        public String organId;
        /** Fields. */
        @XmlElement(name = "Code")
        public String code;
        /** Fields. */
        @XmlElement(name = "PromulgationDate")
        public String promulgationDate;
        /** Fields. */
        @XmlElement(name = "DocumentId")
        public String documentId;
    }

    /** {@code TraceHeaderList}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class TraceHeaderList {
        /** Hops. */
        @XmlElement(name = "TraceHeader")
        public List<TraceHeader> traceHeader = new ArrayList<>();
        /** The business block and the rest, as DOM. */
        @XmlAnyElement
        public List<Object> rest = new ArrayList<>();
    }

    /** {@code TraceHeader}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class TraceHeader {
        /** Fields. */
        @XmlElement(name = "OrganId")
        public String organId;
        /** Fields. */
        @XmlElement(name = "Timestamp")
        public String timestamp;
    }
}
