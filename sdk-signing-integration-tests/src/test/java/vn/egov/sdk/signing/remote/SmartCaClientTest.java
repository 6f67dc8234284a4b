package vn.egov.sdk.signing.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.signing.remote.SmartCaFixtures.DATA;

import java.security.Signature;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SmartCaSandbox;
import vn.egov.sdk.testkit.TestPki;

/** {@link SmartCaClient} (app confirmation, v1) end to end against the sandbox's {@code /smartca/} simulator. */
@ExtendWith(NationalSandboxExtension.class)
class SmartCaClientTest {

    private static boolean verifies(SignatureValue value, SignatureSource source) throws Exception {
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(source.certificate().getPublicKey());
        v.update(DATA.bytes());
        return v.verify(value.value());
    }

    @Test
    void listsTheUsersCertificateAndFindsItBySerial(NationalSandbox sandbox) {
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            List<RemoteCertificate> certs = client.certificates(SmartCaSandbox.USER_CONFIRMS);
            assertEquals(1, certs.size());
            RemoteCertificate c = certs.get(0);
            assertEquals(sandbox.pki().signer(TestPki.Kind.GOOD).certificate(), c.certificate());
            assertEquals(c.certificate().getSerialNumber().toString(16), c.serialNumber());
            assertTrue(c.certificateId().isPresent());
            assertTrue(client.certificate(SmartCaSandbox.USER_CONFIRMS, c.serialNumber().toUpperCase()).isPresent());
            assertTrue(client.certificate(SmartCaSandbox.USER_CONFIRMS, "0abc").isEmpty());
        }
    }

    @Test
    void signsAHashConfirmedInTheAppAfterADelayAndTheValueVerifies(NationalSandbox sandbox) throws Exception {
        sandbox.smartCa().confirmAfter(Duration.ofMillis(300));
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            RemoteSignatureSource source = SmartCaFixtures.source(client, SmartCaSandbox.USER_CONFIRMS)
                    .intermediates(List.of(sandbox.pki().ca())).build();

            SignatureValue value = source.sign(DATA);

            assertTrue(verifies(value, source));
            assertEquals(sandbox.pki().signer(TestPki.Kind.GOOD).certificateChain(), source.certificateChain());
            assertEquals(1, sandbox.smartCa().transactionsCreated());
            assertEquals(1, sandbox.smartCa().signaturesMade());
            // it really waited: the transaction was pending at first
            SigningTransaction pending = client.submit(RemoteSignRequest.of(SmartCaSandbox.USER_CONFIRMS,
                    new RemoteSignRequest.HashToSign("d1", DATA.digest(), DigestAlgorithm.SHA256)));
            assertEquals(TransactionStatus.PENDING, pending.status());
            assertEquals(TransactionStatus.PENDING, client.status(pending).status());
            assertTrue(pending.confirmationCode().isPresent());
        }
    }

    @Test
    void signsSeveralHashesInOneTransaction(NationalSandbox sandbox) throws Exception {
        sandbox.smartCa().confirmAfter(Duration.ZERO);
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            byte[] h1 = DigestAlgorithm.SHA256.digest("một".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] h2 = DigestAlgorithm.SHA256.digest("hai".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            RemoteSignRequest request = new RemoteSignRequest("tx-" + System.nanoTime(), SmartCaSandbox.USER_CONFIRMS,
                    Optional.empty(), List.of(new RemoteSignRequest.HashToSign("a", h1, DigestAlgorithm.SHA256),
                            new RemoteSignRequest.HashToSign("b", h2, DigestAlgorithm.SHA256)), Optional.empty());
            SigningTransaction done = client.status(client.submit(request));
            assertEquals(TransactionStatus.SUCCESS, done.status());
            assertEquals(2, done.signatures().size());
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(sandbox.pki().signer(TestPki.Kind.GOOD).certificate());
            v.update("hai".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(v.verify(done.signature("b").orElseThrow().signature()));
        }
    }

    @Test
    void aDeclineAndAnExpiryAreTypedAsTheSignersSide(NationalSandbox sandbox) {
        sandbox.smartCa().confirmAfter(Duration.ofMillis(100));
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            RemoteSigningException declined = assertThrows(RemoteSigningException.class,
                    () -> SmartCaFixtures.source(client, SmartCaSandbox.USER_DECLINES).build().sign(DATA));
            assertEquals(RemoteSigningException.Reason.DECLINED, declined.reason());
            assertEquals(Fault.COUNTERPARTY, declined.fault());
            RemoteSigningException expired = assertThrows(RemoteSigningException.class,
                    () -> SmartCaFixtures.source(client, SmartCaSandbox.USER_EXPIRES).build().sign(DATA));
            assertEquals(RemoteSigningException.Reason.EXPIRED, expired.reason());
            assertEquals(Fault.COUNTERPARTY, expired.fault());
            assertEquals(0, sandbox.smartCa().signaturesMade());
        }
    }

    @Test
    void theDeadlinePassesWhileTheSignerNeverAnswers(NationalSandbox sandbox) {
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            RemoteSignatureSource source = SmartCaFixtures.source(client, SmartCaSandbox.USER_IGNORES)
                    .deadline(Duration.ofMillis(400)).build();
            long start = System.nanoTime();
            RemoteSigningException e = assertThrows(RemoteSigningException.class, () -> source.sign(DATA));
            assertEquals(RemoteSigningException.Reason.TIMED_OUT, e.reason());
            assertEquals(Fault.NETWORK, e.fault());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "never a hang");
            // the transaction can still be looked up by its id
            SigningTransaction tx = new SigningTransaction(e.transactionId(), SmartCaSandbox.USER_IGNORES,
                    TransactionStatus.PENDING, List.of(), Optional.empty(), Optional.empty());
            assertEquals(TransactionStatus.PENDING, client.status(tx).status());
        }
    }

    @Test
    void aWrongServiceProviderPasswordIsAnAuthenticationError(NationalSandbox sandbox) {
        for (boolean http200 : new boolean[] {false, true}) {
            sandbox.smartCa().errorsWithHttp200(http200);
            try (SmartCaClient client = SmartCaFixtures.client(sandbox).spPassword(Secret.of("sai-mat-khau"))
                    .build()) {
                AuthenticationException e = assertThrows(AuthenticationException.class,
                        () -> client.certificates(SmartCaSandbox.USER_CONFIRMS));
                assertEquals(Fault.CALLER, e.fault());
                assertFalse(e.retryable());
                assertEquals(Optional.of("401"), e.platformErrorCode());
                assertFalse(e.getMessage().contains("sai-mat-khau"), e.getMessage());
            }
        }
        assertEquals(2, sandbox.requestsTo(SmartCaFixtures.GET_CERTIFICATE), "not retried");
    }

    @Test
    void anUnknownUserIsTheCallersFault(NationalSandbox sandbox) {
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            PlatformException e = assertThrows(PlatformException.class, () -> client.certificates("079099999999"));
            assertEquals(Fault.CALLER, e.fault());
            assertEquals(404, e.httpStatus().orElseThrow());
            assertFalse(e.getMessage().contains("079099999999"), e.getMessage());
            RemoteSigningException noCert = assertThrows(RemoteSigningException.class, () -> SmartCaFixtures
                    .source(client, SmartCaSandbox.USER_CONFIRMS).certificateSerial("abc123").build()
                    .certificateChain());
            assertEquals(RemoteSigningException.Reason.FAILED, noCert.reason());
        }
    }

    @Test
    void aServerErrorIsRetriedWithTheSameTransactionIdAndCreatesOneTransaction(NationalSandbox sandbox) {
        sandbox.smartCa().confirmAfter(Duration.ZERO);
        sandbox.faults().on(SmartCaFixtures.SIGN_V1).times(1).status(503);
        sandbox.faults().on(SmartCaFixtures.GET_CERTIFICATE).times(1).status(500);
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            SignatureSource source = SmartCaFixtures.source(client, SmartCaSandbox.USER_CONFIRMS).build();
            source.sign(DATA);
            assertEquals(2, sandbox.requestsTo(SmartCaFixtures.SIGN_V1));
            assertEquals(2, sandbox.requestsTo(SmartCaFixtures.GET_CERTIFICATE));
            assertEquals(1, sandbox.smartCa().transactionsCreated());
        }
    }

    @Test
    void aLostAnswerIsRepeatedWithoutASecondTransaction(NationalSandbox sandbox) {
        sandbox.smartCa().confirmAfter(Duration.ZERO);
        // the simulator creates the transaction, then the connection drops before the answer
        sandbox.faults().on(SmartCaFixtures.SIGN_V1).times(1).afterServing().connectionReset();
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            RemoteSignRequest request = RemoteSignRequest.of(SmartCaSandbox.USER_CONFIRMS,
                    new RemoteSignRequest.HashToSign("d1", DATA.digest(), DigestAlgorithm.SHA256));
            SigningTransaction tx = client.submit(request);
            assertEquals(2, sandbox.requestsTo(SmartCaFixtures.SIGN_V1));
            assertEquals(1, sandbox.smartCa().transactionsCreated());
            // the same request submitted again is the same transaction
            assertEquals(tx.transactionId(), client.submit(request).transactionId());
            assertEquals(1, sandbox.smartCa().transactionsCreated());
            // the same id with other hashes is refused
            RemoteSignRequest other = new RemoteSignRequest(request.transactionId(), request.userId(),
                    Optional.empty(), List.of(new RemoteSignRequest.HashToSign("d2", new byte[32],
                            DigestAlgorithm.SHA256)), Optional.empty());
            PlatformException conflict = assertThrows(PlatformException.class, () -> client.submit(other));
            assertEquals(409, conflict.httpStatus().orElseThrow());
        }
    }

    @Test
    void garbageAnswersAreTypedErrorsNotCrashes(NationalSandbox sandbox) {
        try (SmartCaClient client = SmartCaFixtures.client(sandbox)
                .settings(SmartCaFixtures.settings(sandbox).retryPolicy(vn.egov.sdk.core.http.RetryPolicy.none()).build()).build()) {
            sandbox.faults().on(SmartCaFixtures.GET_CERTIFICATE).times(1).malformedBody();
            EgovException e = assertThrows(EgovException.class,
                    () -> client.certificates(SmartCaSandbox.USER_CONFIRMS));
            assertTrue(e instanceof PlatformException || e instanceof TransportException, e.toString());
            sandbox.faults().on(SmartCaFixtures.GET_CERTIFICATE).times(1).randomDataThenClose();
            assertThrows(TransportException.class, () -> client.certificates(SmartCaSandbox.USER_CONFIRMS));
            assertEquals(1, client.certificates(SmartCaSandbox.USER_CONFIRMS).size());
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent(NationalSandbox sandbox) {
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            RemoteSignRequest sha1 = RemoteSignRequest.of(SmartCaSandbox.USER_CONFIRMS,
                    new RemoteSignRequest.HashToSign("d1", new byte[20], DigestAlgorithm.SHA1));
            ValidationException e = assertThrows(ValidationException.class, () -> client.submit(sha1));
            assertEquals("smartca.digest", e.errors().get(0).code());
            assertThrows(ValidationException.class, () -> client.certificates(" "));
            assertEquals(0, sandbox.requestsTo(SmartCaFixtures.SIGN_V1));
        }
        assertThrows(ValidationException.class, () -> SmartCaClient.builder().settings(ClientSettings.builder()
                .endpoint("ftp://x").build()).build());
        assertThrows(ValidationException.class, () -> SmartCaClient.builder().settings(ClientSettings.builder()
                .endpoint(SmartCaClient.UAT_URL).build()).build());
        assertThrows(ValidationException.class, () -> SmartCaClient.builder().settings(ClientSettings.builder()
                .endpoint(SmartCaClient.UAT_URL).build())
                .spId("sp").build());
        assertThrows(ValidationException.class, () -> SmartCaPaths.defaults().withStatusMethod("PUT"));
    }

    @Test
    void theStatusCanBeAskedByPostWithTheCredentials(NationalSandbox sandbox) {
        sandbox.smartCa().confirmAfter(Duration.ZERO);
        try (SmartCaClient client = SmartCaFixtures.client(sandbox)
                .paths(SmartCaPaths.defaults().withStatusMethod("POST")).build()) {
            assertTrue(verifiesQuietly(SmartCaFixtures.source(client, SmartCaSandbox.USER_CONFIRMS).build()));
        }
        try (SmartCaClient wrong = SmartCaFixtures.client(sandbox)
                .paths(SmartCaPaths.defaults().withStatusMethod("POST")).build()) {
            SigningTransaction tx = wrong.submit(RemoteSignRequest.of(SmartCaSandbox.USER_CONFIRMS,
                    new RemoteSignRequest.HashToSign("d1", DATA.digest(), DigestAlgorithm.SHA256)));
            try (SmartCaClient other = SmartCaFixtures.client(sandbox).spPassword(Secret.of("x"))
                    .paths(SmartCaPaths.defaults().withStatusMethod("POST")).build()) {
                assertThrows(AuthenticationException.class, () -> other.status(tx));
            }
        }
    }

    @Test
    void switchesDecideWhatTheSimulatedSignerDoes(NationalSandbox sandbox) throws Exception {
        sandbox.smartCa().confirmAfter(Duration.ZERO);
        sandbox.smartCa().addUser("079099000077", TestPki.Kind.AGENCY, SmartCaSandbox.Outcome.CONFIRM);
        sandbox.smartCa().outcome(SmartCaSandbox.USER_CONFIRMS, SmartCaSandbox.Outcome.DECLINE);
        try (SmartCaClient client = SmartCaFixtures.client(sandbox).build()) {
            RemoteSignatureSource agency = SmartCaFixtures.source(client, "079099000077").build();
            assertEquals(sandbox.pki().signer(TestPki.Kind.AGENCY).certificate(), agency.certificate());
            assertTrue(verifies(agency.sign(DATA), agency));
            assertThrows(RemoteSigningException.class,
                    () -> SmartCaFixtures.source(client, SmartCaSandbox.USER_CONFIRMS).build().sign(DATA));
            sandbox.reset();
            sandbox.smartCa().confirmAfter(Duration.ZERO);
            assertTrue(sandbox.smartCa().users().contains("079099000077"), "added users survive a reset");
            assertTrue(verifiesQuietly(SmartCaFixtures.source(client, SmartCaSandbox.USER_CONFIRMS).build()));
        }
    }

    private static boolean verifiesQuietly(RemoteSignatureSource source) {
        try {
            return verifies(source.sign(DATA), source);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
