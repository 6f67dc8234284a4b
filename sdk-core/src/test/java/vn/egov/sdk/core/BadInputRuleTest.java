package vn.egov.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.auth.LgspAccessToken;
import vn.egov.sdk.core.auth.LgspLogin;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.core.auth.StaticHeaders;
import vn.egov.sdk.core.auth.VdxpHeaderBundle;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.xml.XmlLimits;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentId;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlFormatException;
import vn.egov.sdk.edxml.EdXmlReadOptions;
import vn.egov.sdk.edxml.EdXmlValidator;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.OrganId;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.ZipAttachments;

/**
 * One rule for bad input across sdk-core's public entry points: a caller's mistake (null, empty where required,
 * out of range, a missing builder field) is a {@link ValidationException} naming the field; a bad document is a
 * format error ({@link EdXmlFormatException}); never an NPE, an {@code IllegalArgumentException} or
 * {@code IllegalStateException}, and no message ending in "null".
 */
class BadInputRuleTest {
    private static final byte[] JUNK = "%PDF-1.4 not xml at all".getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> callersMistakes() {
        return Stream.of(
                mistake("DocumentPackage.Builder.addAttachment(null)",
                        () -> DocumentPackage.builder().addAttachment(null), "DocumentPackage.attachments"),
                mistake("RetryPolicy.Builder.retryableStatuses(null)",
                        () -> RetryPolicy.builder().retryableStatuses(null), "RetryPolicy.retryableStatuses"),
                mistake("Organization.of(null id)", () -> Organization.of(null, "UBND"), "Organization.organId"),
                mistake("Organization.of(blank id)", () -> Organization.of("  ", "UBND"), "Organization.organId"),
                mistake("Organization.of(null name)", () -> Organization.of("000.00.00.G22", null),
                        "Organization.organName"),
                mistake("OrganId.of(null)", () -> OrganId.of(null), "OrganId.value"),
                mistake("DocumentId.of(null)", () -> DocumentId.of((String) null), "DocumentId.value"),
                mistake("DocumentId.of(null parts)", () -> DocumentId.of(null, LocalDate.now(), "1", "A"),
                        "DocumentId.sender"),
                mistake("EdocStatus.of(null)", () -> EdocStatus.of(null), "EdocStatus.code"),
                mistake("MessageHeader.builder().build()", () -> MessageHeader.builder().build(),
                        "MessageHeader.from"),
                mistake("MessageHeader without subject", () -> MessageHeader.builder()
                        .from(Organization.of("000.00.00.G22", "VPCP")).addTo(Organization.of("000.00.00.H41", "NA"))
                        .code("1", "VPCP").promulgation("Hà Nội", LocalDate.of(2024, 5, 2)).build(),
                        "MessageHeader.subject"),
                mistake("MessageHeader.addTo(null)", () -> MessageHeader.builder().addTo(null), "MessageHeader.to[0]"),
                mistake("MessageHeader.to([null])", () -> MessageHeader.builder().to(java.util.Arrays.asList(
                        (Organization) null)), "MessageHeader.to[0]"),
                mistake("MessageHeader.subject(null)", () -> MessageHeader.builder().subject(null),
                        "MessageHeader.subject"),
                mistake("MessageHeader.code(null, …)", () -> MessageHeader.builder().code(null, "A"),
                        "MessageHeader.code.codeNumber"),
                mistake("EdXml.read(null)", () -> EdXml.read(null), "EdXml.read.in"),
                mistake("EdXml.read(in, null)", () -> EdXml.read(new ByteArrayInputStream(JUNK), null),
                        "EdXml.read.options"),
                mistake("EdXml.write(null, out)", () -> EdXml.write(null, new ByteArrayOutputStream()),
                        "EdXml.write.pkg"),
                mistake("AttachmentContent.ofBytes(null)", () -> AttachmentContent.ofBytes(null),
                        "AttachmentContent.bytes"),
                mistake("AttachmentContent.ofFile(null)", () -> AttachmentContent.ofFile(null),
                        "AttachmentContent.file"),
                mistake("Attachment without content", () -> new Attachment("cid:1", "a.pdf", "", "application/pdf",
                        null), "Attachment.content"),
                mistake("ZipAttachments.unwrap(null)", () -> ZipAttachments.unwrap(null), "ZipAttachments"),
                mistake("EdXmlReadOptions negative", () -> EdXmlReadOptions.builder().maxAttachments(-1),
                        "EdXmlReadOptions.maxAttachments"),
                mistake("EdXmlValidator negative length", () -> EdXmlValidator.builder()
                        .maxLength(EdXmlValidator.Limit.SUBJECT, -1), "EdXmlValidator.maxLength"),
                mistake("EdXmlValidator negative skew", () -> EdXmlValidator.builder()
                        .futureSkew(Duration.ofSeconds(-1)), "EdXmlValidator.futureSkew"),
                mistake("XmlLimits.builder().maxDepth(0)", () -> XmlLimits.builder().maxDepth(0), "XmlLimits.maxDepth"),
                mistake("Secret.of(null)", () -> Secret.of(null), "secret"),
                mistake("ApiRequest junk url", () -> ApiRequest.get("not a url"), "ApiRequest.url"),
                mistake("ApiRequest null url", () -> ApiRequest.get(null), "ApiRequest.url"),
                mistake("VdxpHeaderBundle null system", () -> VdxpHeaderBundle.builder(null, Secret.of("k"),
                        Clock.systemUTC()), "VdxpHeaderBundle.systemId"),
                mistake("ErrorDetails negative attempts", () -> ErrorDetails.of(Fault.CALLER, false)
                        .withCall("c-1", -1), "ErrorDetails.attempts"),
                mistake("ValidationException.requireText(\"\")", () -> ValidationException.requireText("",
                        "Some.field"), "Some.field"));
    }

