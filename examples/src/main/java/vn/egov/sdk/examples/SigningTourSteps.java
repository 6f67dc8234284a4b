package vn.egov.sdk.examples;

import static vn.egov.sdk.examples.Tour.expect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.remote.RemoteSignatureSource;
import vn.egov.sdk.signing.remote.SmartCaClient;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SmartCaSandbox;
import vn.egov.sdk.testkit.TestPki;

/**
 * The Tour's signing steps 13–17: a PDF signed by the signer and sealed by the agency (Decree 30/2020), a detached
 * CMS signature, a revoked signer caught, a signature made through the SmartCA remote-signing service, and the test
 * PKI's certificates written out for independent tools.
 */
final class SigningTourSteps {
    static final String PAYLOAD = "Báo cáo tình hình triển khai liên thông văn bản, quý IV/2026.\n";

    private SigningTourSteps() {
    }

    /** Runs the steps; returns the number that did not behave as expected. */
    static int run(NationalSandbox sandbox, PkixCertificateValidator validator, Path out, Tour.StepRunner runner) {
        int failed = 0;
        failed += runner.step("13. Sign a PDF letter as Decree 30/2020 places signatures: the signer's visible stamp, "
                + "then the agency's seal over it, both PAdES B-T (timestamp from the sandbox TSA), one incremental "
                + "update each", () -> {
            List<ValidationReport> reports = SignPdf.signTwice(sandbox, validator, out.resolve("letter.pdf"),
                    out.resolve("signed.pdf"));
            expect(reports.size() == 2 && reports.stream().allMatch(ValidationReport::isValid),
                    "expected two VALID signatures: " + reports);
            return "wrote letter.pdf and signed.pdf; verified: " + describe(reports)
                    + " (check it with: pdfsig signed.pdf)";
        });
        failed += runner.step("14. Sign payload.txt with a detached CMS signature (CAdES-T) and verify it", () -> {
            try (TimestampClient tsa = TimestampClient.builder().url(sandbox.pki().tsaUrl()).build()) {
                byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
                byte[] p7s = CmsSigner.builder().source(sandbox.pki().signer(TestPki.Kind.GOOD)).timestamps(tsa)
                        .build().sign(payload, CmsPackaging.DETACHED);
                write(out.resolve("payload.txt"), payload);
                write(out.resolve("payload.p7s"), p7s);
                List<ValidationReport> reports = CmsVerifier.builder().validator(validator).build()
                        .verifyDetached(p7s, payload);
                expect(reports.size() == 1 && reports.get(0).isValid(), "expected VALID: " + reports);
                return "wrote payload.txt and payload.p7s (" + p7s.length + " bytes); verified: " + describe(reports)
                        + " (check it with: openssl cms -verify -binary -inform DER -in payload.p7s -content "
                        + "payload.txt -CAfile test-root-ca.pem -certfile test-ca.pem -purpose any)";
            }
        });
        failed += runner.step("15. A signer whose certificate was revoked: the validator asks the OCSP responder and "
                + "says INVALID", () -> {
            byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
            byte[] p7s = CmsSigner.builder().source(sandbox.pki().signer(TestPki.Kind.REVOKED)).build()
                    .sign(payload, CmsPackaging.DETACHED);
            ValidationReport r = CmsVerifier.builder().validator(validator).build().verifyDetached(p7s, payload)
                    .get(0);
            expect(r.indication() == Indication.INVALID
                    && r.subIndication().orElse(null) == SubIndication.REVOKED, "expected INVALID/REVOKED: " + r);
            return r.indication() + "/" + r.subIndication().get() + ": " + r.reason() + " (revocation from "
                    + r.revocation().source() + ")";
        });
        failed += runner.step("16. Sign through VNPT SmartCA (the sandbox's): the SDK sends the hash, the signer "
                + "confirms in the app a moment later, the SDK polls and assembles the CMS", () -> {
            sandbox.smartCa().confirmAfter(Duration.ofMillis(500));
            try (SmartCaClient smartCa = SmartCaClient.builder().settings(ClientSettings.builder()
                    .endpoint(sandbox.smartCaUrl()).build())
                    .spId(SmartCaSandbox.SP_ID).spPassword(Secret.of(SmartCaSandbox.SP_PASSWORD)).build()) {
                RemoteSignatureSource remote = RemoteSignatureSource.builder(smartCa, SmartCaSandbox.USER_CONFIRMS)
                        .intermediates(List.of(sandbox.pki().ca()))
                        .pollInterval(Duration.ofMillis(200)).deadline(Duration.ofSeconds(20)).build();
                byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
                byte[] p7s = CmsSigner.builder().source(remote).build().sign(payload, CmsPackaging.DETACHED);
                write(out.resolve("payload-smartca.p7s"), p7s);
                ValidationReport r = CmsVerifier.builder().validator(validator).build().verifyDetached(p7s, payload)
                        .get(0);
                expect(r.isValid(), "expected VALID: " + r);
                return "signed remotely by " + r.signerName().orElse("?") + " after "
                        + sandbox.smartCa().transactionsCreated() + " transaction(s); wrote payload-smartca.p7s; "
                        + "verified " + r.indication();
            }
        });
        failed += runner.step("17. Write the test PKI's root and CA certificates for independent tools", () -> {
            write(out.resolve("test-root-ca.pem"), sandbox.pki().rootPem().getBytes(StandardCharsets.US_ASCII));
            write(out.resolve("test-ca.pem"), TestPki.pem(sandbox.pki().ca()).getBytes(StandardCharsets.US_ASCII));
            return "wrote test-root-ca.pem and test-ca.pem (check sent.edxml with: xmlsec1 --verify --trusted-pem "
                    + "test-root-ca.pem --untrusted-pem test-ca.pem sent.edxml)";
        });
        return failed;
    }

    static String describe(List<ValidationReport> reports) {
        return reports.stream().map(r -> r.signatureId() + " " + r.indication() + " by "
                + r.signerName().orElse("?") + r.signingTime().map(t -> " at " + t).orElse(""))
                .collect(Collectors.joining("; "));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
