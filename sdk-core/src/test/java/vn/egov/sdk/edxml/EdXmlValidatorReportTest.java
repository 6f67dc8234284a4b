package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.CLOCK;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.PROMULGATED;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.VALIDATOR;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.assertSingle;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.attachment;
import static vn.egov.sdk.edxml.EdXmlValidatorDocumentTest.doc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.edxml.EdXmlValidator.Limit;
import vn.egov.sdk.edxml.Violation.Kind;
import vn.egov.sdk.edxml.Violation.Severity;

/** The report as a whole: everything at once, errors vs warnings, the exception, settings, the clock. */
class EdXmlValidatorReportTest {
    /** A package with many problems, errors and warnings, in several parts of the package. */
    private static DocumentPackage broken() {
        MessageHeader valid = EdXmlValidatorDocumentTest.header()
                .from(new Organization(OrganId.of(""), "", "VPCP", "", "", "", "", "https://vpcp.chinhphu.gov.vn"))
                .promulgation("Hà Nội", PROMULGATED.plusDays(1))
                .dueDate(PROMULGATED.minusDays(1))
                .otherInfo(OtherInfo.of(9, "", "", 1, 1))
                .build();
        // what the strict builder refuses, as a received package may carry it
        Map<String, Object> missing = new java.util.HashMap<>();
        missing.put("to", List.of());
        missing.put("code", new Code("", "VPCP-ABC"));
        missing.put("subject", "");
        MessageHeader header = LenientRecords.with(valid, missing);
        TraceHeaderList noBusiness = new TraceHeaderList(List.of(), Optional.empty(), Map.of());
        return DocumentPackage.builder().header(header).trace(noBusiness).manifest(List.of())
                .addAttachment(attachment("1", "a.pdf")).build();
    }

    @Test
    void reportsEveryProblemAtOnceInElementOrder() {
        EdXmlValidationReport report = VALIDATOR.validate(broken());
        assertEquals(List.of(
                "N.MessageHeader.From.OrganId",
                "R.MessageHeader.From.Website",
                "N.MessageHeader.To",
                "N.MessageHeader.Code.CodeNumber",
                "T.MessageHeader.PromulgationInfo.PromulgationDate",
                "N.MessageHeader.Subject",
                "T.MessageHeader.DueDate",
                "R.MessageHeader.OtherInfo.Priority",
                "N.TraceHeaderList.Bussiness",
                "M.Attachments[1].ContentId",
                "M.Attachments[1]"), report.violations().stream().map(Violation::code).toList());
        assertEquals(List.of("R.MessageHeader.From.Website", "T.MessageHeader.DueDate", "M.Attachments[1].ContentId"),
                report.warnings().stream().map(Violation::code).toList());
        assertEquals(8, report.errors().size());
        assertFalse(report.isValid());
        assertFalse(report.isClean());
        for (Violation v : report.violations()) {
            assertEquals(v.kind().orElseThrow().prefix() + "." + v.path(), v.code());
        }
        assertEquals(Severity.WARNING, report.find("T.MessageHeader.DueDate").orElseThrow().severity());
        assertTrue(report.find("N.Nothing").isEmpty());
    }

    @Test
    void throwIfInvalidListsTheErrorsOnlyWithTheSameCodesPathsAndMessages() {
        EdXmlValidationReport report = VALIDATOR.validate(broken());
        ValidationException e = assertThrows(ValidationException.class, report::throwIfInvalid);
        List<FieldError> expected = report.errors().stream()
                .map(v -> new FieldError(v.code(), v.path(), v.message())).toList();
        assertEquals(expected, e.errors());
        assertTrue(e.errors().stream().noneMatch(f -> f.code().equals("T.MessageHeader.DueDate")));
        assertTrue(e.getMessage().startsWith("8 validation error(s)"), e::getMessage);
    }

    @Test
    void warningsAloneKeepTheReportValid() {
        DocumentPackage pkg = doc(h -> h.from(new Organization(OrganId.of("28.22.H17"), "", "UBND", "", "", "", "",
                "https://www.example.gov.vn")).dueDate(PROMULGATED.minusDays(3)));
        EdXmlValidationReport report = VALIDATOR.validate(pkg);
        assertEquals(3, report.warnings().size(), report::toString);
        assertTrue(report.errors().isEmpty());
        assertTrue(report.isValid());
        assertFalse(report.isClean());
        assertSame(report, report.throwIfInvalid());
    }

    @Test
    void lengthLimitsAreConfigurable() {
        EdXmlValidator strict = VALIDATOR.toBuilder().maxLength(Limit.ORGAN_NAME, 200).build();
        assertEquals(200, strict.maxLength(Limit.ORGAN_NAME));
        assertEquals(500, VALIDATOR.maxLength(Limit.ORGAN_NAME));
        DocumentPackage name201 = doc(h -> h.from(new Organization(OrganId.of("000.00.00.G22"), "", "x".repeat(201),
                "", "", "", "", "")));
        assertTrue(VALIDATOR.validate(name201).isClean());
        assertSingle(strict.validate(name201), "R.MessageHeader.From.OrganName", "MessageHeader.From.OrganName",
                Severity.ERROR);

        EdXmlValidator relaxed = VALIDATOR.toBuilder().maxLength(Limit.SUBJECT, 1000).maxLength(Limit.WEBSITE, 255)
                .build();
        DocumentPackage longOnes = doc(h -> h.subject("s".repeat(1000)).from(new Organization(
                OrganId.of("000.00.00.G22"), "", "VPCP", "", "", "", "", "https://vpcp.chinhphu.gov.vn")));
        assertTrue(relaxed.validate(longOnes).isClean(), () -> relaxed.validate(longOnes).toString());
        assertEquals(2, VALIDATOR.validate(longOnes).violations().size());
    }

