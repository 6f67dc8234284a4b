package vn.egov.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.NullSetterProbe;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.remote.RemoteCertificate;
import vn.egov.sdk.signing.remote.RemoteSignRequest;
import vn.egov.sdk.signing.remote.RemoteSignatureSource;
import vn.egov.sdk.signing.remote.RemoteSigningService;
import vn.egov.sdk.signing.remote.SigningTransaction;
import vn.egov.sdk.signing.remote.SmartCaClient;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;

/**
 * One rule for bad input across sdk-signing's public entry points: a caller's mistake is a
 * {@link ValidationException} naming the field; a bad document given to a verifier is a report
 * ({@link SubIndication#FORMAT_FAILURE}), never an exception; no message ends in "null".
 */
class SigningBadInputRuleTest {
    private static final byte[] JUNK = "not a signature, not a PDF, not PKCS#12".getBytes(StandardCharsets.US_ASCII);
    private static final RemoteSigningService NO_SERVICE = new RemoteSigningService() {
        @Override
        public List<RemoteCertificate> certificates(String userId) {
            throw new AssertionError("not called");
        }

        @Override
        public SigningTransaction submit(RemoteSignRequest request) {
            throw new AssertionError("not called");
        }

        @Override
        public SigningTransaction status(SigningTransaction transaction) {
            throw new AssertionError("not called");
        }
    };
    private static final CertificateValidator NEVER_CALLED = (signer, candidates, at) -> {
        throw new AssertionError("no certificate should reach the validator");
    };

    static Stream<Arguments> callersMistakes() {
        return Stream.of(
                mistake("fromPkcs12(junk)", () -> SigningKey.fromPkcs12(new ByteArrayInputStream(JUNK),
                        Secret.of("pw"), Optional.empty()), "SigningKey.pkcs12"),
                mistake("fromPkcs12(empty)", () -> SigningKey.fromPkcs12(InputStream.nullInputStream(),
                        Secret.of("pw"), Optional.empty()), "SigningKey.pkcs12"),
                mistake("fromPkcs12(null stream)", () -> SigningKey.fromPkcs12((InputStream) null,
                        Secret.of("pw"), Optional.empty()), "SigningKey.pkcs12.in"),
                mistake("fromPkcs12(null path)", () -> SigningKey.fromPkcs12((Path) null, Secret.of("pw")),
                        "SigningKey.pkcs12.file"),
                mistake("fromPkcs12(missing file)", () -> SigningKey.fromPkcs12(Path.of("no-such-file.p12"),
                        Secret.of("pw")), "SigningKey.pkcs12"),
                mistake("fromPkcs12(null alias)", () -> SigningKey.fromPkcs12(new ByteArrayInputStream(JUNK),
                        Secret.of("pw"), null), "SigningKey.pkcs12.alias"),
                mistake("fromPem(junk)", () -> SigningKey.fromPem(new StringReader("junk"),
                        new StringReader("junk"), Optional.empty()), "SigningKey"),
                mistake("fromPem(null path)", () -> SigningKey.fromPem((Path) null, Path.of("c.pem"),
                        Optional.empty()), "SigningKey.pem.privateKey"),
                mistake("SigningKey.of(null, …)", () -> SigningKey.of(null, List.of()), "SigningKey.privateKey"),
                mistake("CmsVerifier.verify(null)", () -> cms().verify((byte[]) null), "CmsVerifier.verify.cms"),
                mistake("CmsVerifier.verifyDetached(null, …)", () -> cms().verifyDetached(null, JUNK),
                        "CmsVerifier.verifyDetached.signature"),
                mistake("PdfSignatureVerifier.verify(null path)", () -> pdf().verify((Path) null),
                        "PdfSignatureVerifier.pdf"),
                mistake("PdfSignatureVerifier.verify(null stream)", () -> pdf().verify((InputStream) null),
                        "PdfSignatureVerifier.pdf"),
                mistake("PdfSignatureVerifier without validator", () -> PdfSignatureVerifier.builder().build(),
                        "PdfSignatureVerifier.validator"),
                mistake("EdXmlSignatureVerifier.verify(null)", () -> EdXmlSignatureVerifier.builder()
                        .certificateValidator(NEVER_CALLED).build().verify((byte[]) null),
                        "EdXmlSignatureVerifier.received"),
                mistake("ValidationReport with null members", () -> new ValidationReport(null, Indication.VALID,
                        Optional.empty(), "r", Optional.empty(), Optional.empty(), List.of(),
                        RevocationResult.notChecked("x"), List.of()), "ValidationReport.signatureId"),
                mistake("CertificateValidation with null members", () -> new CertificateValidation(null,
                        Optional.empty(), "r", List.of(), RevocationResult.notChecked("x"), List.of()),
                        "CertificateValidation.indication"),
                mistake("RemoteSignatureSource.Builder.intermediates(null)", () -> RemoteSignatureSource.builder(
                        NO_SERVICE, "user").intermediates(null), "RemoteSignatureSource.intermediates"),
                mistake("PdfSigner.Builder.source(null)", () -> PdfSigner.builder().source(null), "PdfSigner.source"),
                mistake("PdfSigner.Builder.algorithm(null) then build()", () -> PdfSigner.builder().algorithm(null)
                        .build(), "PdfSigner.source"),
                mistake("PdfSignatureVerifier.Builder.clock(null)", () -> PdfSignatureVerifier.builder().clock(null),
                        "PdfSignatureVerifier.clock"),
                mistake("RevocationResult with null members", () -> new RevocationResult(null, "s",
                        Optional.empty(), "d"), "RevocationResult.status"));
    }

