package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.VALIDATOR;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.assertSingle;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.edxml.Violation.Severity;

/** The {@code TraceHeaderList} rules: hops, and the business block each business type needs. */
class EdXmlValidatorTraceTest {
    private static final DocumentId EARLIER = DocumentId.of("000.00.00.G22,2024/04/20,100/VPCP-ABC");
    private static final TraceHeader HOP = TraceHeader.of(OrganId.of("000.00.00.G22"),
            LocalDateTime.of(2024, 5, 2, 9, 0));

    private static DocumentPackage with(TraceHeaderList trace) {
        return DocumentPackage.builder().header(EdXmlValidatorDocumentTest.header().build()).trace(trace)
                .addAttachment(EdXmlValidatorDocumentTest.attachment("cid:1", "cv123.pdf")).build();
    }

    private static DocumentPackage with(Business business) {
        return with(EdXmlValidatorDocumentTest.trace(business));
    }

    private static Business business(BusinessDocType type, DocumentId id, List<BusinessDocumentInfo> infos,
            List<ReplacementInfo> replacements) {
        return new Business(Optional.ofNullable(id), type, type.defaultReason(), OptionalInt.of(0), infos,
                replacements, List.of(), List.of());
    }

    private static EdXmlValidationReport validate(DocumentPackage pkg) {
        return VALIDATOR.validate(pkg);
    }

    @Test
    void businessBlockRequired() {
        assertSingle(validate(with(new TraceHeaderList(List.of(HOP), Optional.empty(), Map.of()))),
                "N.TraceHeaderList.Bussiness", "TraceHeaderList.Bussiness", Severity.ERROR);
    }

    @Test
    void eachHopNeedsOrganIdAndTimestamp() {
        TraceHeaderList trace = new TraceHeaderList(List.of(HOP, new TraceHeader(OrganId.of(""), Optional.empty())),
                Optional.of(EdXmlValidatorDocumentTest.newDocument()), Map.of());
        EdXmlValidationReport report = validate(with(trace));
        assertEquals(List.of("N.TraceHeaderList.TraceHeader[2].OrganId", "N.TraceHeaderList.TraceHeader[2].Timestamp"),
                report.violations().stream().map(Violation::code).toList());
        assertEquals(List.of("TraceHeaderList.TraceHeader[2].OrganId", "TraceHeaderList.TraceHeader[2].Timestamp"),
                report.violations().stream().map(Violation::path).toList());
        assertTrue(report.violations().stream().allMatch(Violation::isError));
    }

    @Test
    void axisSystemIdsInHopsAreNotWarnedAbout() {
        TraceHeaderList trace = EdXmlValidatorDocumentTest.trace(EdXmlValidatorDocumentTest.newDocument())
                .withHop(TraceHeader.of(OrganId.of("vxp.saas.03"), LocalDateTime.of(2024, 5, 2, 9, 1)));
        assertTrue(validate(with(trace)).isClean());
    }

    @Test
    void revokeNeedsTheDocumentId() {
        assertSingle(validate(with(business(BusinessDocType.REVOKE, null, List.of(), List.of()))),
                "N.TraceHeaderList.Bussiness.DocumentId", "TraceHeaderList.Bussiness.DocumentId", Severity.ERROR);
        assertSingle(validate(with(business(BusinessDocType.REVOKE, DocumentId.of(""), List.of(), List.of()))),
                "N.TraceHeaderList.Bussiness.DocumentId", "TraceHeaderList.Bussiness.DocumentId", Severity.ERROR);
        assertTrue(validate(with(business(BusinessDocType.REVOKE, EARLIER, List.of(), List.of()))).isClean());
    }

    @Test
    void updateNeedsTheDocumentId() {
        BusinessDocumentInfo info = new BusinessDocumentInfo(OptionalInt.of(1), OptionalInt.of(0), List.of());
        assertSingle(validate(with(business(BusinessDocType.UPDATE, null, List.of(info), List.of()))),
                "N.TraceHeaderList.Bussiness.DocumentId", "TraceHeaderList.Bussiness.DocumentId", Severity.ERROR);
        assertTrue(validate(with(business(BusinessDocType.UPDATE, EARLIER, List.of(info), List.of()))).isClean());
    }

    @Test
    void updateNeedsABusinessDocumentInfo() {
        assertSingle(validate(with(business(BusinessDocType.UPDATE, EARLIER, List.of(), List.of()))),
                "N.TraceHeaderList.Bussiness.BussinessDocumentInfo", "TraceHeaderList.Bussiness.BussinessDocumentInfo",
                Severity.ERROR);
    }

    @Test
    void replaceNeedsAReplacementInfo() {
        assertSingle(validate(with(business(BusinessDocType.REPLACE, null, List.of(), List.of()))),
                "N.TraceHeaderList.Bussiness.ReplacementInfoList.ReplacementInfo",
                "TraceHeaderList.Bussiness.ReplacementInfoList.ReplacementInfo", Severity.ERROR);
    }

    @Test
    void eachReplacementInfoNeedsADocumentId() {
        List<ReplacementInfo> list = List.of(new ReplacementInfo(EARLIER, List.of(OrganId.of("000.00.00.H99"))),
                new ReplacementInfo(DocumentId.of(""), List.of()));
        assertSingle(validate(with(business(BusinessDocType.REPLACE, null, List.of(), list))),
                "N.TraceHeaderList.Bussiness.ReplacementInfoList.ReplacementInfo[2].DocumentId",
                "TraceHeaderList.Bussiness.ReplacementInfoList.ReplacementInfo[2].DocumentId", Severity.ERROR);
        assertTrue(validate(with(business(BusinessDocType.REPLACE, null, List.of(), list.subList(0, 1)))).isClean());
    }
}
