package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.CLOCK;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.VALIDATOR;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.assertSingle;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.edxml.Violation.Severity;

/** The rules of a status package (the validator's clock says 2024-05-02 10:30 in Asia/Ho_Chi_Minh). */
class EdXmlValidatorStatusTest {
    private static final ResponseFor RESPONSE_FOR = new ResponseFor(OrganId.of("000.00.00.G22"), "123/VPCP-ABC",
            Optional.of(LocalDate.of(2024, 5, 2)), DocumentId.of("000.00.00.G22,2024/05/02,123/VPCP-ABC"));
    private static final LocalDateTime AT = LocalDateTime.of(2024, 5, 2, 10, 15);

    private static StatusPackage status(Organization from, ResponseFor responseFor, Optional<StaffInfo> staff,
            EdocStatus code, String description, Optional<LocalDateTime> timestamp) {
        return new StatusPackage(from, responseFor, staff, code, description, timestamp, Optional.empty(),
                Optional.empty(), List.of());
    }

    private static StatusPackage baseline() {
        return status(EdXmlValidatorDocumentTest.org("000.00.00.H99"), RESPONSE_FOR,
                Optional.of(StaffInfo.of("Văn thư", "Nguyễn Văn A", "", "")), EdocStatus.ACCEPTED,
                "Tiếp nhận, vào sổ văn bản đến", Optional.of(AT));
    }

    private static StatusPackage withFrom(String organId) {
        StatusPackage b = baseline();
        return status(new Organization(OrganId.of(organId), "", "UBND tỉnh X", "", "", "", "", ""), b.responseFor(), b.staff(), b.status(),
                b.description(), b.timestamp());
    }

    private static StatusPackage withResponseFor(String organId, String documentId) {
        StatusPackage b = baseline();
        return status(b.from(), new ResponseFor(OrganId.of(organId), "", Optional.empty(), DocumentId.of(documentId)),
                b.staff(), b.status(), b.description(), b.timestamp());
    }

    private static StatusPackage withStatus(EdocStatus code, String description) {
        StatusPackage b = baseline();
        return status(b.from(), b.responseFor(), b.staff(), code, description, b.timestamp());
    }

    private static StatusPackage withTimestamp(LocalDateTime timestamp) {
        StatusPackage b = baseline();
        return status(b.from(), b.responseFor(), b.staff(), b.status(), b.description(),
                Optional.ofNullable(timestamp));
    }

    @Test
    void baselineIsClean() {
        assertTrue(VALIDATOR.validate(baseline()).isClean(), () -> VALIDATOR.validate(baseline()).toString());
        StatusPackage noStaff = status(baseline().from(), RESPONSE_FOR, Optional.empty(), EdocStatus.RECEIVED, "",
                Optional.of(AT));
        assertTrue(VALIDATOR.validate(noStaff).isClean(), "StaffInfo and Description are optional");
    }

    @Test
    void senderOrganIdRequired() {
        assertSingle(VALIDATOR.validate(withFrom("")), "N.MessageHeader.From.OrganId", "MessageHeader.From.OrganId",
                Severity.ERROR);
    }

    @Test
    void nonConformingSenderOrganIdIsAWarning() {
        EdXmlValidationReport report = VALIDATOR.validate(withFrom("H37.02.02"));
        assertSingle(report, "M.MessageHeader.From.OrganId", "MessageHeader.From.OrganId", Severity.WARNING);
        assertTrue(report.isValid());
    }

    @Test
    void senderFieldLimitsApplyToo() {
        StatusPackage b = baseline();
        Organization from = new Organization(OrganId.of("000.00.00.H99"), "", "UBND", "", "not-an-address", "", "",
                "");
        assertSingle(VALIDATOR.validate(status(from, b.responseFor(), b.staff(), b.status(), b.description(),
                b.timestamp())), "M.MessageHeader.From.Email", "MessageHeader.From.Email", Severity.ERROR);
    }

    @Test
    void responseForOrganIdRequired() {
        assertSingle(VALIDATOR.validate(withResponseFor("", RESPONSE_FOR.documentId().value())),
                "N.MessageHeader.ResponseFor.OrganId", "MessageHeader.ResponseFor.OrganId", Severity.ERROR);
    }

    @Test
    void nonConformingResponseForOrganIdIsAWarning() {
        assertSingle(VALIDATOR.validate(withResponseFor("28.22.H17", RESPONSE_FOR.documentId().value())),
                "M.MessageHeader.ResponseFor.OrganId", "MessageHeader.ResponseFor.OrganId", Severity.WARNING);
    }

