package vn.egov.sdk.signing.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.timestamp.TimestampToken;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;

/** The RFC 3161 client against the sandbox's TSA, and against a hostile TSA that answers wrongly. */
class TimestampClientTest {
    private static final byte[] DATA = "chữ ký cần gắn dấu thời gian".getBytes(StandardCharsets.UTF_8);

    private static NationalSandbox sandbox;
    private static TestPki pki;
    private static HttpRuntime runtime;
    private HttpServer hostile;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        runtime = HttpRuntime.builder().build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        sandbox.close();
    }

    @AfterEach
    void stopHostile() {
        if (hostile != null) {
            hostile.stop(0);
        }
    }

    @Test
    void sandboxTsaGrantsAVerifiedTokenOverTheData() {
        TimestampClient client = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();

        TimestampToken token = client.timestamp(DATA);

        assertTrue(Duration.between(token.genTime(), Instant.now()).abs().toSeconds() < 60);
        assertEquals(pki.tsa().certificate(), token.tsaCertificate());
        assertTrue(token.covers(DATA));
        assertTrue(!token.covers("khác".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(DigestAlgorithm.SHA256.digest(DATA), token.imprint());
        assertEquals(DigestAlgorithm.SHA256.oid(), token.imprintAlgorithmOid());
        assertEquals("1.3.6.1.4.1.99999.1.1", token.policy());
        assertEquals(token, TimestampToken.verify(token.der()));
    }

    @Test
    void requestedPolicyAndDigestAreHonoured() {
        TimestampClient client = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime)
                .digest(DigestAlgorithm.SHA512).policy("1.3.6.1.4.1.99999.1.1").build();

        TimestampToken token = client.timestamp(DATA);

        assertEquals(DigestAlgorithm.SHA512.oid(), token.imprintAlgorithmOid());
        assertTrue(token.covers(DATA));
    }

    @Test
    void aTimestampRequestIsRepeatedAfterATransientFailure() {
        vn.egov.sdk.testkit.FaultPreset reset = sandbox.faults().on("/pki/tsa").connectionReset();
        vn.egov.sdk.testkit.FaultPreset unavailable = sandbox.faults().on("/pki/tsa").status(503);
        TimestampClient client = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();

        assertTrue(client.timestamp(DATA).covers(DATA), "safe to repeat: a new token, same imprint");
        assertEquals(1, reset.triggered());
        assertEquals(1, unavailable.triggered());
        sandbox.faults().clear();
    }

    @Test
    void aTsaThatKeepsFailingIsReportedAsSuch() {
        sandbox.faults().on("/pki/tsa").always().status(500);
        TimestampClient client = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        try {
            vn.egov.sdk.core.EgovException e = assertThrows(vn.egov.sdk.core.EgovException.class,
                    () -> client.timestamp(DATA));
            assertTrue(!(e instanceof VerificationException), e.toString());
            assertEquals(3, e.attempts(), e.toString());
        } finally {
            sandbox.faults().clear();
        }
    }

    @Test
    void badConfigurationIsAValidationError() {
        assertEquals("timestamp.url", assertThrows(ValidationException.class,
                () -> TimestampClient.builder().url("ftp://tsa").build()).errors().get(0).code());
        assertEquals("timestamp.url", assertThrows(ValidationException.class,
                () -> TimestampClient.builder().build()).errors().get(0).code());
        assertEquals("timestamp.policy", assertThrows(ValidationException.class,
                () -> TimestampClient.builder().policy("not an oid")).errors().get(0).code());
        TimestampClient client = TimestampClient.builder().url(pki.tsaUrl()).runtime(runtime).build();
        assertEquals("timestamp.digest", assertThrows(ValidationException.class,
                () -> client.timestampDigest(new byte[5], DigestAlgorithm.SHA256)).errors().get(0).code());
    }

    @Test
    void responseToAnotherRequestIsRefused() throws Exception {
        String url = serve(request -> pki.timestampResponse(otherRequest(request, true, false)));

        VerificationException e = assertThrows(VerificationException.class, () -> client(url).timestamp(DATA));
        assertTrue(e.getMessage().contains("imprint"), e.getMessage());
    }

    @Test
    void responseWithAnotherNonceIsRefused() throws Exception {
        String url = serve(request -> pki.timestampResponse(otherRequest(request, false, true)));

        VerificationException e = assertThrows(VerificationException.class, () -> client(url).timestamp(DATA));
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    }

    @Test
    void rejectionIsAPlatformError() throws Exception {
        String url = serve(request -> pki.timestampResponse(new byte[] {1, 2, 3}));

        PlatformException e = assertThrows(PlatformException.class, () -> client(url).timestamp(DATA));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void garbageIsAVerificationError() throws Exception {
        String url = serve(request -> "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8));

        assertThrows(VerificationException.class, () -> client(url).timestamp(DATA));
    }

    @Test
    void tokenSignedByACertificateWithoutTimeStampingUsageIsRefused() throws Exception {
        SigningKey notATsa = pki.signer(TestPki.Kind.GOOD);
        String url = serve(request -> resignedBy(notATsa, pki.timestampResponse(request)));

        VerificationException e = assertThrows(VerificationException.class, () -> client(url).timestamp(DATA));
        assertTrue(e.getMessage().contains("does not verify") && e.getMessage().contains("ExtendedKeyUsage"),
                e.getMessage());
    }

    @Test
    void aTokenWhoseEncodingWasChangedIsRefused() throws Exception {
        // the token's signed attributes written with a length in the long form: Bouncy Castle would re-encode them
        // in DER and verify the token anyway
        String url = serve(request -> {
            byte[] response = pki.timestampResponse(request);
            vn.egov.sdk.signing.DerTree tree = vn.egov.sdk.signing.DerTree.parse(response);
            vn.egov.sdk.signing.DerTree signerInfos = tree.at(1, 1, 0).children()
                    .get(tree.at(1, 1, 0).children().size() - 1);
            signerInfos.at(0, 3).form(vn.egov.sdk.signing.DerTree.Form.ONE_OCTET_MORE);
            return tree.encode();
        });

        VerificationException e = assertThrows(VerificationException.class, () -> client(url).timestamp(DATA));
        assertTrue(e.getMessage().contains("not DER") && e.getMessage().contains("signer 1's signed attributes"),
                e.getMessage());
    }

    @Test
    void aResponseWithBytesAfterItIsRefused() throws Exception {
        String url = serve(request -> {
            byte[] response = pki.timestampResponse(request);
            byte[] longer = java.util.Arrays.copyOf(response, response.length + 4);
            longer[response.length] = 0x30;
            longer[response.length + 1] = 0x02;
            return longer;
        });

        VerificationException e = assertThrows(VerificationException.class, () -> client(url).timestamp(DATA));
        assertTrue(e.getMessage().contains("4 bytes follow"), e.getMessage());
    }

    private TimestampClient client(String url) {
        return TimestampClient.builder().url(url).runtime(runtime).build();
    }

    /** A request like {@code original}, with another imprint and/or another nonce. */
    private static byte[] otherRequest(byte[] original, boolean otherImprint, boolean otherNonce) {
        try {
            TimeStampRequest req = new TimeStampRequest(original);
            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
            g.setCertReq(true);
            byte[] imprint = otherImprint ? DigestAlgorithm.SHA256.digest(new byte[] {42})
                    : req.getMessageImprintDigest();
            BigInteger nonce = otherNonce ? req.getNonce().add(BigInteger.ONE) : req.getNonce();
            return g.generate(TSPAlgorithms.SHA256, imprint, nonce).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response with its token's TSTInfo signed again by {@code key} (with a correct ESS attribute). */
    private static byte[] resignedBy(SigningKey key, byte[] response) {
        try {
            TimeStampResponse r = new TimeStampResponse(response);
            byte[] tstInfo = r.getTimeStampToken().getTimeStampInfo().toASN1Structure().getEncoded();
            AttributeTable ess = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(
                            DigestAlgorithm.SHA256.digest(key.certificate().getEncoded()))}))));
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .build()).setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(ess))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
            g.addCertificates(new JcaCertStore(key.certificateChain()));
            byte[] token = g.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo, tstInfo), true)
                    .toASN1Structure().getEncoded();
            org.bouncycastle.asn1.tsp.TimeStampResp resp = new org.bouncycastle.asn1.tsp.TimeStampResp(
                    new org.bouncycastle.asn1.cmp.PKIStatusInfo(org.bouncycastle.asn1.cmp.PKIStatus.granted),
                    org.bouncycastle.asn1.cms.ContentInfo.getInstance(token));
            return resp.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a TSA that answers each request with {@code answer(request)}; returns its URL. */
    private String serve(UnaryOperator<byte[]> answer) throws Exception {
        hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostile.createContext("/tsa", exchange -> {
            byte[] body = answer.apply(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        hostile.start();
        return "http://127.0.0.1:" + hostile.getAddress().getPort() + "/tsa";
    }
}
