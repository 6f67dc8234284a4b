package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpAxisClient.ErrorCodes;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.CounterpartyException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;

/** Refusals of the sandbox axis and how the client types them. */
class VdxpAxisClientErrorsTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void wrongSecretIsAnAuthenticationFailureThatIsNotRetried() {
        try (VdxpAxisClient axis = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, "not-the-secret").build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> axis.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "201")));

            assertEquals(Optional.of(ErrorCodes.BAD_SIGNATURE), e.platformErrorCode());
            assertFalse(e.retryable());
            assertEquals(1, e.attempts());
            assertFalse(e.getMessage().contains("not-the-secret"));
        }
        assertEquals(0, sandbox.vdxp().storedPackages());
        assertEquals(1, sandbox.requestsTo("/vdxp/sendEdoc"));
    }

    @Test
    void unknownSystemIsAnAuthenticationFailure() {
        try (VdxpAxisClient axis = VdxpFixtures.client(sandbox, "vxp.nobody.99", "x").build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> axis.listReceived(MessageType.EDOC));
            assertEquals(Optional.of(ErrorCodes.UNKNOWN_SYSTEM), e.platformErrorCode());
        }
    }

    @Test
    void timestampOutsideTheAxisWindowIsAnAuthenticationFailure() {
        sandbox.vdxp().shiftClock(Duration.ofMinutes(10));
        try (VdxpAxisClient axis = VdxpFixtures.system1(sandbox)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> axis.countReceived(MessageType.EDOC));
            assertEquals(Optional.of(ErrorCodes.TIMESTAMP_OUT_OF_WINDOW), e.platformErrorCode());
            assertFalse(e.retryable());

            sandbox.vdxp().shiftClock(Duration.ofMinutes(-2));
            assertEquals(0, axis.countReceived(MessageType.EDOC));
        }
    }

    @Test
    void unknownRecipientIsACounterpartyFailureAndNothingIsStored() {
        try (VdxpAxisClient axis = VdxpFixtures.system1(sandbox)) {
            CounterpartyException e = assertThrows(CounterpartyException.class, () -> axis.send(
                    VdxpFixtures.document(Organization.of("000.00.00.H99", "UBND tỉnh X"), "202")));

            assertEquals(Optional.of(ErrorCodes.UNKNOWN_RECIPIENT), e.platformErrorCode());
            assertEquals(Fault.COUNTERPARTY, e.fault());
            assertFalse(e.retryable());
        }
        assertEquals(0, sandbox.vdxp().storedPackages());
    }

    @Test
    void sendingForAnOrganTheSystemDoesNotServeIsRefused() {
        try (VdxpAxisClient axis = VdxpFixtures.system2(sandbox)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> axis.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "203")));
            assertEquals(Optional.of(ErrorCodes.SENDER_NOT_SERVED), e.platformErrorCode());
        }
    }

    @Test
    void invalidPackageIsAValidationFailureAndNothingIsSent() {
        DocumentPackage valid = VdxpFixtures.document(VdxpFixtures.ngheAn(), "204");
        MessageHeader tooLong = valid.header().toBuilder().subject("x".repeat(600)).build();
        DocumentPackage invalid = DocumentPackage.builder().header(tooLong).trace(valid.trace())
                .addAttachment(valid.attachments().get(0)).build();
        try (VdxpAxisClient axis = VdxpFixtures.system1(sandbox)) {
            ValidationException e = assertThrows(ValidationException.class, () -> axis.send(invalid));
            assertTrue(e.errors().stream().anyMatch(f -> f.path().equals("MessageHeader.Subject")), e::getMessage);
        }
        assertEquals(0, sandbox.requestsTo("/vdxp/sendEdoc"));
    }

    @Test
    void anIdempotencyKeyIsRefusedBecauseTheAxisHasNone() {
        try (VdxpAxisClient axis = VdxpFixtures.system1(sandbox)) {
            ValidationException e = assertThrows(ValidationException.class, () -> axis.send(
                    VdxpFixtures.document(VdxpFixtures.ngheAn(), "206"),
                    vn.egov.sdk.core.RequestOptions.builder().idempotencyKey("k-1").build()));
            assertEquals("RequestOptions.idempotencyKey", e.errors().get(0).path());
        }
        assertEquals(0, sandbox.requestsTo("/vdxp/sendEdoc"));
    }

    @Test
    void fileAlteredInTransitIsAHashMismatchThatIsNotRetriedBlindly() {
        try (VdxpAxisClient axis = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                .settings(VdxpFixtures.settings(sandbox).addInterceptor(new CorruptingInterceptor()).build()).build()) {
            PlatformException e = assertThrows(PlatformException.class,
                    () -> axis.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "205")));

            assertEquals(Optional.of(ErrorCodes.HASH_FILE_MISMATCH), e.platformErrorCode());
            assertFalse(e.retryable());
            assertEquals(200, e.httpStatus().getAsInt());
        }
        assertEquals(0, sandbox.vdxp().storedPackages());
        assertEquals(1, sandbox.requestsTo("/vdxp/sendEdoc"));
    }

    @Test
    void requestWithoutTheBundleIsRefusedWithTheAxisEnvelope() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.vdxpUrl() + "/getReceivedEdocList"))
                .header("XroadVnpt-systemid", VdxpSandbox.SYSTEM_1)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"status\":\"FAIL\""), response.body());
        assertTrue(response.body().contains("\"ErrorCode\":\"" + ErrorCodes.BAD_SIGNED_HEADERS + "\""),
                response.body());
    }

    /** Replaces the uploaded file by other bytes after the headers were signed. */
    private static final class CorruptingInterceptor implements HttpInterceptor {
        @Override
        public ApiRequest beforeAttempt(ApiRequest request, AttemptContext context) {
            if (!request.url().getPath().endsWith("/sendEdoc")) {
                return request;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"file_doc\"; filename=\"e.edxml\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n<edXML>altered</edXML>\r\n--b--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            return request.toBuilder()
                    .body(HttpBody.ofBytes(body.toByteArray(), "multipart/form-data; boundary=b")).build();
        }
    }
}
