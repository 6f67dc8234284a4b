package vn.egov.sdk.signing.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.TestPki.Kind;
import vn.egov.sdk.testkit.internal.PkiIssuer;
import vn.egov.sdk.testkit.internal.PkiResponder;

/**
 * An attacker between the validator and the CA: forged, replayed, mismatched and hostile OCSP answers and CRLs
 * are never used; the validator falls back to the other source or, without one, says it could not decide.
 */
class ForgedResponsesTest {
    private static RogueResponder rogue;
    private static TestPki pki;
    private static TestPki attacker;
    private static HttpRuntime http;

    @BeforeAll
    static void start() throws Exception {
        rogue = new RogueResponder();
        pki = TestPki.create(rogue.baseUrl());
        rogue.rootCrl(pki::rootCrl); // the licensed CA is checked on the root's CRL, which stays honest here
        attacker = TestPki.create(rogue.baseUrl());
        http = HttpRuntime.builder().settings(ClientSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        rogue.close();
    }

    @BeforeEach
    void honest() {
        rogue.ocsp(pki::ocspResponse);
        rogue.crl(pki::crl);
    }

    private static PkixCertificateValidator validator(UnaryOperator<PkixCertificateValidator.Builder> custom) {
        return custom.apply(PkixCertificateValidator.builder().trustStore(TrustStore.builder().trust(pki.root())
                .build()).httpRuntime(http).cacheRevocation(false).maxAttempts(1)).build();
    }

    private static CertificateValidation validate(Kind kind) {
        return validate(kind, UnaryOperator.identity());
    }

    private static CertificateValidation validate(Kind kind, UnaryOperator<PkixCertificateValidator.Builder> custom) {
        return validator(custom).validate(pki.signer(kind).certificate(), List.of(pki.ca()), pki.createdAt());
    }

    private static void assertVerdict(SubIndication why, String mentioned, CertificateValidation r) {
        assertEquals(Optional.of(why), r.subIndication(), r.reason());
        assertTrue(r.reason().contains(mentioned) || r.revocation().detail().contains(mentioned),
                r.reason() + " / " + r.revocation().detail());
    }

    @Test
    void honestAnswersValidate() {
        assertEquals(Indication.VALID, validate(Kind.GOOD).indication());
        assertEquals(Optional.of(SubIndication.REVOKED), validate(Kind.REVOKED).subIndication());
    }

    @Test
    void aGoodAnswerSignedByTheAttackerDoesNotHideARevocation() {
        rogue.ocsp(req -> Forgeries.goodSignedByAttacker(req, pki.ocspResponder()));
        CertificateValidation r = validate(Kind.REVOKED);
        assertVerdict(SubIndication.REVOKED, "does not verify", r);
        assertEquals("CRL", r.revocation().source());
        rogue.crl(null);
        assertVerdict(SubIndication.TRY_LATER, "does not verify", validate(Kind.REVOKED));
    }

    @Test
    void aResponderNotIssuedByTheCaIsRefused() {
        rogue.ocsp(attacker::ocspResponse);
        rogue.crl(null);
        assertVerdict(SubIndication.TRY_LATER, "not signed by the issuing CA", validate(Kind.GOOD));
    }

    @Test
    void aNonceMismatchIsRefused() {
        rogue.ocsp(req -> pki.ocspResponse(Forgeries.rewrite(req, Forgeries.randomNonce(), null)));
        rogue.crl(null);
        assertVerdict(SubIndication.TRY_LATER, "nonce", validate(Kind.GOOD));
    }

    @Test
    void aMissingNonceIsAcceptedUnlessRequired() {
        rogue.ocsp(req -> pki.ocspResponse(Forgeries.rewrite(req, null, null)));
        rogue.crl(null);
        assertEquals(Indication.VALID, validate(Kind.GOOD).indication());
        assertVerdict(SubIndication.TRY_LATER, "nonce", validate(Kind.GOOD, b -> b.requireOcspNonce(true)));
    }

    @Test
    void anAnswerAboutAnotherCertificateIsRefused() {
        java.math.BigInteger good = pki.signer(Kind.GOOD).certificate().getSerialNumber();
        rogue.ocsp(req -> pki.ocspResponse(Forgeries.rewrite(req, null, good)));
        assertVerdict(SubIndication.REVOKED, "CertID", validate(Kind.REVOKED));
        rogue.crl(null);
        assertVerdict(SubIndication.TRY_LATER, "CertID", validate(Kind.REVOKED));
    }

    @Test
    void anAnswerWhoseEncodingAloneWasChangedMeansWhatItsSignatureCovers() {
        // Bouncy Castle (OCSP) and the JDK (CRL) read lengths leniently and verify the signature over what they
        // read; the SDK keeps no byte of either, only the answer: an encoding change cannot change that answer
        rogue.ocsp(req -> longerOcspLengths(pki.ocspResponse(req)));
        rogue.crl(null);
        CertificateValidation good = validate(Kind.GOOD);
        assertEquals(Indication.VALID, good.indication(), good.reason());
        assertEquals("OCSP", good.revocation().source());
        assertVerdict(SubIndication.REVOKED, "revoked", validate(Kind.REVOKED));

        rogue.ocsp(null);
        rogue.crl(() -> longerLengths(pki.crl(), 0));
        CertificateValidation viaCrl = validate(Kind.GOOD);
        assertEquals(Indication.VALID, viaCrl.indication(), viaCrl.reason());
        assertEquals("CRL", viaCrl.revocation().source());
        assertEquals(Optional.of(SubIndication.REVOKED), validate(Kind.REVOKED).subIndication());
    }

    /** The response with its outer length and its ResponseData's length one octet longer than needed. */
    private static byte[] longerOcspLengths(byte[] response) {
        vn.egov.sdk.signing.DerTree outer = vn.egov.sdk.signing.DerTree.parse(response);
        outer.form(vn.egov.sdk.signing.DerTree.Form.ONE_OCTET_MORE);
        vn.egov.sdk.signing.DerTree responseBytes = outer.at(1, 0);
        vn.egov.sdk.signing.DerTree octets = responseBytes.at(1);
        responseBytes.replace(1, octets.withContent(longerLengths(octets.content(), 0)));
        return outer.encode();
    }

    /** {@code der} with the length of its element at {@code child} (and its own) one octet longer than needed. */
    private static byte[] longerLengths(byte[] der, int child) {
        vn.egov.sdk.signing.DerTree tree = vn.egov.sdk.signing.DerTree.parse(der);
        tree.form(vn.egov.sdk.signing.DerTree.Form.ONE_OCTET_MORE);
        tree.at(child).form(vn.egov.sdk.signing.DerTree.Form.ONE_OCTET_MORE);
        byte[] out = tree.encode();
        if (java.util.Arrays.equals(out, der)) {
            throw new AssertionError("nothing changed");
        }
        return out;
    }

    @Test
    void responderRefusalsFallBackToTheCrl() {
        rogue.ocsp(req -> Forgeries.status(OCSPResp.TRY_LATER));
        assertVerdict(SubIndication.REVOKED, "tryLater", validate(Kind.REVOKED));
        rogue.ocsp(req -> Forgeries.status(OCSPResp.UNAUTHORIZED));
        rogue.crl(null);
        assertVerdict(SubIndication.TRY_LATER, "unauthorized", validate(Kind.GOOD));
    }

    @Test
    void anUnknownAnswerNeverCountsAsGood() throws Exception {
        // a PKI whose responder does not know one certificate its CA issued (built from the testkit's internals)
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant from = now.minus(Duration.ofDays(1));
        java.time.Instant to = now.plus(Duration.ofDays(30));
        PkiIssuer issuer = new PkiIssuer(new java.security.SecureRandom(), rogue.baseUrl() + TestPki.OCSP_PATH,
                rogue.baseUrl() + TestPki.CRL_PATH);
        PkiIssuer.Issued root = issuer.root("CN=Unknown Test Root,C=VN", g.generateKeyPair(), from, to);
        PkiIssuer.Issued ca = issuer.ca("CN=Unknown Test CA,C=VN", g.generateKeyPair(), root, from, to);
        PkiIssuer.Issued responder = issuer.ocspResponder("CN=Unknown Test OCSP,C=VN", g.generateKeyPair(), ca,
                from, to);
        PkiIssuer.Issued unlisted = issuer.signer("CN=Unlisted Signer,C=VN", g.generateKeyPair(), ca, from, to,
                true);
        PkiResponder answers = new PkiResponder(java.time.Clock.systemUTC(), ca, responder, responder,
                java.util.Map.of(), java.util.Set.of());
        rogue.ocsp(answers::ocsp);
        rogue.crl(answers::crl);
        for (RevocationPolicy policy : RevocationPolicy.values()) {
            if (policy == RevocationPolicy.OFFLINE) {
                continue;
            }
            CertificateValidation r = validator(b -> b.revocationPolicy(policy).trustStore(TrustStore.builder()
                    .trust(root.certificate()).build())).validate(unlisted.certificate(), List.of(ca.certificate()),
                            now);
            assertEquals(Indication.INDETERMINATE, r.indication(), policy + ": " + r.reason());
            assertVerdict(SubIndication.REVOCATION_UNKNOWN, "does not know", r);
            assertEquals(RevocationStatus.UNKNOWN, r.revocation().status());
        }
    }

    @Test
    void aCrlSignedByAnotherKeyIsRefused() {
        rogue.ocsp(null);
        rogue.crl(attacker::crl);
        assertVerdict(SubIndication.TRY_LATER, "signature does not verify", validate(Kind.REVOKED));
    }

    @Test
    void garbageAndOversizedCrlsAreRefused() {
        rogue.ocsp(null);
        rogue.crl(() -> "<html>maintenance</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertVerdict(SubIndication.TRY_LATER, "malformed", validate(Kind.GOOD));
        byte[] huge = new byte[2 * 1024 * 1024];
        rogue.crl(() -> huge);
        assertVerdict(SubIndication.TRY_LATER, "more than 1048576 bytes",
                validate(Kind.GOOD, b -> b.maxCrlBytes(1024 * 1024)));
    }

    @Test
    void aHangingResponderEndsAtTheDeadline() {
        rogue.ocsp(req -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return pki.ocspResponse(req);
        });
        CertificateValidation r = validate(Kind.REVOKED, b -> b.networkDeadline(Duration.ofMillis(300)));
        assertVerdict(SubIndication.REVOKED, "OCSP responder", r);
        assertEquals("CRL", r.revocation().source());
    }
}