    @Test
    void responseForDocumentIdRequired() {
        assertSingle(VALIDATOR.validate(withResponseFor("000.00.00.G22", "")),
                "N.MessageHeader.ResponseFor.DocumentId", "MessageHeader.ResponseFor.DocumentId", Severity.ERROR);
    }

    @Test
    void staffNameMissingFromStaffInfoIsAWarning() {
        StatusPackage b = baseline();
        EdXmlValidationReport report = VALIDATOR.validate(status(b.from(), b.responseFor(),
                Optional.of(StaffInfo.of("Văn thư", "", "", "")), b.status(), b.description(), b.timestamp()));
        assertSingle(report, "N.MessageHeader.StaffInfo.Staff", "MessageHeader.StaffInfo.Staff", Severity.WARNING);
        assertTrue(report.isValid());
    }

    @Test
    void statusCodeRequired() {
        assertSingle(VALIDATOR.validate(withStatus(EdocStatus.of(""), "")), "N.MessageHeader.StatusCode",
                "MessageHeader.StatusCode", Severity.ERROR);
    }

    @Test
    void statusCodeUnknownToQd28IsAWarning() {
        EdXmlValidationReport report = VALIDATOR.validate(withStatus(EdocStatus.of("07"), ""));
        assertSingle(report, "R.MessageHeader.StatusCode", "MessageHeader.StatusCode", Severity.WARNING);
        assertTrue(report.isValid());
        for (EdocStatus known : EdocStatus.known()) {
            assertTrue(VALIDATOR.validate(withStatus(known, "")).isClean(), known::toString);
        }
    }

    @Test
    void descriptionAtMost500ByDefaultAndConfigurable() {
        assertSingle(VALIDATOR.validate(withStatus(EdocStatus.ACCEPTED, "d".repeat(501))),
                "R.MessageHeader.Description", "MessageHeader.Description", Severity.ERROR);
        EdXmlValidator longer = VALIDATOR.toBuilder().maxLength(EdXmlValidator.Limit.STATUS_DESCRIPTION, 2000).build();
        assertTrue(longer.validate(withStatus(EdocStatus.ACCEPTED, "d".repeat(2000))).isClean());
    }

    @Test
    void timestampRequired() {
        assertSingle(VALIDATOR.validate(withTimestamp(null)), "N.MessageHeader.Timestamp", "MessageHeader.Timestamp",
                Severity.ERROR);
    }

    @Test
    void timestampAtMostFiveMinutesAheadOfTheClock() {
        // the clock says 10:30 in Asia/Ho_Chi_Minh
        assertTrue(VALIDATOR.validate(withTimestamp(LocalDateTime.of(2024, 5, 2, 10, 35))).isClean());
        assertSingle(VALIDATOR.validate(withTimestamp(LocalDateTime.of(2024, 5, 2, 10, 35, 1))),
                "T.MessageHeader.Timestamp", "MessageHeader.Timestamp", Severity.ERROR);
    }

    @Test
    void futureSkewConfigurable() {
        EdXmlValidator strict = EdXmlValidator.builder().clock(CLOCK).futureSkew(Duration.ZERO).build();
        assertEquals(Duration.ZERO, strict.futureSkew());
        assertSingle(strict.validate(withTimestamp(LocalDateTime.of(2024, 5, 2, 10, 31))),
                "T.MessageHeader.Timestamp", "MessageHeader.Timestamp", Severity.ERROR);
        EdXmlValidator lax = EdXmlValidator.builder().clock(CLOCK).futureSkew(Duration.ofHours(1)).build();
        assertTrue(lax.validate(withTimestamp(LocalDateTime.of(2024, 5, 2, 11, 30))).isClean());
    }

    @Test
    void traceHopsOfAStatusPackageAreChecked() {
        StatusPackage b = baseline();
        TraceHeaderList trace = new TraceHeaderList(List.of(new TraceHeader(OrganId.of("vxp.saas.03"),
                Optional.empty())), Optional.empty(), Map.of());
        StatusPackage withTrace = new StatusPackage(b.from(), b.responseFor(), b.staff(), b.status(),
                b.description(), b.timestamp(), Optional.of(trace), Optional.empty(), List.of());
        assertSingle(VALIDATOR.validate(withTrace), "N.TraceHeaderList.TraceHeader[1].Timestamp",
                "TraceHeaderList.TraceHeader[1].Timestamp", Severity.ERROR);
    }
}
