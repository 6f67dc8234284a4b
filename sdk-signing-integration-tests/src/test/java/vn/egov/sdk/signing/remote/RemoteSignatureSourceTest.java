package vn.egov.sdk.signing.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.testkit.TestPki;

/**
 * {@link RemoteSignatureSource} over a scripted service and a fake clock: the wait is bounded by the deadline, polls at
 * the interval, ends on an interrupt, and each end state becomes the right {@link RemoteSigningException}.
 */
class RemoteSignatureSourceTest {
    private static TestPki pki;
    private static final DataToSign DATA = new DataToSign("công văn số 12".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            SignatureAlgorithm.RSA_SHA256);

    @BeforeAll
    static void pki() {
        pki = TestPki.create("http://127.0.0.1:1");
    }

    /** A service whose transactions are pending for {@code pendingPolls} status calls, then end as told. */
    private static final class Scripted implements RemoteSigningService {
        final SigningKey key;
        final int pendingPolls;
        final TransactionStatus end;
        final AtomicInteger polls = new AtomicInteger();
        final List<RemoteSignRequest> submitted = new ArrayList<>();

        Scripted(SigningKey key, int pendingPolls, TransactionStatus end) {
            this.key = key;
            this.pendingPolls = pendingPolls;
            this.end = end;
        }

        @Override
        public List<RemoteCertificate> certificates(String userId) {
            return List.of(new RemoteCertificate(Optional.empty(), key.certificate().getSerialNumber().toString(16),
                    Optional.empty(), Optional.empty(), key.certificate()));
        }

        @Override
        public synchronized SigningTransaction submit(RemoteSignRequest request) {
            submitted.add(request);
            return new SigningTransaction("tx-1", request.userId(), TransactionStatus.PENDING, List.of(),
                    Optional.empty(), Optional.empty());
        }

        @Override
        public synchronized SigningTransaction status(SigningTransaction tx) {
            if (polls.incrementAndGet() <= pendingPolls) {
                return tx;
            }
            if (end != TransactionStatus.SUCCESS) {
                return tx.with(end, List.of(), Optional.of(end.name()));
            }
            RemoteSignRequest.HashToSign h = submitted.get(0).hashes().get(0);
            try {
                Signature s = Signature.getInstance("NONEwithRSA");
                s.initSign(key.privateKey());
                s.update(digestInfo(h.digest()));
                return tx.with(TransactionStatus.SUCCESS, List.of(new SignedHash(h.documentId(), s.sign())),
                        Optional.empty());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] digestInfo(byte[] sha256) {
        byte[] prefix = java.util.HexFormat.of().parseHex("3031300d060960864801650304020105000420");
        byte[] out = new byte[prefix.length + sha256.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(sha256, 0, out, prefix.length, sha256.length);
        return out;
    }

    private static RemoteSignatureSource.Builder source(RemoteSigningService service, ManualClock clock) {
        return RemoteSignatureSource.builder(service, "079099000001").clock(clock).sleeper(clock.sleeper())
                .pollInterval(Duration.ofSeconds(5)).deadline(Duration.ofMinutes(3));
    }

    @Test
    void pollsAtTheIntervalUntilSignedAndTheValueVerifies() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T02:00:00Z"));
        Scripted service = new Scripted(pki.signer(TestPki.Kind.GOOD), 3, TransactionStatus.SUCCESS);
        RemoteSignatureSource source = source(service, clock).intermediates(List.of(pki.ca())).build();

        SignatureValue value = source.sign(DATA);

        assertEquals(4, service.polls.get());
        assertEquals(Duration.ofSeconds(20), clock.slept());
        assertEquals(List.of(pki.signer(TestPki.Kind.GOOD).certificate(), pki.ca()), source.certificateChain());
        RemoteSignRequest sent = service.submitted.get(0);
        assertEquals(DigestAlgorithm.SHA256, sent.hashes().get(0).algorithm());
        assertTrue(java.util.Arrays.equals(DATA.digest(), sent.hashes().get(0).digest()));
        assertEquals(Optional.of(source.certificate().getSerialNumber().toString(16)), sent.certificateSerial());
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(source.certificate());
        v.update(DATA.bytes());
        assertTrue(v.verify(value.value()));
    }

    @Test
    void stopsAtTheDeadlineWithoutOverrunningIt() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T02:00:00Z"));
        Scripted service = new Scripted(pki.signer(TestPki.Kind.GOOD), Integer.MAX_VALUE, TransactionStatus.SUCCESS);
        RemoteSignatureSource source = source(service, clock).deadline(Duration.ofSeconds(12)).build();

        RemoteSigningException e = assertThrows(RemoteSigningException.class, () -> source.sign(DATA));

        assertEquals(RemoteSigningException.Reason.TIMED_OUT, e.reason());
        assertEquals(Fault.NETWORK, e.fault());
        assertEquals("tx-1", e.transactionId());
        assertEquals(Duration.ofSeconds(12), clock.slept()); // 5 + 5 + the 2 left, not a whole interval more
        assertEquals(2, service.polls.get());
    }

