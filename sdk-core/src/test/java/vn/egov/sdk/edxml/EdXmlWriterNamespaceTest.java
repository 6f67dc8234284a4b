package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.NS;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.child;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.children;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.messageHeader;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.parse;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.write;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.sdk.core.ValidationException;

/** Extension elements and the signature keep their namespaces, declared only where needed. */
class EdXmlWriterNamespaceTest {
    private static final String DSIG = EdXmlNames.XMLDSIG_NAMESPACE;

    private static XmlElement el(String ns, String prefix, String local, Map<String, String> attributes, String text,
            XmlElement... children) {
        return new XmlElement(ns, prefix, local, attributes, text, List.of(children));
    }

    /** A signature as sdk-signing makes it: unprefixed, in the XML-DSig namespace. */
    static XmlElement signature() {
        return el(DSIG, "", "Signature", Map.of(), "",
                el(DSIG, "", "SignedInfo", Map.of(), "",
                        el(DSIG, "", "CanonicalizationMethod",
                                Map.of("Algorithm", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"), ""),
                        el(DSIG, "", "SignatureMethod",
                                Map.of("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"), ""),
                        el(DSIG, "", "Reference", Map.of("URI", ""), "",
                                el(DSIG, "", "DigestValue", Map.of(), "FwgIqsSYJshUS2+wlOM61L+q7Aw="))),
                el(DSIG, "", "SignatureValue", Map.of(), "R2JWYjhuOStxRnh6NDY2QWcwc2JwVmRMUHMy"),
                el(DSIG, "", "KeyInfo", Map.of(), "",
                        el(DSIG, "", "X509Data", Map.of(), "",
                                el(DSIG, "", "X509SubjectName", Map.of(), "CN=Văn thư, O=VPCP, C=VN"))));
    }

    private static DocumentPackage with(MessageHeader header, XmlElement signature, List<XmlElement> headerExt) {
        DocumentPackage base = EdXmlWriterTestData.newDocument();
        return new DocumentPackage(header, base.trace(), java.util.Optional.ofNullable(signature), null,
                base.manifest(), base.attachments(), headerExt);
    }

    @Test
    void xmldsigSignatureDeclaresItsNamespaceOnce() {
        byte[] bytes = write(with(EdXmlWriterTestData.header(), signature(), List.of()));
        String xml = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(xml.contains("\n      <Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">\n"
                + "        <SignedInfo>\n"
                + "          <CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\">"
                + "</CanonicalizationMethod>\n"), xml);
        assertEquals(1, xml.split("xmldsig#\"", -1).length - 1, "declared on Signature only");
        Document doc = parse(bytes);
        Element header = child(child(doc.getDocumentElement(), "edXMLEnvelope"), "edXMLHeader");
        Element sig = child(header, "Signature");
        assertEquals(List.of("MessageHeader", "TraceHeaderList", "Signature"),
                EdXmlWriterTestData.childNames(header));
        assertEquals(DSIG, sig.getNamespaceURI());
        assertNull(sig.getPrefix());
        for (Element e : List.of(child(sig, "SignedInfo"), child(child(sig, "SignedInfo"), "Reference"),
                child(child(child(sig, "SignedInfo"), "Reference"), "DigestValue"), child(sig, "KeyInfo"))) {
            assertEquals(DSIG, e.getNamespaceURI(), e.getLocalName());
        }
        assertEquals("", child(child(sig, "SignedInfo"), "Reference").getAttribute("URI"));
        assertTrue(child(child(sig, "SignedInfo"), "Reference").hasAttribute("URI"));
        assertEquals("CN=Văn thư, O=VPCP, C=VN",
                child(child(child(sig, "KeyInfo"), "X509Data"), "X509SubjectName").getTextContent());
        // the elements after the signature are back in the edXML namespace
        assertEquals(NS, child(child(doc.getDocumentElement(), "edXMLEnvelope"), "edXMLBody").getNamespaceURI());
    }

    @Test
    void prefixedSignatureAndSampleStyleSignature() {
        XmlElement ds = el(DSIG, "ds", "Signature", Map.of(), "",
                el(DSIG, "ds", "SignatureValue", Map.of(), "abc"));
        String xml = new String(write(with(EdXmlWriterTestData.header(), ds, List.of())), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n"
                + "        <ds:SignatureValue>abc</ds:SignatureValue>\n"
                + "      </ds:Signature>"), xml);

        // as in the VNPT samples: unprefixed, in the edXML default namespace: nothing to declare
        XmlElement sample = el(NS, "", "Signature", Map.of(), "", el(NS, "", "SignatureValue", Map.of(), "abc"));
        byte[] bytes = write(with(EdXmlWriterTestData.header(), sample, List.of()));
        String xml2 = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(xml2.contains("      <Signature>\n        <SignatureValue>abc</SignatureValue>\n"), xml2);
        Element sig = child(child(child(parse(bytes).getDocumentElement(), "edXMLEnvelope"), "edXMLHeader"),
                "Signature");
        assertEquals(NS, sig.getNamespaceURI());
    }

    @Test
    void extensionElementsGetTheDeclarationsTheyNeed() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("xmlns:v", "urn:vendor:v2");
        attrs.put("v:kind", "nội bộ");
        attrs.put("xml:lang", "vi");
        attrs.put("plain", "1");
        XmlElement vendor = el("urn:vendor", "x", "Routing", attrs, "",
                el("urn:vendor", "x", "Hop", Map.of(), "A"),
                el("urn:vendor", "", "Unprefixed", Map.of(), "B",
                        el("urn:vendor", "", "Inner", Map.of(), "C"),
                        el("", "", "NoNamespace", Map.of(), "D")),
                el(NS, "edXML", "Back", Map.of(), "E"));
        XmlElement edxmlDefault = el(NS, "", "ReplyFors", Map.of(), "", el(NS, "", "ReplyFor", Map.of(), "F"));
        XmlElement noNs = el("", "", "Legacy", Map.of(), "G");
        MessageHeader h = EdXmlWriterTestData.header().toBuilder()
                .addExtension(vendor).addExtension(edxmlDefault).addExtension(noNs)
                .otherInfo(new OtherInfo(null, "s", "t", null, null, null, null,
                        List.of(el("urn:other", "o", "Extra", Map.of(), "H"))))
                .build();
        XmlElement headerExt = el(NS, "edXML", "DigitalSignature", Map.of(), "");
        byte[] bytes = write(with(h, null, List.of(headerExt)));
        String xml = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<x:Routing xmlns:x=\"urn:vendor\" xmlns:v=\"urn:vendor:v2\" v:kind=\"nội bộ\" "
                + "xml:lang=\"vi\" plain=\"1\">"), xml);
        assertTrue(xml.contains("<x:Hop>A</x:Hop>"), xml);
        assertTrue(xml.contains("<Unprefixed xmlns=\"urn:vendor\">B\n"), xml);
        assertTrue(xml.contains("<Inner>C</Inner>"), xml);
        assertTrue(xml.contains("<NoNamespace xmlns=\"\">D</NoNamespace>"), xml);
        assertTrue(xml.contains("<edXML:Back>E</edXML:Back>"), xml);
        assertTrue(xml.contains("<ReplyFors>\n          <ReplyFor>F</ReplyFor>\n        </ReplyFors>"), xml);
        assertTrue(xml.contains("<Legacy xmlns=\"\">G</Legacy>"), xml);
        assertTrue(xml.contains("<o:Extra xmlns:o=\"urn:other\">H</o:Extra>"), xml);
        assertTrue(xml.contains("<edXML:DigitalSignature></edXML:DigitalSignature>"), xml);

        Element header = messageHeader(parse(bytes));
        Element routing = child(header, "Routing");
        assertEquals("urn:vendor", routing.getNamespaceURI());
        assertEquals("nội bộ", routing.getAttributeNS("urn:vendor:v2", "kind"));
        assertEquals("vi", routing.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        List<Element> kids = children(routing);
        assertEquals("urn:vendor", kids.get(0).getNamespaceURI());
        assertEquals("urn:vendor", kids.get(1).getNamespaceURI());
        assertEquals("urn:vendor", children(kids.get(1)).get(0).getNamespaceURI());
        assertNull(children(kids.get(1)).get(1).getNamespaceURI());
        assertEquals(NS, kids.get(2).getNamespaceURI());
        assertEquals(NS, child(header, "ReplyFors").getNamespaceURI());
        assertEquals(NS, child(child(header, "ReplyFors"), "ReplyFor").getNamespaceURI());
        assertNull(child(header, "Legacy").getNamespaceURI());
        assertEquals("urn:other", child(child(header, "OtherInfo"), "Extra").getNamespaceURI());
        // siblings after a redeclared default namespace are in edXML again
        assertEquals(NS, child(header, "SteeringType").getNamespaceURI());
        assertFalse(xml.contains("<SteeringType"));
    }

    @Test
    void namesAndNamespacesThatCannotBeWrittenAreRefused() {
        List<XmlElement> bad = List.of(
                el(NS, "", "has space", Map.of(), ""),
                el(NS, "", "", Map.of(), ""),
                el("", "p", "Local", Map.of(), ""),
                el("urn:x", "xmlns", "Local", Map.of(), ""),
                el("urn:x", "", "Local", Map.of("1bad", "v"), ""),
                el("urn:x", "", "Local", Map.of("un:declared", "v"), ""),
                el("urn:x", "p", "Local", Map.of("xmlns:p", "urn:other"), ""),
                el("urn:x", "", "Local", Map.of("xmlns:e", ""), ""));
        for (XmlElement e : bad) {
            MessageHeader h = EdXmlWriterTestData.header().toBuilder().addExtension(e).build();
            ValidationException ex = assertThrows(ValidationException.class,
                    () -> write(with(h, null, List.of())), e.toString());
            assertTrue(ex.errors().get(0).path().startsWith("MessageHeader."), ex.getMessage());
        }
    }
}