    private static Arguments mistake(String name, Executable call, String field) {
        return Arguments.of(name, call, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callersMistakes")
    void aCallersMistakeIsAValidationExceptionNamingTheField(String name, Executable call, String field) {
        Throwable thrown = assertThrows(Throwable.class, call, name);
        ValidationException e = assertInstanceOf(ValidationException.class, thrown,
                () -> name + " threw " + thrown);
        assertTrue(e.errors().stream().anyMatch(f -> f.path().startsWith(field)),
                () -> name + ": no error names " + field + ": " + e.errors());
        assertNoNullEnding(e);
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("junk", JUNK),
                Arguments.of("empty", new byte[0]),
                Arguments.of("truncated", "<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("not edXML", "<html/>".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void aBadDocumentIsAFormatError(String name, byte[] bytes) {
        EdXmlFormatException e = assertThrows(EdXmlFormatException.class,
                () -> EdXml.read(new ByteArrayInputStream(bytes)), name);
        assertNoNullEnding(e);
    }

    @Test
    void causesWithoutAMessageAreNamedByTheirClass() {
        assertTrue(Causes.describe(new EOFException()).equals("EOFException"));
        assertTrue(Causes.describe(new RuntimeException("disk full")).equals("disk full"));
        assertFalse(Causes.describe(null).isBlank());
        assertEquals("EOFException", Causes.describeWithType(new EOFException()));
        assertEquals("NoSuchFileException: /data/journal",
                Causes.describeWithType(new java.nio.file.NoSuchFileException("/data/journal")));
        assertEquals("IOException", Causes.describeWithType(new java.io.IOException("null")));
        assertEquals("unknown cause", Causes.describeWithType(null));
    }

    @Test
    void anApiResponseRefusesMissingPartsByName() {
        ValidationException body = assertThrows(ValidationException.class,
                () -> new vn.egov.sdk.core.http.ApiResponse(200, java.util.Map.of(), null));
        assertEquals("ApiResponse.body", body.errors().get(0).path());
        ValidationException headers = assertThrows(ValidationException.class,
                () -> new vn.egov.sdk.core.http.ApiResponse(200, null, new byte[0]));
        assertEquals("ApiResponse.headers", headers.errors().get(0).path());
        ValidationException name = assertThrows(ValidationException.class,
                () -> new vn.egov.sdk.core.http.ApiResponse(200, java.util.Map.of(), new byte[0]).header(null));
        assertEquals("ApiResponse.header.name", name.errors().get(0).path());
    }

    @Test
    void aValidationExceptionWithoutErrorsNamesItsOwnMistake() {
        ValidationException e = new ValidationException(List.of());
        assertTrue(e.errors().get(0).path().equals("ValidationException.errors"));
        assertNoNullEnding(e);
    }

    static Stream<Arguments> builders() {
        DocumentAxisClient axis = unused(DocumentAxisClient.class);
        return Stream.of(
                builder(() -> ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), unused(PackageHandler.class))),
                builder(LgspAxisClient::builder), builder(VdxpAxisClient::builder),
                builder(() -> FileCheckpointStore.builder(Path.of("never-created.journal"))),
                builder(DocumentPackage::builder), builder(EdXmlReadOptions::builder), builder(EdXmlValidator::builder),
                builder(MessageHeader::builder), builder(XmlLimits::builder), builder(LgspLogin::builder),
                builder(StaticHeaders::builder), builder(OAuth2ClientCredentials::builder),
                builder(LgspAccessToken::builder), builder(() -> ApiRequest.builder("GET", "http://127.0.0.1:1/")),
                builder(() -> VdxpHeaderBundle.builder("sys", Secret.of("s"), Clock.systemUTC())),
                builder(HttpBody::multipart), builder(ClientSettings::builder), builder(HttpRuntime::builder),
                builder(RetryPolicy::builder), builder(RequestOptions::builder));
    }

    private static Arguments builder(Supplier<?> fresh) {
        return Arguments.of(fresh.get().getClass().getName().replaceFirst(".*\\.", ""), fresh);
    }

    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new AssertionError("not called: " + method);
        }));
    }

    /** Setters where {@code null} clears the setting (back to the default or to "none"), as their javadoc says. */
    private static final Set<String> NULL_CLEARS = Set.of("DocumentPackage.Builder.header",
            "DocumentPackage.Builder.trace", "DocumentPackage.Builder.signature", "DocumentPackage.Builder.manifest",
            "OAuth2ClientCredentials.Builder.scope", "LgspAccessToken.Builder.tokenUrl", "ApiRequest.Builder.body");

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void aBuilderSetterRefusesNullByNameOrDocumentsThatItClears(String name, Supplier<?> fresh) {
        List<String> problems = NullSetterProbe.problems(fresh, NULL_CLEARS);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static void assertNoNullEnding(Throwable e) {
        String message = String.valueOf(e.getMessage());
        assertFalse(message.isBlank(), () -> "blank message from " + e);
        assertFalse(message.strip().endsWith("null"), () -> "message ends in null: " + message);
    }
}