    @Test
    void eachEndStateBecomesItsReason() {
        for (TransactionStatus end : List.of(TransactionStatus.DECLINED, TransactionStatus.EXPIRED,
                TransactionStatus.FAILED)) {
            ManualClock clock = new ManualClock(Instant.parse("2026-03-01T02:00:00Z"));
            RemoteSignatureSource source = source(new Scripted(pki.signer(TestPki.Kind.GOOD), 1, end), clock).build();
            RemoteSigningException e = assertThrows(RemoteSigningException.class, () -> source.sign(DATA));
            RemoteSigningException.Reason expected = RemoteSigningException.Reason.valueOf(
                    end == TransactionStatus.DECLINED ? "DECLINED" : end.name());
            assertEquals(expected, e.reason(), end.name());
            assertEquals(end == TransactionStatus.FAILED ? Fault.PLATFORM : Fault.COUNTERPARTY, e.fault());
        }
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        Scripted service = new Scripted(pki.signer(TestPki.Kind.GOOD), Integer.MAX_VALUE, TransactionStatus.SUCCESS);
        RemoteSignatureSource source = RemoteSignatureSource.builder(service, "079099000001")
                .pollInterval(Duration.ofSeconds(30)).build(); // real sleeping: the interrupt must cut it short
        Thread.currentThread().interrupt();
        try {
            RemoteSigningException e = assertThrows(RemoteSigningException.class, () -> source.sign(DATA));
            assertEquals(RemoteSigningException.Reason.INTERRUPTED, e.reason());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSignatureFromAnotherKeyIsRefused() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T02:00:00Z"));
        // the service signs with the agency's key, but the source believes the signer's certificate is the GOOD one
        Scripted service = new Scripted(pki.signer(TestPki.Kind.AGENCY), 0, TransactionStatus.SUCCESS);
        RemoteSignatureSource source = source(service, clock)
                .certificate(pki.signer(TestPki.Kind.GOOD).certificate()).build();
        RemoteSigningException e = assertThrows(RemoteSigningException.class, () -> source.sign(DATA));
        assertEquals(RemoteSigningException.Reason.BAD_SIGNATURE, e.reason());
        assertEquals(Fault.VERIFICATION, e.fault());
        // without the check the value passes through
        RemoteSignatureSource unchecked = source(new Scripted(pki.signer(TestPki.Kind.AGENCY), 0,
                TransactionStatus.SUCCESS), new ManualClock(Instant.parse("2026-03-01T02:00:00Z"))).certificate(pki.signer(TestPki.Kind.GOOD).certificate())
                .verifyResult(false).build();
        assertEquals(SignatureAlgorithm.RSA_SHA256, unchecked.sign(DATA).algorithm());
    }

    @Test
    void refusesAnAlgorithmTheKeyCannotMakeAndBadSettings() {
        RemoteSignatureSource source = source(new Scripted(pki.signer(TestPki.Kind.GOOD), 0,
                TransactionStatus.SUCCESS), new ManualClock(Instant.parse("2026-03-01T02:00:00Z"))).build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> source.sign(new DataToSign(new byte[] {1}, SignatureAlgorithm.ECDSA_SHA256)));
        assertEquals("DataToSign.algorithm", e.errors().get(0).path());
        assertThrows(ValidationException.class, () -> RemoteSignatureSource.builder(null, "x"));
        assertThrows(ValidationException.class, () -> RemoteSignatureSource.builder(
                new Scripted(pki.signer(TestPki.Kind.GOOD), 0, TransactionStatus.SUCCESS), " "));
        assertThrows(ValidationException.class, () -> source(new Scripted(pki.signer(TestPki.Kind.GOOD), 0,
                TransactionStatus.SUCCESS), new ManualClock(Instant.parse("2026-03-01T02:00:00Z"))).pollInterval(Duration.ofMillis(1)));
        assertThrows(ValidationException.class, () -> source(new Scripted(pki.signer(TestPki.Kind.GOOD), 0,
                TransactionStatus.SUCCESS), new ManualClock(Instant.parse("2026-03-01T02:00:00Z"))).deadline(Duration.ZERO));
        assertFalse(source.toString().contains("079099000001"), source.toString());
    }

    @Test
    void requestValuesCheckTheirInput() {
        assertThrows(ValidationException.class, () -> new RemoteSignRequest.HashToSign("d", new byte[31],
                DigestAlgorithm.SHA256));
        assertThrows(ValidationException.class, () -> new RemoteSignRequest.HashToSign("", new byte[32],
                DigestAlgorithm.SHA256));
        RemoteSignRequest.HashToSign h = new RemoteSignRequest.HashToSign("d", new byte[32], DigestAlgorithm.SHA256);
        ValidationException e = assertThrows(ValidationException.class, () -> new RemoteSignRequest("", "",
                Optional.of("xyz"), List.of(h, h), Optional.empty()));
        assertEquals(4, e.errors().size(), e.getMessage());
        assertFalse(RemoteSignRequest.of("079099000001", h).toString().contains("079099000001"));
    }
}
