package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.VALIDATOR;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.assertSingle;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.attachment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.edxml.Violation.Severity;

/** The rules linking the manifest's {@code Reference}s and the {@code Attachment}s. */
class EdXmlValidatorManifestTest {
    private static Reference ref(String contentId, String name) {
        return new Reference(contentId, "application/pdf", "", name, Map.of());
    }

    private static EdXmlValidationReport validate(List<Reference> manifest, List<Attachment> attachments) {
        DocumentPackage.Builder b = DocumentPackage.builder().header(EdXmlValidatorDocumentTest.header().build())
                .trace(EdXmlValidatorDocumentTest.trace(EdXmlValidatorDocumentTest.newDocument())).manifest(manifest);
        attachments.forEach(b::addAttachment);
        return VALIDATOR.validate(b.build());
    }

    private static void assertViolations(EdXmlValidationReport report, List<String> codes, Severity severity) {
        assertEquals(codes, report.violations().stream().map(Violation::code).toList(), report::toString);
        assertTrue(report.violations().stream().allMatch(v -> v.severity() == severity));
        assertTrue(report.violations().stream().allMatch(v -> v.code().equals(v.code().charAt(0) + "." + v.path())));
    }

    @Test
    void manyAttachmentsMatchingTheirReferencesAreClean() {
        assertTrue(validate(List.of(ref("cid:2", "b.pdf"), ref("cid:1", "a.pdf")),
                List.of(attachment("cid:1", "a.pdf"), attachment("cid:2", "b.pdf"))).isClean());
        assertTrue(validate(List.of(), List.of()).isClean(), "a document without attachment is allowed");
    }

    @Test
    void referenceWithoutAttachment() {
        assertSingle(validate(List.of(ref("cid:1", "a.pdf"), ref("cid:2", "b.pdf")), List.of(attachment("cid:1",
                "a.pdf"))), "M.Manifest.Reference[2]", "Manifest.Reference[2]", Severity.ERROR);
    }

    @Test
    void attachmentNotInManifest() {
        assertSingle(validate(List.of(ref("cid:1", "a.pdf")), List.of(attachment("cid:1", "a.pdf"),
                attachment("cid:2", "b.pdf"))), "M.Attachments[2]", "Attachments[2]", Severity.ERROR);
    }

    @Test
    void attachmentContentIdsAreUnique() {
        assertViolations(validate(List.of(ref("cid:1", "a.pdf")),
                List.of(attachment("cid:1", "a.pdf"), attachment("cid:1", "a2.pdf"))),
                List.of("M.Manifest.Reference[1]", "M.Attachments[2]"), Severity.ERROR);
    }

    @Test
    void referenceContentIdsAreUnique() {
        assertViolations(validate(List.of(ref("cid:1", "a.pdf"), ref("cid:1", "a.pdf")),
                List.of(attachment("cid:1", "a.pdf"))),
                List.of("M.Manifest.Reference[2]", "M.Attachments[1]"), Severity.ERROR);
    }

    @Test
    void contentIdsRequired() {
        assertViolations(validate(List.of(ref("", "a.pdf")), List.of(attachment(" ", "a.pdf"))),
                List.of("N.Manifest.Reference[1].ContentId", "N.Attachments[1].ContentId"), Severity.ERROR);
    }

    @Test
    void contentIdWithoutCidPrefixIsAWarning() {
        EdXmlValidationReport report = validate(List.of(ref("1", "a.pdf")), List.of(attachment("1", "a.pdf")));
        assertViolations(report, List.of("M.Manifest.Reference[1].ContentId", "M.Attachments[1].ContentId"),
                Severity.WARNING);
        assertTrue(report.isValid());
    }

    @Test
    void attachmentNameRequiredOnBothSides() {
        assertSingle(validate(List.of(ref("cid:1", "a.pdf")), List.of(attachment("cid:1", ""))),
                "N.Attachments[1].AttachmentName", "Attachments[1].AttachmentName", Severity.ERROR);
        assertSingle(validate(List.of(ref("cid:1", "")), List.of(attachment("cid:1", "a.pdf"))),
                "N.Manifest.Reference[1].AttachmentName", "Manifest.Reference[1].AttachmentName", Severity.ERROR);
    }

    @Test
    void attachmentNameAtMost500() {
        String name = "tệp".repeat(166) + ".pdf"; // 502 characters
        assertViolations(validate(List.of(ref("cid:1", name)), List.of(attachment("cid:1", name))),
                List.of("R.Manifest.Reference[1].AttachmentName", "R.Attachments[1].AttachmentName"), Severity.ERROR);
        String ok = "tệp".repeat(165) + ".pdf"; // 499 characters
        assertTrue(validate(List.of(ref("cid:1", ok)), List.of(attachment("cid:1", ok))).isClean());
    }
}