    private static Arguments mistake(String name, Executable call, String field) {
        return Arguments.of(name, call, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callersMistakes")
    void aCallersMistakeIsAValidationExceptionNamingTheField(String name, Executable call, String field) {
        Throwable thrown = assertThrows(Throwable.class, call, name);
        ValidationException e = assertInstanceOf(ValidationException.class, thrown, () -> name + " threw " + thrown);
        assertTrue(e.errors().stream().anyMatch(f -> f.path().startsWith(field)),
                () -> name + ": no error names " + field + ": " + e.errors());
        assertNoNullEnding(e.getMessage());
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                document("CMS junk", () -> cms().verify(JUNK)),
                document("CMS empty", () -> cms().verify(new byte[0])),
                document("CMS junk stream", () -> cms().verify(new ByteArrayInputStream(JUNK))),
                document("PDF junk", () -> pdf().verify(new ByteArrayInputStream(JUNK))),
                document("PDF empty", () -> pdf().verify(InputStream.nullInputStream())),
                document("PDF truncated", () -> pdf().verify(new ByteArrayInputStream(
                        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.US_ASCII)))),
                document("edXML junk", () -> List.of(EdXmlSignatureVerifier.builder()
                        .certificateValidator(NEVER_CALLED).build().verify(JUNK))));
    }

    private static Arguments document(String name, Supplier<List<ValidationReport>> verify) {
        return Arguments.of(name, verify);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void aBadDocumentIsAReportNotAnException(String name, Supplier<List<ValidationReport>> verify) {
        List<ValidationReport> reports = verify.get();
        assertEquals(1, reports.size(), reports::toString);
        ValidationReport r = reports.get(0);
        assertFalse(r.isValid(), r::toString);
        assertTrue(r.subIndication().isPresent(), r::toString);
        assertNoNullEnding(r.reason());
    }

    static Stream<Arguments> builders() {
        return Stream.of(
                builder(PdfSigner::builder), builder(PdfSignatureVerifier::builder), builder(CmsSigner::builder),
                builder(CmsVerifier::builder), builder(EdXmlSigner::builder), builder(EdXmlSignatureVerifier::builder),
                builder(TimestampClient::builder), builder(PkixCertificateValidator::builder),
                builder(TrustStore::builder), builder(SmartCaClient::builder),
                builder(() -> RemoteSignatureSource.builder(NO_SERVICE, "user")));
    }

    private static Arguments builder(Supplier<?> fresh) {
        return Arguments.of(fresh.get().getClass().getName().replaceFirst(".*\\.", ""), fresh);
    }

    /** Setters whose javadoc says {@code null} clears the setting (back to the default or to "none"). */
    private static final Set<String> NULL_CLEARS = Set.of("PdfSigner.Builder.algorithm",
            "PdfSigner.Builder.httpRuntime", "PdfSigner.Builder.stamp", "PdfSigner.Builder.timestampUrl",
            "PdfSigner.Builder.timestamps", "RemoteSignatureSource.Builder.description");

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void aBuilderSetterRefusesNullByNameOrDocumentsThatItClears(String name, Supplier<?> fresh) {
        List<String> problems = NullSetterProbe.problems(fresh, NULL_CLEARS);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static CmsVerifier cms() {
        return CmsVerifier.builder().validator(NEVER_CALLED).build();
    }

    private static PdfSignatureVerifier pdf() {
        return PdfSignatureVerifier.builder().validator(NEVER_CALLED).build();
    }

    private static void assertNoNullEnding(String message) {
        assertFalse(message == null || message.isBlank(), "a message is required");
        assertFalse(message.strip().endsWith("null"), () -> "message ends in null: " + message);
        assertFalse(message.contains(": null"), () -> "message holds ': null': " + message);
    }
}
