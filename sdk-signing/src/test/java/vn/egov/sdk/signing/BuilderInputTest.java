package vn.egov.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.remote.SmartCaClient;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;

/** Every signing builder refuses missing or null settings with a typed error naming the setting, never an NPE. */
class BuilderInputTest {
    @Test
    void missingRequiredSettingsAreValidationErrors() {
        List<Supplier<Object>> builds = List.of(
                () -> CmsSigner.builder().build(),
                () -> CmsVerifier.builder().build(),
                () -> PdfSigner.builder().build(),
                () -> PdfSignatureVerifier.builder().build(),
                () -> EdXmlSignatureVerifier.builder().build(),
                () -> TimestampClient.builder().build(),
                () -> SmartCaClient.builder().build(),
                () -> PkixCertificateValidator.builder().build(),
                () -> TrustStore.builder().build());
        for (Supplier<Object> b : builds) {
            assertThrows(ValidationException.class, b::get);
        }
    }

    /** A null setting is refused when set or when built, always as a ValidationException. */
    @Test
    void nullSettingsAreValidationErrors() {
        List<Runnable> calls = List.of(
                () -> CmsSigner.builder().source(null).build(),
                () -> CmsVerifier.builder().validator(null).build(),
                () -> PdfSigner.builder().source(null).build(),
                () -> PdfSignatureVerifier.builder().validator(null).build(),
                () -> EdXmlSigner.builder().source(null).build(),
                () -> EdXmlSignatureVerifier.builder().certificateValidator(null).build(),
                () -> TimestampClient.builder().url(null).build(),
                () -> SmartCaClient.builder().settings(ClientSettings.builder().endpoint(null).build()).build(),
                () -> PkixCertificateValidator.builder().trustStore(null).build(),
                () -> TrustStore.builder().trust(null).build(),
                () -> new DataToSign(null, SignatureAlgorithm.RSA_SHA256),
                () -> SigningKey.of(null, List.of()));
        for (int i = 0; i < calls.size(); i++) {
            assertThrows(ValidationException.class, calls.get(i)::run, "call " + i);
        }
    }

    @Test
    void signingWithoutASourceIsAValidationError() {
        assertThrows(ValidationException.class, () -> EdXmlSigner.builder().build());
    }
}
