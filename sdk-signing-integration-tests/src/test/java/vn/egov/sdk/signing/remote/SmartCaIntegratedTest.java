package vn.egov.sdk.signing.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.signing.remote.SmartCaFixtures.DATA;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SmartCaSandbox;
import vn.egov.sdk.testkit.TestPki;

/** SmartCA "Tích hợp" (v2: password + TOTP → sad → confirm) end to end, and what the SDK lets out about secrets. */
@ExtendWith(NationalSandboxExtension.class)
class SmartCaIntegratedTest {

    private static RemoteSignRequest request() {
        return RemoteSignRequest.of(SmartCaSandbox.USER_CONFIRMS,
                new RemoteSignRequest.HashToSign("d1", DATA.digest(), DigestAlgorithm.SHA256));
    }

    @Test
    void signsSynchronouslyWithPasswordAndCurrentOtp(NationalSandbox sandbox) throws Exception {
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            SmartCaIntegrated integrated = client.integrated(Secret.of(SmartCaSandbox.USER_PASSWORD),
                    SmartCaFixtures.totp());
            RemoteSignatureSource source = SmartCaFixtures.source(integrated, SmartCaSandbox.USER_CONFIRMS).build();

            SignatureValue value = source.sign(DATA);

            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(sandbox.pki().signer(TestPki.Kind.GOOD).certificate());
            v.update(DATA.bytes());
            assertTrue(v.verify(value.value()));
            assertEquals(1, sandbox.requestsTo(SmartCaFixtures.SIGN_V2));
            assertEquals(1, sandbox.requestsTo(SmartCaFixtures.CONFIRM_V2));
        }
    }

    @Test
    void anOtpOneStepOldStillPassesTwoStepsOldDoesNot(NationalSandbox sandbox) {
        Totp totp = SmartCaFixtures.totp();
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            SigningTransaction ok = client.integrated(Secret.of(SmartCaSandbox.USER_PASSWORD),
                    now -> totp.otp(now.minusSeconds(30))).submit(request());
            assertEquals(TransactionStatus.SUCCESS, ok.status());
            ValidationException late = assertThrows(ValidationException.class, () -> client.integrated(
                    Secret.of(SmartCaSandbox.USER_PASSWORD), now -> totp.otp(now.minusSeconds(90))).submit(request()));
            assertTrue(late.getMessage().contains("wrong password or OTP"), late.getMessage());
        }
    }

    @Test
    void aWrongOtpOrPasswordIsRefused(NationalSandbox sandbox) {
        Totp totp = SmartCaFixtures.totp();
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            OtpSource wrong = now -> {
                String right = totp.otp(now);
                return right.equals("000000") ? "111111" : "000000";
            };
            assertThrows(ValidationException.class, () -> client.integrated(
                    Secret.of(SmartCaSandbox.USER_PASSWORD), wrong).submit(request()));
            assertThrows(ValidationException.class, () -> client.integrated(
                    Secret.of("mat-khau-sai"), totp).submit(request()));
            assertEquals(0, sandbox.smartCa().transactionsCreated());
            assertEquals(2, sandbox.requestsTo(SmartCaFixtures.SIGN_V2), "each refused once, not retried");
        }
    }

    @Test
    void anExpiredSadIsRefusedAndAFreshOneWorks(NationalSandbox sandbox) {
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            SmartCaIntegrated integrated = client.integrated(Secret.of(SmartCaSandbox.USER_PASSWORD),
                    SmartCaFixtures.totp());
            SignatureAuthorization auth = integrated.authorize(request());
            assertTrue(auth.expiresAt().isPresent());
            assertFalse(auth.toString().contains(auth.sad().reveal()));

            sandbox.smartCa().shiftClock(SmartCaSandbox.DEFAULT_SAD_LIFETIME.plusSeconds(1));
            ValidationException expired = assertThrows(ValidationException.class, () -> integrated.confirm(auth));
            assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
            assertEquals(0, sandbox.smartCa().signaturesMade());

            sandbox.smartCa().shiftClock(Duration.ZERO);
            SignatureAuthorization forged = new SignatureAuthorization(auth.transactionId(), auth.userId(),
                    Secret.of(auth.sad().reveal() + "x"), auth.expiresAt());
            assertThrows(ValidationException.class, () -> integrated.confirm(forged));
            assertEquals(TransactionStatus.SUCCESS, integrated.confirm(auth).status());
            assertEquals(1, sandbox.smartCa().signaturesMade());
        }
    }

    @Test
    void noSecretReachesLogsExceptionsOrToString(NationalSandbox sandbox) {
        sandbox.smartCa().confirmAfter(Duration.ZERO);
        List<String> shown = new ArrayList<>();
        List<String> sads = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            shown.add(client.toString());
            SmartCaIntegrated integrated = client.integrated(Secret.of(SmartCaSandbox.USER_PASSWORD),
                    SmartCaFixtures.totp());
            shown.add(integrated.toString());
            SignatureAuthorization auth = integrated.authorize(request());
            sads.add(auth.sad().reveal());
            shown.add(auth.toString());
            shown.add(integrated.confirm(auth).toString());
            shown.add(SmartCaFixtures.source(client, SmartCaSandbox.USER_CONFIRMS).build().sign(DATA).toString());
            sandbox.faults().on(SmartCaFixtures.SIGN_V2).times(1).status(503); // a retried call logs a warning
            shown.add(integrated.submit(request()).toString());
            for (Runnable failing : List.<Runnable>of(
                    () -> client.integrated(Secret.of("mat-khau-sai"), SmartCaFixtures.totp()).submit(request()),
                    () -> {
                        try (SmartCaClient wrong = SmartCaFixtures.client(sandbox)
                                .spPassword(Secret.of("sp-sai-123")).build()) {
                            wrong.certificates(SmartCaSandbox.USER_CONFIRMS);
                        }
                    },
                    () -> SmartCaFixtures.source(client, SmartCaSandbox.USER_DECLINES).build().sign(DATA),
                    () -> {
                        sandbox.smartCa().shiftClock(Duration.ofMinutes(10));
                        integrated.confirm(auth);
                    })) {
                EgovException e = assertThrows(EgovException.class, failing::run);
                shown.add(e.toString());
                shown.add(String.valueOf(e.getCause()));
            }
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("vn.egov.sdk"), "the SDK's log lines were captured: " + logs);
        String all = logs + "\n" + String.join("\n", shown);
        Instant now = Instant.now();
        List<String> secrets = new ArrayList<>(List.of(SmartCaSandbox.SP_PASSWORD, SmartCaSandbox.USER_PASSWORD,
                "mat-khau-sai", "sp-sai-123", SmartCaSandbox.TOTP_SECRET, SmartCaSandbox.USER_CONFIRMS,
                SmartCaSandbox.USER_DECLINES, "\"otp\":\"" + SmartCaFixtures.totp().otp(now)));
        secrets.addAll(sads);
        for (String secret : secrets) {
            assertFalse(all.contains(secret), "leaked: " + secret + "\n" + all);
        }
    }
}
