package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.signing.DigestAlgorithm;

class TestPkiTest {
    private static NationalSandbox sandbox;
    private static TestPki pki;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void chainsAreShapedLikeVietnamsAndVerify() throws Exception {
        X509Certificate root = pki.root();
        X509Certificate ca = pki.ca();
        root.verify(root.getPublicKey());
        ca.verify(root.getPublicKey());
        X509Certificate good = pki.signer(TestPki.Kind.GOOD).certificate();
        good.verify(ca.getPublicKey());
        assertEquals(0, ca.getBasicConstraints());
        assertEquals(-1, good.getBasicConstraints());
        assertTrue(good.getKeyUsage()[0] && good.getKeyUsage()[1], "digitalSignature + nonRepudiation");
        assertTrue(good.getSubjectX500Principal().getName().contains("Nguyễn Văn An"));
        assertFalse(pki.signer(TestPki.Kind.WRONG_KEY_USAGE).certificate().getKeyUsage()[0]);
        assertTrue(pki.signer(TestPki.Kind.EXPIRED).certificate().getNotAfter().toInstant()
                .isBefore(pki.createdAt()));
        assertTrue(pki.signer(TestPki.Kind.NOT_YET_VALID).certificate().getNotBefore().toInstant()
                .isAfter(pki.createdAt()));
        assertEquals(pki, sandbox.pki(), "one PKI per sandbox");
        assertTrue(pki.rootPem().startsWith("-----BEGIN CERTIFICATE-----\n"));
    }

    @Test
    void crlServedBySandboxListsOnlyTheRevokedSigner() throws Exception {
        HttpResponse<byte[]> r = http(HttpRequest.newBuilder(URI.create(pki.crlUrl())).GET().build());
        assertEquals(200, r.statusCode());
        java.security.cert.X509CRL crl = (java.security.cert.X509CRL) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCRL(new ByteArrayInputStream(r.body()));
        crl.verify(pki.ca().getPublicKey());
        assertTrue(crl.isRevoked(pki.signer(TestPki.Kind.REVOKED).certificate()));
        assertFalse(crl.isRevoked(pki.signer(TestPki.Kind.GOOD).certificate()));
        assertEquals(pki.revokedAt().getEpochSecond(), crl.getRevokedCertificate(
                pki.signer(TestPki.Kind.REVOKED).certificate()).getRevocationDate().toInstant().getEpochSecond());
    }

    @Test
    void ocspServedBySandboxAnswersGoodRevokedAndUnknown() throws Exception {
        assertEquals(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD,
                ocspStatus(pki.signer(TestPki.Kind.GOOD).certificate().getSerialNumber()));
        Object revoked = ocspStatus(pki.signer(TestPki.Kind.REVOKED).certificate().getSerialNumber());
        assertTrue(revoked instanceof RevokedStatus, String.valueOf(revoked));
        assertTrue(ocspStatus(BigInteger.valueOf(42)) instanceof UnknownStatus);

        HttpResponse<byte[]> garbage = http(HttpRequest.newBuilder(URI.create(pki.ocspUrl()))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(garbage.body()).getStatus());
    }

    private Object ocspStatus(BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new X509CertificateHolder(pki.ca().getEncoded()), serial);
        byte[] req = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        HttpResponse<byte[]> r = http(HttpRequest.newBuilder(URI.create(pki.ocspUrl()))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(req)).build());
        assertEquals("application/ocsp-response", r.headers().firstValue("Content-Type").orElse(""));
        OCSPResp resp = new OCSPResp(r.body());
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.ocspResponder())));
        return basic.getResponses()[0].getCertStatus();
    }

    @Test
    void tsaServedBySandboxGrantsATokenOverTheDigest() throws Exception {
        byte[] digest = DigestAlgorithm.SHA256.digest("payload".getBytes());
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        org.bouncycastle.tsp.TimeStampRequest req = g.generate(TSPAlgorithms.SHA256, digest, BigInteger.TEN);
        HttpResponse<byte[]> r = http(HttpRequest.newBuilder(URI.create(pki.tsaUrl()))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded())).build());
        assertEquals(200, r.statusCode());
        TimeStampResponse resp = new TimeStampResponse(r.body());
        resp.validate(req);
        assertNotNull(resp.getTimeStampToken());
        Instant at = resp.getTimeStampToken().getTimeStampInfo().getGenTime().toInstant();
        assertTrue(Math.abs(at.getEpochSecond() - Instant.now().getEpochSecond()) < 60);
        assertEquals(415, http(HttpRequest.newBuilder(URI.create(pki.tsaUrl()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded())).build()).statusCode());
    }

    private static HttpResponse<byte[]> http(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
