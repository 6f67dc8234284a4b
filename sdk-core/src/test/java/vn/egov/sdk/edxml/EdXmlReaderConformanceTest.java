package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The reader against the real VNPT sample packages in ../shared/conformance/edxml. */
class EdXmlReaderConformanceTest {
    private static EdXmlPackage read(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Conformance.edxmlSamples().resolve(file))) {
            return EdXml.read(in);
        }
    }

    @Test
    void everySampleIsAccepted() throws Exception {
        List<Path> files = Conformance.edxmlFiles();
        assertEquals(14, files.size());
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f); EdXmlPackage pkg = EdXml.read(in)) {
                assertTrue(f.getFileName().toString().startsWith("status") == pkg instanceof StatusPackage,
                        f.toString());
            }
        }
    }

    @Test
    void newDocumentSampleIsReadFieldByField() throws Exception {
        DocumentPackage doc = assertInstanceOf(DocumentPackage.class, read("edoc_new.edxml"));
        MessageHeader h = doc.header();
        assertEquals("002.00.20.H13", h.from().organId().value());
        assertTrue(h.from().organId().isConforming());
        assertEquals("UBND xã Hòa Tiến - UBND huyện Hòa Vang - Thành phố Đà Nẵng", h.from().organName());
        assertEquals(1, h.to().size());
        OrganId to = h.to().get(0).organId();
        assertEquals("28.22.H17", to.value());
        assertFalse(to.isConforming(), "non-conforming id kept and flagged");
        assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", h.documentId().value());
        assertEquals(new Code("74fass22", "VPCP-TTĐT"), h.code());
        assertEquals(LocalDate.of(2019, 1, 16), h.promulgationInfo().promulgationDate().orElseThrow());
        assertEquals(1, h.documentType().type().getAsInt());
        assertEquals("Công văn", h.documentType().typeName());
        assertEquals("TL. BO TRUONG", h.signerInfo().competence());
        assertEquals(LocalDate.of(2018, 9, 28), h.dueDate().orElseThrow());
        assertEquals(List.of("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP"), h.toPlaces(),
                "ToPlaces found although it comes after SteeringType");
        assertEquals(1, h.steeringType().getAsInt());
        assertEquals(22, h.otherInfo().pageAmount().getAsInt());
        assertEquals(List.of("Công văn về việc kết nối, liên thông phần mềm quản lý văn bản"),
                h.otherInfo().appendixes());
        assertFalse(h.otherInfo().direction().orElseThrow());
        assertTrue(h.extensions().isEmpty());

        TraceHeader hop = doc.trace().traceHeaders().get(0);
        assertEquals("000.00.00.G22", hop.organId().value());
        assertEquals(LocalDateTime.of(2018, 9, 28, 0, 0), hop.timestamp().orElseThrow());
        Business b = doc.trace().business().orElseThrow();
        assertEquals(BusinessDocType.NEW, b.type());
        assertEquals("Văn bản điện tử mới", b.reason());
        assertEquals("Nguyễn Thị Ngọc Trâm", b.staff().get(0).staff());

        XmlElement sig = doc.signature().orElseThrow();
        assertEquals("Signature", sig.localName());
        assertEquals(EdXmlNames.NAMESPACE, sig.namespace(), "the sample's Signature sits in the edXML namespace");
        assertEquals("SignedInfo", sig.children().get(0).localName());

        assertEquals(1, doc.manifest().size());
        assertEquals("cid:209", doc.manifest().get(0).contentId());
        assertEquals("1.0", doc.manifestAttributes().get("version"));
        Attachment a = doc.attachments().get(0);
        assertEquals("cid:209", a.contentId());
        assertEquals("1896_QD-TTg_m_294779.doc", a.name());
        assertTrue(a.isZipWrapped());
        try (ZipInputStream zip = new ZipInputStream(a.content().openStream())) {
            assertTrue(zip.getNextEntry().getName().endsWith(".edxml"), "the base64 decodes to a real ZIP");
        }
        doc.close();
    }

    @Test
    void businessTypesOfTheFourDocumentSamples() throws Exception {
        assertEquals(BusinessDocType.NEW, ((DocumentPackage) read("edoc_new.edxml")).businessType());
        assertEquals(BusinessDocType.REVOKE, ((DocumentPackage) read("edoc_revocation.edxml")).businessType());
        DocumentPackage update = (DocumentPackage) read("edoc_update.edxml");
        assertEquals(BusinessDocType.UPDATE, update.businessType());
        BusinessDocumentInfo info = update.trace().business().orElseThrow().documentInfos().get(0);
        assertEquals(1, info.documentInfo().getAsInt());
        assertEquals(2, info.receivers().size());
        assertEquals(1, info.receivers().get(1).receiverType().getAsInt());
        assertEquals(3, update.header().to().size(), "empty To entries are kept");
        DocumentPackage replace = (DocumentPackage) read("edoc_replacement.edxml");
        assertEquals(BusinessDocType.REPLACE, replace.businessType());
        assertEquals(2, replace.trace().business().orElseThrow().replacements().size());
    }

    @Test
    void statusSamplesCarryTheNineCodes() throws Exception {
        String[][] expected = {{"status_inbox_01.edxml", "01"}, {"status_rejection_02.edxml", "02"},
                {"status_acceptance_03.edxml", "03"}, {"status_assignment_04.edxml", "04"},
                {"status_processing_05.edxml", "05"}, {"status_finish_06.edxml", "06"},
                {"status_cancellation_13.edxml", "13"}, {"status_change-acceptance_15.edxml", "15"},
                {"status_change-rejection_16.edxml", "16"}};
        for (String[] e : expected) {
            StatusPackage s = assertInstanceOf(StatusPackage.class, read(e[0]));
            assertEquals(e[1], s.status().code(), e[0]);
            assertTrue(s.status().isKnown());
        }
        StatusPackage s = (StatusPackage) read("status_acceptance_03.edxml");
        assertEquals("000.00.00.H41", s.from().organId().value());
        assertEquals("UBND Tỉnh Nghệ An", s.from().organName());
        assertEquals("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", s.responseFor().documentId().value());
        assertEquals("7816/VPCP-TTĐT", s.responseFor().code());
        assertEquals("Nguyen thi ngoc tram", s.staff().orElseThrow().staff());
        assertEquals(LocalDateTime.of(2015, 9, 20, 11, 8, 36), s.timestamp().orElseThrow());
    }

    @Test
    void theOriginalSampleWithStrayCharactersBeforeTheDeclarationIsATypedError() throws Exception {
        byte[] original = Files.readAllBytes(Conformance.edxmlSamples().resolve("edoc_new.edxml"));
        ByteArrayOutputStream withJunk = new ByteArrayOutputStream();
        withJunk.write("1212".getBytes(StandardCharsets.US_ASCII));
        withJunk.write(original);
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class,
                () -> EdXml.read(new ByteArrayInputStream(withJunk.toByteArray())));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
