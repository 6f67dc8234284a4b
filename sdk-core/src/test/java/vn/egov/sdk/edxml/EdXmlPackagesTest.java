package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.CLOCK;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.clerk;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.header;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.ngheAn;
import static vn.egov.sdk.edxml.EdXmlWriterTestData.smallAttachment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.egov.sdk.core.ValidationException;

/** The package helpers: what each builds, its trace hop and business block, and argument checks. */
class EdXmlPackagesTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 2, 9, 15, 30);

    private static Business business(DocumentPackage pkg) {
        assertEquals(1, pkg.trace().traceHeaders().size());
        assertEquals(TraceHeader.of(pkg.header().from().organId(), NOW), pkg.trace().traceHeaders().get(0));
        return pkg.trace().business().orElseThrow();
    }

    private static void assertValid(EdXmlPackage pkg) {
        EdXmlValidationReport report = EdXmlValidator.builder().clock(CLOCK).build().validate(pkg);
        assertTrue(report.isValid(), report.toString());
    }

    @Test
    void newDocumentHasOneHopABusinessNewAndAReferencePerAttachment() {
        Attachment second = new Attachment("cid:2", "phu-luc.pdf", "Phụ lục", "application/pdf",
                AttachmentContent.ofBytes(new byte[] {1, 2, 3}));
        DocumentPackage pkg = EdXmlPackages.newDocument(header(), clerk(), List.of(smallAttachment(), second), CLOCK);
        assertEquals(header(), pkg.header());
        Business b = business(pkg);
        assertEquals(Business.of(BusinessDocType.NEW, clerk()), b);
        assertEquals("Văn bản điện tử mới", b.reason());
        assertEquals(OptionalInt.of(0), b.paper());
        assertEquals(Optional.empty(), b.documentId());
        assertEquals(List.of(Reference.of(smallAttachment()), Reference.of(second)), pkg.manifest());
        assertEquals(List.of(smallAttachment(), second), pkg.attachments());
        assertEquals(Map.of("version", "1.0"), pkg.manifestAttributes());
        assertEquals(Optional.empty(), pkg.signature());
        assertEquals(BusinessDocType.NEW, pkg.businessType());
        assertValid(pkg);
    }

    @Test
    void timestampIsHanoiWallTimeToTheSecondWhateverTheClockZone() {
        Clock paris = Clock.fixed(Instant.parse("2024-12-31T17:59:59.999Z"), ZoneId.of("Europe/Paris"));
        DocumentPackage pkg = EdXmlPackages.newDocument(header(), clerk(), List.of(), paris);
        assertEquals(Optional.of(LocalDateTime.of(2025, 1, 1, 0, 59, 59)),
                pkg.trace().traceHeaders().get(0).timestamp());
        StatusPackage status = EdXmlPackages.statusReply(pkg, ngheAn(), EdocStatus.RECEIVED, clerk(), "", paris);
        assertEquals(Optional.of(LocalDateTime.of(2025, 1, 1, 0, 59, 59)), status.timestamp());
    }

    @Test
    void attachmentListIsCopied() {
        List<Attachment> files = new ArrayList<>(List.of(smallAttachment()));
        DocumentPackage pkg = EdXmlPackages.newDocument(header(), clerk(), files, CLOCK);
        files.clear();
        assertEquals(1, pkg.attachments().size());
        assertEquals(1, pkg.manifest().size());
    }

    @Test
    void revokeKeepsTheHeaderAndNamesTheOriginal() {
        DocumentPackage original = EdXmlWriterTestData.newDocument().withSignature(XmlElement.edxml("Signature", ""));
        StaffInfo other = StaffInfo.of("Văn phòng", "Trần Văn C", "c@chinhphu.vn", "0900000000");
        DocumentPackage pkg = EdXmlPackages.revoke(original, other, "Ban hành nhầm", CLOCK);
        assertSame(original.header(), pkg.header());
        assertEquals(2, pkg.header().to().size(), "every receiver gets the revocation");
        Business b = business(pkg);
        assertEquals(BusinessDocType.REVOKE, b.type());
        assertEquals("Ban hành nhầm", b.reason());
        assertEquals(Optional.of(original.header().documentId()), b.documentId());
        assertEquals(OptionalInt.of(0), b.paper());
        assertEquals(List.of(other), b.staff());
        assertEquals(List.of(), pkg.attachments());
        assertEquals(List.of(), pkg.manifest());
        assertEquals(Optional.empty(), pkg.signature());
        assertEquals("Thu hồi văn bản điện tử",
                business(EdXmlPackages.revoke(original, other, "", CLOCK)).reason(), "\"\" gives the default");
        assertValid(pkg);
    }

    @Test
    void updateCarriesWhatChangedAndKeepsTheAttachments() {
        DocumentPackage original = EdXmlWriterTestData.newDocument();
        MessageHeader changed = header().toBuilder().subject("Trích yếu mới").build();
        BusinessDocumentInfo what = new BusinessDocumentInfo(OptionalInt.of(1), OptionalInt.of(0), List.of());
        DocumentPackage pkg = EdXmlPackages.update(original, changed, what, clerk(), CLOCK);
        assertEquals(changed, pkg.header());
        Business b = business(pkg);
        assertEquals(BusinessDocType.UPDATE, b.type());
        assertEquals("Cập nhật văn bản điện tử", b.reason());
        assertEquals(Optional.of(original.header().documentId()), b.documentId());
        assertEquals(List.of(what), b.documentInfos());
        assertEquals(List.of(clerk()), b.staff());
        assertEquals(original.attachments(), pkg.attachments());
        assertSame(original.attachments().get(0).content(), pkg.attachments().get(0).content());
        assertEquals(original.manifest(), pkg.manifest());
        assertValid(pkg);
    }

    @Test
    void replaceListsTheReplacedDocuments() {
        DocumentPackage replacement = EdXmlPackages.newDocument(header().toBuilder().code("7900", "VPCP-TTĐT")
                .build(), clerk(), List.of(smallAttachment()), CLOCK).withSignature(XmlElement.edxml("Signature", ""));
        List<ReplacementInfo> replaced = List.of(new ReplacementInfo(
                DocumentId.of("000.00.00.G22,2024/05/02,7816/VPCP-TTĐT"), List.of(OrganId.of("000.00.00.H41"))));
        DocumentPackage pkg = EdXmlPackages.replace(replacement, replaced, clerk(), CLOCK);
        assertEquals(replacement.header(), pkg.header());
        Business b = business(pkg);
        assertEquals(BusinessDocType.REPLACE, b.type());
        assertEquals("Văn bản thay thế", b.reason());
        assertEquals(Optional.empty(), b.documentId());
        assertEquals(replaced, b.replacements());
        assertEquals(replacement.attachments(), pkg.attachments());
        assertEquals(replacement.manifest(), pkg.manifest());
        assertEquals(Optional.empty(), pkg.signature(), "the replacement's signature no longer fits");
        assertValid(pkg);
    }

    @Test
    void statusReplyAnswersTheReceivedDocument() {
        DocumentPackage received = EdXmlWriterTestData.newDocument();
        StatusPackage status = EdXmlPackages.statusReply(received, ngheAn(), EdocStatus.ACCEPTED, clerk(),
                "Văn thư đã vào sổ", CLOCK);
        assertEquals(ngheAn(), status.from());
        assertEquals(new ResponseFor(OrganId.of("000.00.00.G22"), "7816/VPCP-TTĐT",
                Optional.of(LocalDate.of(2024, 5, 2)), DocumentId.of("000.00.00.G22,2024/05/02,7816/VPCP-TTĐT")),
                status.responseFor());
        assertEquals(Optional.of(clerk()), status.staff());
        assertEquals(EdocStatus.ACCEPTED, status.status());
        assertEquals("Văn thư đã vào sổ", status.description());
        assertEquals(Optional.of(NOW), status.timestamp());
        assertEquals(Optional.empty(), status.trace());
        assertEquals(Optional.empty(), status.signature());
        assertValid(status);
        for (EdocStatus s : EdocStatus.known()) {
            StatusPackage p = EdXmlPackages.statusReply(received, ngheAn(), s, clerk(), "", CLOCK);
            assertEquals(s.description(), p.description(), "\"\" gives the code's meaning");
            assertValid(p);
        }
    }

    private static void assertNamed(String parameter, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(parameter, e.errors().get(0).path());
    }

    @Test
    void nullArgumentsAreValidationErrorsNamingTheParameter() {
        DocumentPackage doc = EdXmlWriterTestData.newDocument();
        MessageHeader h = header();
        StaffInfo s = clerk();
        BusinessDocumentInfo what = new BusinessDocumentInfo(null, null, null);
        List<ReplacementInfo> replaced = List.of(new ReplacementInfo(DocumentId.of("x"), List.of()));
        assertNamed("header", () -> EdXmlPackages.newDocument(null, s, List.of(), CLOCK));
        assertNamed("staff", () -> EdXmlPackages.newDocument(h, null, List.of(), CLOCK));
        assertNamed("attachments", () -> EdXmlPackages.newDocument(h, s, null, CLOCK));
        assertNamed("attachments[1]", () -> EdXmlPackages.newDocument(h, s,
                java.util.Arrays.asList(smallAttachment(), null), CLOCK));
        assertNamed("clock", () -> EdXmlPackages.newDocument(h, s, List.of(), null));
        assertNamed("original", () -> EdXmlPackages.revoke(null, s, "", CLOCK));
        assertNamed("staff", () -> EdXmlPackages.revoke(doc, null, "", CLOCK));
        assertNamed("reason", () -> EdXmlPackages.revoke(doc, s, null, CLOCK));
        assertNamed("clock", () -> EdXmlPackages.revoke(doc, s, "", null));
        assertNamed("original", () -> EdXmlPackages.update(null, h, what, s, CLOCK));
        assertNamed("updatedHeader", () -> EdXmlPackages.update(doc, null, what, s, CLOCK));
        assertNamed("whatChanged", () -> EdXmlPackages.update(doc, h, null, s, CLOCK));
        assertNamed("staff", () -> EdXmlPackages.update(doc, h, what, null, CLOCK));
        assertNamed("clock", () -> EdXmlPackages.update(doc, h, what, s, null));
        assertNamed("replacement", () -> EdXmlPackages.replace(null, replaced, s, CLOCK));
        assertNamed("replaced", () -> EdXmlPackages.replace(doc, null, s, CLOCK));
        assertNamed("replaced", () -> EdXmlPackages.replace(doc, List.of(), s, CLOCK));
        assertNamed("replaced[0]", () -> EdXmlPackages.replace(doc, java.util.Arrays.asList((ReplacementInfo) null),
                s, CLOCK));
        assertNamed("staff", () -> EdXmlPackages.replace(doc, replaced, null, CLOCK));
        assertNamed("clock", () -> EdXmlPackages.replace(doc, replaced, s, null));
        assertNamed("received", () -> EdXmlPackages.statusReply(null, ngheAn(), EdocStatus.RECEIVED, s, "", CLOCK));
        assertNamed("reporter", () -> EdXmlPackages.statusReply(doc, null, EdocStatus.RECEIVED, s, "", CLOCK));
        assertNamed("status", () -> EdXmlPackages.statusReply(doc, ngheAn(), null, s, "", CLOCK));
        assertNamed("staff", () -> EdXmlPackages.statusReply(doc, ngheAn(), EdocStatus.RECEIVED, null, "", CLOCK));
        assertNamed("description", () -> EdXmlPackages.statusReply(doc, ngheAn(), EdocStatus.RECEIVED, s, null,
                CLOCK));
        assertNamed("clock", () -> EdXmlPackages.statusReply(doc, ngheAn(), EdocStatus.RECEIVED, s, "", null));
    }
}
