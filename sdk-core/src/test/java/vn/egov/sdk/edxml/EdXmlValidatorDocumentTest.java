package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.edxml.Violation.Severity;

/**
 * The {@code MessageHeader} rules of a document package: a valid baseline, then one field broken per test, with
 * the exact code, path and severity. The static helpers are shared with the other {@code EdXmlValidator*Test}s.
 */
class EdXmlValidatorDocumentTest {
    /** 2024-05-02 10:30 in Asia/Ho_Chi_Minh (03:30 UTC). */
    static final Instant NOW = Instant.parse("2024-05-02T03:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final EdXmlValidator VALIDATOR = EdXmlValidator.builder().clock(CLOCK).build();
    static final LocalDate PROMULGATED = LocalDate.of(2024, 5, 2);
    static final String SENDER = "000.00.00.G22";

    /** A complete agency block that breaks no rule. */
    static Organization org(String organId) {
        return new Organization(OrganId.of(organId), "Chính phủ", "Văn phòng Chính phủ",
                "1 Hoàng Hoa Thám, Ba Đình, Hà Nội", "vanthu@chinhphu.vn", "024 3843 0000", "024 3843 0001",
                "chinhphu.vn");
    }

    /** A complete header that breaks no rule; the document id is derived from sender, date and code. */
    static MessageHeader.Builder header() {
        return MessageHeader.builder()
                .from(org(SENDER))
                .addTo(org("000.00.00.H99"))
                .code("123", "VPCP-ABC")
                .promulgation("Hà Nội", PROMULGATED)
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v triển khai kết nối liên thông văn bản")
                .content("V/v triển khai kết nối liên thông văn bản")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG", "Thứ trưởng", "Nguyễn Văn B"))
                .dueDate(LocalDate.of(2024, 5, 10))
                .addToPlace("Như trên")
                .addToPlace("Lưu: VT")
                .otherInfo(OtherInfo.of(0, "Liên thông văn bản quốc gia", "ABC", 1, 2))
                .steeringType(0);
    }

    /** A trace list with one hop and a business block of the given type (nothing else in it). */
    static TraceHeaderList trace(Business business) {
        return TraceHeaderList.of(TraceHeader.of(OrganId.of(SENDER), LocalDateTime.of(2024, 5, 2, 9, 0)), business);
    }

    /** A new-document business block. */
    static Business newDocument() {
        return Business.of(BusinessDocType.NEW, StaffInfo.of("Văn thư", "Nguyễn Văn A", "", ""));
    }

    /** An attachment with content id and name. */
    static Attachment attachment(String contentId, String name) {
        return new Attachment(contentId, name, "", "application/pdf",
                AttachmentContent.ofBytes("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    }

    /** The baseline document package with the given header. */
    static DocumentPackage doc(MessageHeader.Builder header) {
        return DocumentPackage.builder().header(header.build()).trace(trace(newDocument()))
                .addAttachment(attachment("cid:1", "cv123.pdf")).build();
    }

    /** The baseline document package with the header changed. */
    static DocumentPackage doc(UnaryOperator<MessageHeader.Builder> change) {
        return doc(change.apply(header()));
    }

    /** The baseline package with header components replaced as the lenient reader may give them. */
    static DocumentPackage docWith(String component, Object value) {
        return docOf(LenientRecords.with(header().build(), component, value));
    }

    /** The baseline package around the given header. */
    static DocumentPackage docOf(MessageHeader h) {
        return DocumentPackage.builder().header(h).trace(trace(newDocument()))
                .addAttachment(attachment("cid:1", "cv123.pdf")).build();
    }

    /** The baseline package with one sender field changed. */
    static DocumentPackage from(Organization from) {
        return doc(h -> h.from(from));
    }

    /** Asserts the report holds exactly one violation, with this code, path and severity. */
    static Violation assertSingle(EdXmlValidationReport report, String code, String path, Severity severity) {
        assertEquals(1, report.violations().size(), () -> "expected only " + code + " in " + report);
        Violation v = report.violations().get(0);
        assertEquals(code, v.code());
        assertEquals(path, v.path());
        assertEquals(severity, v.severity());
        assertTrue(code.endsWith("." + path), "code = prefix + '.' + path");
        assertTrue(!v.message().isBlank());
        return v;
    }

    private static void assertSingle(DocumentPackage pkg, String code, String path, Severity severity) {
        assertSingle(VALIDATOR.validate(pkg), code, path, severity);
    }

    private static Organization withOrganId(String id) {
        Organization o = org(SENDER);
        return new Organization(OrganId.of(id), o.organizationInCharge(), o.organName(), o.organAdd(), o.email(),
                o.telephone(), o.fax(), o.website());
    }

    @Test
    void baselineIsClean() {
        EdXmlValidationReport report = VALIDATOR.validate(doc(header()));
        assertTrue(report.isClean(), report::toString);
        assertTrue(report.isValid());
    }

    @Test
    void senderOrganIdRequired() {
        assertSingle(from(withOrganId("")), "N.MessageHeader.From.OrganId", "MessageHeader.From.OrganId",
                Severity.ERROR);
    }

    @Test
    void nonConformingSenderOrganIdIsOnlyAWarning() {
        EdXmlValidationReport report = VALIDATOR.validate(from(withOrganId("28.22.H17")));
        assertSingle(report, "M.MessageHeader.From.OrganId", "MessageHeader.From.OrganId", Severity.WARNING);
        assertTrue(report.isValid());
    }

    @Test
    void atLeastOneReceiver() {
        assertSingle(docWith("to", List.of()), "N.MessageHeader.To", "MessageHeader.To", Severity.ERROR);
    }

    @Test
    void everyReceiverNeedsAnOrganIdIndexedFromOne() {
        assertSingle(doc(h -> h.addTo(withOrganId(""))), "N.MessageHeader.To[2].OrganId",
                "MessageHeader.To[2].OrganId", Severity.ERROR);
    }

    @Test
    void nonConformingReceiverOrganIdIsAWarning() {
        assertSingle(doc(h -> h.to(List.of(withOrganId("vxp.saas.03")))), "M.MessageHeader.To[1].OrganId",
                "MessageHeader.To[1].OrganId", Severity.WARNING);
    }

    @Test
    void organNameAtMost500() {
        Organization o = org(SENDER);
        assertSingle(from(new Organization(o.organId(), "", "x".repeat(501), "", "", "", "", "")),
                "R.MessageHeader.From.OrganName", "MessageHeader.From.OrganName", Severity.ERROR);
        assertTrue(VALIDATOR.validate(from(new Organization(o.organId(), "", "x".repeat(500), "", "", "", "", "")))
                .isClean());
    }

    @Test
    void organAddAtMost500() {
        assertSingle(from(new Organization(OrganId.of(SENDER), "", "VPCP", "đ".repeat(501), "", "", "", "")),
                "R.MessageHeader.From.OrganAdd", "MessageHeader.From.OrganAdd", Severity.ERROR);
    }

    @Test
    void emailAtMost100() {
        String email = "a".repeat(93) + "@mail.vn";
        assertEquals(101, email.length());
        assertSingle(doc(h -> h.to(List.of(new Organization(OrganId.of("000.00.00.H99"), "", "UBND", "", email, "",
                "", "")))), "R.MessageHeader.To[1].Email", "MessageHeader.To[1].Email", Severity.ERROR);
    }

    @Test
    void emailMustBeWellFormedWhenPresent() {
        assertSingle(doc(h -> h.to(List.of(new Organization(OrganId.of("000.00.00.H99"), "", "UBND", "",
                "vanthu@", "", "", "")))), "M.MessageHeader.To[1].Email", "MessageHeader.To[1].Email",
                Severity.ERROR);
    }

    @Test
    void telephoneAndFaxAtMost20() {
        String phone = "0".repeat(21);
        assertSingle(from(new Organization(OrganId.of(SENDER), "", "VPCP", "", "", phone, "", "")),
                "R.MessageHeader.From.Telephone", "MessageHeader.From.Telephone", Severity.ERROR);
        assertSingle(from(new Organization(OrganId.of(SENDER), "", "VPCP", "", "", "", phone, "")),
                "R.MessageHeader.From.Fax", "MessageHeader.From.Fax", Severity.ERROR);
    }

    @Test
    void websiteOver20IsOnlyAWarning() {
        EdXmlValidationReport report = VALIDATOR.validate(from(new Organization(OrganId.of(SENDER), "", "VPCP", "", "",
                "", "", "https://vpcp.chinhphu.vn")));
        assertSingle(report, "R.MessageHeader.From.Website", "MessageHeader.From.Website", Severity.WARNING);
        assertTrue(report.isValid());
    }

    @Test
    void documentIdRequired() {
        assertSingle(doc(h -> h.documentId(DocumentId.of(""))), "N.MessageHeader.DocumentId",
                "MessageHeader.DocumentId", Severity.ERROR);
    }

    @Test
    void malformedDocumentIdIsAWarning() {
        assertSingle(doc(h -> h.documentId(DocumentId.of("123/VPCP-ABC"))), "M.MessageHeader.DocumentId",
                "MessageHeader.DocumentId", Severity.WARNING);
    }

    @Test
    void documentIdOfAnotherSenderIsAWarning() {
        Violation v = assertSingle(VALIDATOR.validate(doc(h -> h.documentId(
                DocumentId.of("000.00.00.H99,2024/05/02,123/VPCP-ABC")))), "M.MessageHeader.DocumentId",
                "MessageHeader.DocumentId", Severity.WARNING);
        assertTrue(v.message().contains("000.00.00.H99"), v::message);
    }

    @Test
    void codeNumberAndNotationRequired() {
        assertSingle(docWith("code", new Code("", "VPCP-ABC")), "N.MessageHeader.Code.CodeNumber",
                "MessageHeader.Code.CodeNumber", Severity.ERROR);
        assertSingle(docWith("code", new Code("123", " ")), "N.MessageHeader.Code.CodeNotation",
                "MessageHeader.Code.CodeNotation", Severity.ERROR);
    }

    @Test
    void codeNumberAtMost11AndNotationAtMost30() {
        assertSingle(doc(h -> h.code("1".repeat(12), "VPCP-ABC")), "R.MessageHeader.Code.CodeNumber",
                "MessageHeader.Code.CodeNumber", Severity.ERROR);
        assertSingle(doc(h -> h.code("123", "Đ".repeat(31))), "R.MessageHeader.Code.CodeNotation",
                "MessageHeader.Code.CodeNotation", Severity.ERROR);
        assertTrue(VALIDATOR.validate(doc(h -> h.code("1".repeat(11), "Đ".repeat(30)))).isClean());
    }

    @Test
    void promulgationPlaceAtMost50() {
        assertSingle(doc(h -> h.promulgation("H".repeat(51), PROMULGATED)), "R.MessageHeader.PromulgationInfo.Place",
                "MessageHeader.PromulgationInfo.Place", Severity.ERROR);
    }

    @Test
    void promulgationDateRequired() {
        assertSingle(docWith("promulgationInfo", new PromulgationInfo("Hà Nội", Optional.empty())),
                "N.MessageHeader.PromulgationInfo.PromulgationDate", "MessageHeader.PromulgationInfo.PromulgationDate",
                Severity.ERROR);
    }

    @Test
    void promulgationDateNotInTheFuture() {
        assertSingle(doc(h -> h.promulgation("Hà Nội", PROMULGATED.plusDays(1))),
                "T.MessageHeader.PromulgationInfo.PromulgationDate", "MessageHeader.PromulgationInfo.PromulgationDate",
                Severity.ERROR);
    }

    @Test
    void documentTypeIsOneOrTwo() {
        assertSingle(doc(h -> h.documentType(DocumentType.of(3, 0, "Công văn"))), "R.MessageHeader.DocumentType.Type",
                "MessageHeader.DocumentType.Type", Severity.ERROR);
        assertSingle(doc(h -> h.documentType(DocumentType.of(0, 0, "Công văn"))), "R.MessageHeader.DocumentType.Type",
                "MessageHeader.DocumentType.Type", Severity.ERROR);
        assertTrue(VALIDATOR.validate(doc(h -> h.documentType(DocumentType.of(2, 0, "Nghị định")))).isClean());
    }

    @Test
    void typeNameAtMost100() {
        assertSingle(doc(h -> h.documentType(DocumentType.of(1, 18, "c".repeat(101)))),
                "R.MessageHeader.DocumentType.TypeName", "MessageHeader.DocumentType.TypeName", Severity.ERROR);
    }

    @Test
    void subjectRequired() {
        assertSingle(docWith("subject", "  "), "N.MessageHeader.Subject", "MessageHeader.Subject", Severity.ERROR);
    }

    @Test
    void subjectAtMost500() {
        assertSingle(doc(h -> h.subject("s".repeat(501))), "R.MessageHeader.Subject", "MessageHeader.Subject",
                Severity.ERROR);
    }

    @Test
    void lengthsAreRealCharactersNotUtf16UnitsNorDotSegments() {
        String decomposed = "e\u0323\u0302"; // "ệ" in NFD: three code points, one character
        String astral = "\uD835\uDC00"; // U+1D400: two UTF-16 units, one code point
        assertTrue(VALIDATOR.validate(doc(h -> h.subject(decomposed.repeat(500)))).isClean());
        assertTrue(VALIDATOR.validate(doc(h -> h.subject(astral.repeat(500)))).isClean());
        // no dot at all: the Bkav checker's segment count would see one segment
        assertSingle(doc(h -> h.subject(decomposed.repeat(501))), "R.MessageHeader.Subject", "MessageHeader.Subject",
                Severity.ERROR);
    }

    @Test
    void contentAtMost500() {
        assertSingle(doc(h -> h.content("n".repeat(501))), "R.MessageHeader.Content", "MessageHeader.Content",
                Severity.ERROR);
    }

    @Test
    void dueDateBeforePromulgationIsAWarning() {
        EdXmlValidationReport report = VALIDATOR.validate(doc(h -> h.dueDate(PROMULGATED.minusDays(1))));
        assertSingle(report, "T.MessageHeader.DueDate", "MessageHeader.DueDate", Severity.WARNING);
        assertTrue(report.isValid());
    }

    @Test
    void eachToPlaceAtMost150() {
        assertSingle(doc(h -> h.addToPlace("p".repeat(151))), "R.MessageHeader.ToPlaces.Place[3]",
                "MessageHeader.ToPlaces.Place[3]", Severity.ERROR);
    }

    @Test
    void priorityIsZeroToFour() {
        for (int bad : new int[] {-1, 5}) {
            assertSingle(doc(h -> h.otherInfo(OtherInfo.of(bad, "", "", 1, 1))), "R.MessageHeader.OtherInfo.Priority",
                    "MessageHeader.OtherInfo.Priority", Severity.ERROR);
        }
        assertTrue(VALIDATOR.validate(doc(h -> h.otherInfo(OtherInfo.of(4, "", "", 1, 1)))).isClean());
    }

    @Test
    void sphereOfPromulgationAtMost100() {
        assertSingle(doc(h -> h.otherInfo(OtherInfo.of(0, "p".repeat(101), "", 1, 1))),
                "R.MessageHeader.OtherInfo.SphereOfPromulgation", "MessageHeader.OtherInfo.SphereOfPromulgation",
                Severity.ERROR);
    }

    @Test
    void typerNotationAtMost10() {
        assertSingle(doc(h -> h.otherInfo(OtherInfo.of(0, "", "t".repeat(11), 1, 1))),
                "R.MessageHeader.OtherInfo.TyperNotation", "MessageHeader.OtherInfo.TyperNotation", Severity.ERROR);
    }

    @Test
    void amountsAreUnsignedShorts() {
        assertSingle(doc(h -> h.otherInfo(OtherInfo.of(0, "", "", 65_536, 1))),
                "R.MessageHeader.OtherInfo.PromulgationAmount", "MessageHeader.OtherInfo.PromulgationAmount",
                Severity.ERROR);
        assertSingle(doc(h -> h.otherInfo(OtherInfo.of(0, "", "", 1, -1))), "R.MessageHeader.OtherInfo.PageAmount",
                "MessageHeader.OtherInfo.PageAmount", Severity.ERROR);
        assertTrue(VALIDATOR.validate(doc(h -> h.otherInfo(OtherInfo.of(0, "", "", 65_535, 0)))).isClean());
    }

    @Test
    void absentOptionalNumbersAreNotChecked() {
        OtherInfo none = new OtherInfo(OptionalInt.empty(), "", "", OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), List.of(), List.of());
        assertTrue(VALIDATOR.validate(doc(h -> h.otherInfo(none)
                .documentType(new DocumentType(OptionalInt.empty(), OptionalInt.empty(), "")))).isClean());
    }

    @Test
    void steeringTypeIsZeroOrOne() {
        assertSingle(doc(h -> h.steeringType(2)), "R.MessageHeader.SteeringType", "MessageHeader.SteeringType",
                Severity.ERROR);
        assertTrue(VALIDATOR.validate(doc(h -> h.steeringType(1))).isClean());
    }
}