    @Test
    void everyLimitDefaultsToTheCheckerValue() {
        for (Limit limit : Limit.values()) {
            assertEquals(limit.defaultMax(), EdXmlValidator.defaults().maxLength(limit), limit::name);
        }
        assertEquals(500, Limit.SUBJECT.defaultMax());
        assertEquals(20, Limit.WEBSITE.defaultMax());
        assertEquals(11, Limit.CODE_NUMBER.defaultMax());
        assertThrows(ValidationException.class, () -> EdXmlValidator.builder().maxLength(Limit.SUBJECT, -1));
    }

    @Test
    void organIdPatternIsConfigurable() {
        EdXmlValidator lenient = VALIDATOR.toBuilder()
                .organIdPattern(Pattern.compile("(\\d{2,3}\\.){2,3}[A-Z]\\d{2}")).build();
        DocumentPackage pkg = doc(h -> h.from(new Organization(OrganId.of("28.22.H17"), "", "UBND", "", "", "", "",
                "")));
        assertEquals(1, VALIDATOR.validate(pkg).warnings().size());
        assertTrue(lenient.validate(pkg).isClean());
    }

    @Test
    void theInjectedClockDecidesWhatIsInTheFuture() {
        MessageHeader promulgatedTomorrow = EdXmlValidatorDocumentTest.header()
                .promulgation("Hà Nội", PROMULGATED.plusDays(1)).build();
        DocumentPackage tomorrow = EdXmlValidatorDocumentTest.docOf(
                LenientRecords.with(promulgatedTomorrow, "dueDate", Optional.empty()));
        assertSingle(VALIDATOR.validate(tomorrow), "T.MessageHeader.PromulgationInfo.PromulgationDate",
                "MessageHeader.PromulgationInfo.PromulgationDate", Severity.ERROR);
        EdXmlValidator dayLater = VALIDATOR.toBuilder().clock(Clock.offset(CLOCK, Duration.ofDays(1)))
                .build();
        assertTrue(dayLater.validate(tomorrow).isClean());
    }

    @Test
    void todayIsTakenInHoChiMinhCityWhateverTheClockZone() {
        // 2024-05-01 20:00 UTC is already 2024-05-02 03:00 in Asia/Ho_Chi_Minh
        Instant lateUtc = Instant.parse("2024-05-01T20:00:00Z");
        DocumentPackage today = doc(h -> h.promulgation("Hà Nội", PROMULGATED));
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("America/New_York"))) {
            EdXmlValidator v = EdXmlValidator.builder().clock(Clock.fixed(lateUtc, zone)).build();
            assertTrue(v.validate(today).isClean(), zone::toString);
        }
        // one second before midnight in Hà Nội (16:59:59 UTC) the same date is still in the future
        EdXmlValidator before = EdXmlValidator.builder()
                .clock(Clock.fixed(Instant.parse("2024-05-01T16:59:59Z"), ZoneOffset.UTC)).build();
        assertSingle(before.validate(today), "T.MessageHeader.PromulgationInfo.PromulgationDate",
                "MessageHeader.PromulgationInfo.PromulgationDate", Severity.ERROR);
    }

    @Test
    void defaultsUseTheSystemClockAndDefaultSettings() {
        EdXmlValidator d = EdXmlValidator.defaults();
        assertNotNull(d.clock());
        assertEquals(EdXmlValidator.DEFAULT_FUTURE_SKEW, d.futureSkew());
        assertEquals(EdXmlValidator.DEFAULT_ORGAN_ID_PATTERN.pattern(), d.organIdPattern().pattern());
        // the baseline was promulgated in 2024: not in the future by the system clock either
        assertTrue(d.validate(doc(EdXmlValidatorDocumentTest.header())).isClean());
    }

    @Test
    void nullsAreRejected() {
        assertEquals("EdXmlValidator.pkg", assertThrows(vn.egov.sdk.core.ValidationException.class,
                () -> VALIDATOR.validate(null)).errors().get(0).path());
        assertThrows(vn.egov.sdk.core.ValidationException.class, () -> EdXmlValidator.builder().clock(null));
        assertThrows(vn.egov.sdk.core.ValidationException.class,
                () -> new Violation("N.X", "X", null, Severity.ERROR));
        assertThrows(ValidationException.class, () -> new Violation(" ", "X", "m", Severity.ERROR));
    }

    @Test
    void violationAndReportValues() {
        Violation v = Violation.of(Kind.TIME, "MessageHeader.Timestamp", "in the future", Severity.ERROR);
        assertEquals("T.MessageHeader.Timestamp", v.code());
        assertEquals(Optional.of(Kind.TIME), v.kind());
        assertEquals(new FieldError("T.MessageHeader.Timestamp", "MessageHeader.Timestamp", "in the future"),
                v.toFieldError());
        assertEquals(Optional.empty(), new Violation("X", "X", "m", Severity.WARNING).kind());
        EdXmlValidationReport empty = new EdXmlValidationReport(null);
        assertTrue(empty.isValid() && empty.isClean());
        assertSame(empty, empty.throwIfInvalid());
        List<Violation> list = new ArrayList<>(List.of(v));
        EdXmlValidationReport copy = new EdXmlValidationReport(list);
        list.clear();
        assertEquals(1, copy.violations().size());
        assertThrows(UnsupportedOperationException.class, () -> copy.violations().clear());
    }
}
