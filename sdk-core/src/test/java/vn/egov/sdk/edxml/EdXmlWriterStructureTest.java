package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.NS;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.child;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.childNames;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.children;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.messageHeader;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.parse;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.write;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.writeString;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the written package looks like once parsed: namespaces, prefixes, element order, escaping. */
class EdXmlWriterStructureTest {

    @Test
    void everyElementInsideTheEnvelopeIsPrefixedEdXml() {
        for (EdXmlPackage pkg : List.of(EdXmlWriterTestData.newDocument(), EdXmlWriterTestData.update(),
                EdXmlWriterTestData.replace(), EdXmlWriterTestData.status(EdocStatus.COMPLETED))) {
            Document doc = parse(write(pkg));
            Element root = doc.getDocumentElement();
            assertEquals("edXML", root.getLocalName());
            assertEquals(NS, root.getNamespaceURI());
            assertNull(root.getPrefix());
            Element envelope = child(root, "edXMLEnvelope");
            NodeList all = envelope.getElementsByTagNameNS("*", "*");
            assertTrue(all.getLength() > 20);
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                assertEquals(NS, e.getNamespaceURI(), e.getTagName());
                assertEquals("edXML", e.getPrefix(), e.getTagName());
            }
            assertEquals("edXML", envelope.getPrefix());
        }
    }

    @Test
    void documentLayoutIsTheAxisOne() {
        String xml = writeString(EdXmlWriterTestData.newDocument());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + "  <edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + "    <edXML:edXMLHeader>\n"
                + "      <edXML:MessageHeader>\n"
                + "        <edXML:From>\n"
                + "          <edXML:OrganId>000.00.00.G22</edXML:OrganId>\n"), xml);
        assertTrue(xml.endsWith("</AttachmentEncoded>\n</edXML>\n"));
        assertFalse(xml.contains("\r"));
        assertTrue(xml.contains("\n          <edXML:OrganAdd></edXML:OrganAdd>\n"), "empty elements stay explicit");
    }

    @Test
    void messageHeaderChildrenComeInTheAxisOrder() {
        MessageHeader full = EdXmlWriterTestData.header().toBuilder()
                .addResponseFor(new ResponseFor(OrganId.of("000.00.00.H41"), "12/UBND-VX",
                        Optional.of(LocalDate.of(2024, 4, 1)), DocumentId.of("000.00.00.H41,2024/04/01,12/UBND-VX")))
                .addResponseForTask("NV-2024-001")
                .addResponseForTask("NV-2024-002")
                .applicationType("1")
                .addExtension(XmlElement.edxml("ReplyFors", "x"))
                .build();
        DocumentPackage pkg = EdXmlPackages.newDocument(full, EdXmlWriterTestData.clerk(), List.of(),
                EdXmlWriterTestData.CLOCK);
        Element header = messageHeader(parse(write(pkg)));
        assertEquals(List.of("From", "To", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType", "Subject",
                "Content", "SignerInfo", "DueDate", "ToPlaces", "OtherInfo", "ResponseFor", "SteeringType",
                "ResponseForTask", "ApplicationType", "ReplyFors"), childNames(header));
        List<String> organization = List.of("OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email",
                "Telephone", "Fax", "Website");
        assertEquals(organization, childNames(child(header, "From")));
        for (Element to : children(header).subList(1, 3)) {
            assertEquals(organization, childNames(to));
        }
        assertEquals(List.of("CodeNumber", "CodeNotation"), childNames(child(header, "Code")));
        assertEquals(List.of("Place", "PromulgationDate"), childNames(child(header, "PromulgationInfo")));
        assertEquals(List.of("Type", "TypeDetail", "TypeName"), childNames(child(header, "DocumentType")));
        assertEquals(List.of("Competence", "Position", "FullName"), childNames(child(header, "SignerInfo")));
        assertEquals(List.of("Priority", "SphereOfPromulgation", "TyperNotation", "PromulgationAmount", "PageAmount",
                "Direction", "Appendixes"), childNames(child(header, "OtherInfo")));
        assertEquals(List.of("OrganId", "Code", "PromulgationDate", "DocumentId"),
                childNames(child(header, "ResponseFor")));
        assertEquals(List.of("TaskCode", "TaskCode"), childNames(child(header, "ResponseForTask")));
        assertEquals("2024/04/01", child(child(header, "ResponseFor"), "PromulgationDate").getTextContent());
    }

    @Test
    void absentOptionalElementsAreLeftOut() {
        // the lenient constructor: the builder refuses a header without số, ký hiệu, date and subject
        MessageHeader bare = new MessageHeader(EdXmlWriterTestData.vpcp(), List.of(EdXmlWriterTestData.daNang()),
                DocumentId.of("x"), null, null, null, null, null, null, null, null, null, null,
                java.util.OptionalInt.of(0), null, null, null);
        DocumentPackage pkg = new DocumentPackage(bare, null, null, null, null, null, null);
        Element header = messageHeader(parse(write(pkg)));
        assertEquals(List.of("From", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType", "Subject",
                "Content", "SignerInfo", "OtherInfo", "SteeringType"), childNames(header));
        assertEquals(List.of("Place"), childNames(child(header, "PromulgationInfo")));
        assertEquals(List.of("TypeName"), childNames(child(header, "DocumentType")));
        assertEquals(List.of("SphereOfPromulgation", "TyperNotation"), childNames(child(header, "OtherInfo")));
        Element root = parse(write(pkg)).getDocumentElement();
        assertEquals(List.of("edXMLEnvelope"), childNames(root), "no AttachmentEncoded without attachments");
        Element envelope = child(root, "edXMLEnvelope");
        assertEquals(List.of("MessageHeader", "TraceHeaderList"), childNames(child(envelope, "edXMLHeader")));
        Element manifest = child(child(envelope, "edXMLBody"), "edXMLManifest");
        assertEquals("1.0", manifest.getAttribute("version"));
        assertEquals(List.of(), childNames(manifest));
    }

    @Test
    void traceListKeepsItsAttributesAndBusinessOrder() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", "trace-1");
        attributes.put("version", "1.0");
        attributes.put("mustUnderstand", "1");
        attributes.put("actor", "http://schemas.xmlsoap.org/soap/actor/next");
        StaffInfo withIds = new StaffInfo("Văn thư", "VT", "Trần C", "S1", "c@x.vn", "09");
        Business business = new Business(Optional.of(DocumentId.of("d")), BusinessDocType.UPDATE, "r",
                OptionalInt.empty(), List.of(new BusinessDocumentInfo(null, null, List.of())),
                List.of(new ReplacementInfo(DocumentId.of("old"), List.of(OrganId.of("000.00.00.H41")))),
                List.of(withIds, EdXmlWriterTestData.clerk()), List.of(XmlElement.edxml("Note", "n")));
        TraceHeaderList trace = new TraceHeaderList(List.of(
                TraceHeader.of(OrganId.of("000.00.00.G22"), LocalDateTime.of(2024, 5, 2, 9, 0, 0)),
                new TraceHeader(OrganId.of("000.00.00.H41"), Optional.empty())), Optional.of(business), attributes);
        DocumentPackage pkg = EdXmlWriterTestData.newDocument();
        pkg = new DocumentPackage(pkg.header(), trace, Optional.empty(), null, pkg.manifest(), pkg.attachments(),
                List.of());
        String xml = writeString(pkg);
        assertTrue(xml.contains("<edXML:TraceHeaderList id=\"trace-1\" version=\"1.0\" mustUnderstand=\"1\" "
                + "actor=\"http://schemas.xmlsoap.org/soap/actor/next\">"), xml);
        Element list = child(child(child(parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement(),
                "edXMLEnvelope"), "edXMLHeader"), "TraceHeaderList");
        assertEquals(List.of("TraceHeader", "TraceHeader", "Bussiness"), childNames(list));
        assertEquals(List.of("OrganId"), childNames(children(list).get(1)));
        Element b = child(list, "Bussiness");
        assertEquals(List.of("DocumentId", "BussinessDocType", "BussinessDocReason", "BussinessDocumentInfo",
                "ReplacementInfoList", "StaffInfo", "StaffInfo", "Note"), childNames(b));
        assertEquals(List.of("ReceiverList"), childNames(child(b, "BussinessDocumentInfo")));
        assertEquals(List.of("Department", "DepartmentId", "Staff", "StaffId", "Email", "Mobile"),
                childNames(children(b).get(5)));
        assertEquals(List.of("Department", "Staff", "Email", "Mobile"), childNames(children(b).get(6)));
        assertEquals(List.of("DocumentId", "OrganIdList"),
                childNames(child(child(b, "ReplacementInfoList"), "ReplacementInfo")));
    }

    @Test
    void attachmentsFollowTheEnvelopeUnprefixed() {
        Document doc = parse(write(EdXmlWriterTestData.newDocument()));
        Element root = doc.getDocumentElement();
        assertEquals(List.of("edXMLEnvelope", "AttachmentEncoded"), childNames(root));
        Element encoded = child(root, "AttachmentEncoded");
        assertEquals(NS, encoded.getNamespaceURI());
        assertNull(encoded.getPrefix());
        Element attachment = child(encoded, "Attachment");
        assertNull(attachment.getPrefix());
        assertEquals(List.of("ContentId", "AttachmentName", "Description", "ContentType", "ContentTransferEncoded"),
                childNames(attachment));
        for (Element e : children(attachment).subList(0, 4)) {
            assertNull(e.getPrefix(), e.getLocalName());
            assertEquals(NS, e.getNamespaceURI());
        }
        Element base64 = child(attachment, "ContentTransferEncoded");
        assertEquals("edXML", base64.getPrefix());
        assertEquals(NS, base64.getNamespaceURI());
        assertEquals("cid:1", child(attachment, "ContentId").getTextContent());
        assertEquals("7816-VPCP-TTĐT.pdf", child(attachment, "AttachmentName").getTextContent());
        Element reference = child(child(child(child(root, "edXMLEnvelope"), "edXMLBody"), "edXMLManifest"),
                "Reference");
        assertEquals(List.of("ContentId", "ContentType", "Description", "AttachmentName"), childNames(reference));
    }

    @Test
    void statusPackageLayout() {
        StatusPackage status = EdXmlWriterTestData.status(EdocStatus.REJECTED);
        Document doc = parse(write(status));
        Element envelope = child(doc.getDocumentElement(), "edXMLEnvelope");
        assertEquals(List.of("edXMLEnvelope"), childNames(doc.getDocumentElement()));
        assertEquals(List.of("edXMLHeader"), childNames(envelope));
        Element header = messageHeader(doc);
        assertEquals(List.of("From", "ResponseFor", "StaffInfo", "StatusCode", "Description", "Timestamp"),
                childNames(header));
        assertEquals("02", child(header, "StatusCode").getTextContent());
        assertEquals("Từ chối tiếp nhận", child(header, "Description").getTextContent());
        assertEquals("2024/05/02 09:15:30", child(header, "Timestamp").getTextContent());
        Element responseFor = child(header, "ResponseFor");
        assertEquals("7816/VPCP-TTĐT", child(responseFor, "Code").getTextContent());

        TraceHeaderList trace = TraceHeaderList.of(TraceHeader.of(OrganId.of("000.00.00.H41"),
                LocalDateTime.of(2024, 5, 2, 9, 0)), null);
        StatusPackage traced = new StatusPackage(status.from(), status.responseFor(), Optional.empty(),
                status.status(), status.description(), Optional.empty(), Optional.of(trace),
                Optional.of(XmlElement.edxml("DigitalSignature", "")), List.of());
        Element h2 = child(child(parse(write(traced)).getDocumentElement(), "edXMLEnvelope"), "edXMLHeader");
        assertEquals(List.of("MessageHeader", "TraceHeaderList", "DigitalSignature"), childNames(h2));
        assertEquals(List.of("From", "ResponseFor", "StatusCode", "Description"),
                childNames(child(h2, "MessageHeader")));
    }

    @Test
    void specialCharactersAndVietnameseSurvive() {
        String subject = "Tờ trình <dự thảo> & \"góp ý\" 'năm' 2024 > 2023 — Đắk Lắk, Thừa Thiên Huế 😀";
        String multiline = "dòng 1\r\ndòng 2\n\tthụt lề";
        MessageHeader h = EdXmlWriterTestData.header().toBuilder().subject(subject).content(multiline).build();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("note", "a<b & \"c\"\td\ne\rf>g");
        attributes.put("xlink:href", "cid:1");
        DocumentPackage base = EdXmlPackages.newDocument(h, EdXmlWriterTestData.clerk(),
                List.of(EdXmlWriterTestData.smallAttachment()), EdXmlWriterTestData.CLOCK);
        Reference ref = base.manifest().get(0);
        DocumentPackage pkg = new DocumentPackage(base.header(), base.trace(), Optional.empty(), null,
                List.of(new Reference(ref.contentId(), ref.contentType(), ref.description(), ref.attachmentName(),
                        attributes)), base.attachments(), List.of());
        byte[] bytes = write(pkg);
        String xml = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<edXML:Subject>Tờ trình &lt;dự thảo&gt; &amp; \"góp ý\" 'năm' 2024 &gt; 2023"), xml);
        assertTrue(xml.contains("note=\"a&lt;b &amp; &quot;c&quot;&#x9;d&#xA;e&#xD;f>g\""), xml);
        assertTrue(xml.contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\""), "well-known prefix declared");
        Element header = messageHeader(parse(bytes));
        assertEquals(subject, child(header, "Subject").getTextContent());
        assertEquals(multiline, child(header, "Content").getTextContent());
        Element reference = child(child(child(child(parse(bytes).getDocumentElement(), "edXMLEnvelope"),
                "edXMLBody"), "edXMLManifest"), "Reference");
        assertEquals("a<b & \"c\"\td\ne\rf>g", reference.getAttribute("note"));
        assertEquals("cid:1", reference.getAttributeNS("http://www.w3.org/1999/xlink", "href"));
    }
}
