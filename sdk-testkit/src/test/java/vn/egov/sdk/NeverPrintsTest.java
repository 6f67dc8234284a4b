package vn.egov.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.SampleHeaders;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.signing.cms.CmsPackaging;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.timestamp.TimestampClient;
import vn.egov.sdk.signing.timestamp.TimestampToken;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustAnchorLoader;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.signing.validation.VietnamTrustAnchors;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * The SDK never prints: hostile input fed through every public parsing and verifying entry point (and the
 * embedded sandbox's every endpoint) writes nothing to {@code System.out} or {@code System.err} and logs nothing
 * through {@code java.util.logging} at a level the JDK's console handler prints. What the SDK logs goes through
 * SLF4J only (see {@link ConsoleCapture}). Each input may be refused, with a typed exception or a report.
 */
@Timeout(300)
class NeverPrintsTest {
    private static NationalSandbox sandbox;
    private static TestPki pki;
    private static HttpRuntime http;
    private static PkixCertificateValidator validator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
        pki = sandbox.pki();
        http = HttpRuntime.builder().settings(ClientSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
        validator = PkixCertificateValidator.builder().trustStore(TrustStore.builder().trust(pki.root()).build())
                .httpRuntime(http).revocationPolicy(RevocationPolicy.HARD_FAIL).cacheRevocation(false)
                .maxAttempts(1).build();
    }

    @AfterAll
    static void stop() {
        validator.close();
        http.close();
        sandbox.close();
    }

    /** Malformed XML of every kind the JDK's parser complains about. */
    private static List<byte[]> hostileXml() {
        List<String> texts = List.of("", "garbage", "<a>", "<a><b></a>", "<a></a><b/>", "<a x='1' x='2'/>",
                "<a xmlns:p='u' p:y='1' p:y='2'/>", "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
                "<?xml version='1.0'?><!DOCTYPE a SYSTEM 'http://127.0.0.1:1/a.dtd'><a/>", "<a>&undefined;</a>",
                "<p:a/>", "<?xml version='9.9'?><a/>", "<a>\u0001</a>", "<?xml version='1.0' encoding='nope'?><a/>",
                "<edXML xmlns='http://www.mic.gov.vn/TBT/QCVN_102_2016'><edXMLEnvelope>");
        List<byte[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(t.getBytes(StandardCharsets.UTF_8)));
        out.add("<?xml version='1.0' encoding='UTF-8'?><a>\u00ff\u00fe</a>".getBytes(StandardCharsets.ISO_8859_1));
        out.add(new byte[] {(byte) 0xfe, (byte) 0xff, 0, '<'});
        return out;
    }

    private static void refusedOrReported(ConsoleCapture.ThrowingRunnable action) throws Exception {
        try {
            action.run();
        } catch (EgovException | IOException expected) {
            // refused, typed: fine
        }
    }

    private static void assertNothingPrinted(List<String> printed) {
        assertEquals(List.of(), printed, () -> "printed to the console:\n" + String.join("\n", printed));
    }

    @Test
    void edxmlReader() throws Exception {
        assertNothingPrinted(ConsoleCapture.run(() -> {
            for (byte[] xml : hostileXml()) {
                refusedOrReported(() -> {
                    try (EdXmlPackage p = EdXml.read(new ByteArrayInputStream(xml))) {
                        p.toString();
                    }
                });
            }
        }));
    }

    @Test
    void theHardenedXmlFactoriesBuildersAndTransformers() throws Exception {
        String stylesheet = "<xsl:stylesheet xmlns:xsl='http://www.w3.org/1999/XSL/Transform' version='1.0'>"
                + "<xsl:template match='/'><xsl:message>note</xsl:message><xsl:copy-of select='.'/></xsl:template>"
                + "</xsl:stylesheet>";
        assertNothingPrinted(ConsoleCapture.run(() -> {
            for (byte[] xml : hostileXml()) {
                xmlRefused(() -> SecureXml.documentBuilderFactory().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml)));
                xmlRefused(() -> SecureXml.transformerFactory().newTransformer().transform(
                        new StreamSource(new ByteArrayInputStream(xml)), new StreamResult(new StringWriter())));
                xmlRefused(() -> SecureXml.transformerFactory().newTransformer(
                        new StreamSource(new ByteArrayInputStream(xml))));
                xmlRefused(() -> SecureXml.transformerFactory().newTemplates(
                        new StreamSource(new ByteArrayInputStream(xml))).newTransformer());
                xmlRefused(() -> SecureXml.transformerFactory().newTransformer(new StreamSource(new StringReader(
                        stylesheet))).transform(new StreamSource(new ByteArrayInputStream(xml)),
                        new StreamResult(new StringWriter())));
            }
            Document doc = SecureXml.documentBuilder().newDocument();
            doc.appendChild(doc.createElement("a"));
            xmlRefused(() -> SecureXml.transformerFactory().newTransformer().transform(new DOMSource(doc),
                    new StreamResult(failing())));
            xmlRefused(() -> SecureXml.transformerFactory().newTransformer(new StreamSource(new StringReader(
                    stylesheet))).transform(new DOMSource(doc), new StreamResult(new StringWriter())));
        }));
    }

    /** Runs what the JDK's XML APIs may refuse with their own checked exceptions. */
    private static void xmlRefused(ConsoleCapture.ThrowingRunnable action) throws Exception {
        try {
            action.run();
        } catch (SAXException | TransformerException | IOException expected) {
            // refused: fine
        }
    }

    @Test
    void xmlSignatures() throws Exception {
        byte[] signed = signedEdxml();
        EdXmlSignatureVerifier verifier = EdXmlSignatureVerifier.builder().certificateValidator(validator).build();
        EdXmlSigner signer = EdXmlSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build();
        assertNothingPrinted(ConsoleCapture.run(() -> {
            List<byte[]> inputs = new ArrayList<>(hostileXml());
            inputs.addAll(mutatedSignatures(signed));
            for (byte[] xml : inputs) {
                refusedOrReported(() -> verifier.verify(xml));
                refusedOrReported(() -> signer.sign(new ByteArrayInputStream(xml), new ByteArrayOutputStream()));
            }
            // a destination that fails while the signed document is written out
            refusedOrReported(() -> signer.sign(new ByteArrayInputStream(unsignedEdxml()), failing()));
        }));
    }

    @Test
    void cmsAndTimestampTokens() throws Exception {
        byte[] p7s = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()
                .sign("nội dung".getBytes(StandardCharsets.UTF_8), CmsPackaging.DETACHED);
        CmsVerifier verifier = CmsVerifier.builder().validator(validator).build();
        assertNothingPrinted(ConsoleCapture.run(() -> {
            for (byte[] bad : corrupted(p7s)) {
                refusedOrReported(() -> verifier.verify(bad));
                refusedOrReported(() -> verifier.verifyDetached(bad, "nội dung".getBytes(StandardCharsets.UTF_8)));
                refusedOrReported(() -> TimestampToken.verify(bad));
            }
        }));
    }

    @Test
    void timestampClientResponses() throws Exception {
        TimestampClient tsa = TimestampClient.builder().url(pki.tsaUrl()).runtime(http).build();
        assertNothingPrinted(ConsoleCapture.run(() -> {
            sandbox.faults().on(TestPki.TSA_PATH).times(1).malformedBody();
            refusedOrReported(() -> tsa.timestamp(new byte[] {1}));
            sandbox.faults().on(TestPki.TSA_PATH).times(1).randomDataThenClose();
            refusedOrReported(() -> tsa.timestamp(new byte[] {2}));
            sandbox.faults().on(TestPki.TSA_PATH).times(1).status(500);
            refusedOrReported(() -> tsa.timestamp(new byte[] {3}));
            sandbox.faults().on(TestPki.TSA_PATH).times(1).malformedChunk();
            refusedOrReported(() -> tsa.timestamp(new byte[] {4}));
        }));
    }

    @Test
    void pdfSignatures() throws Exception {
        Path signed = signedPdf();
        byte[] bytes = Files.readAllBytes(signed);
        PdfSignatureVerifier verifier = PdfSignatureVerifier.builder().validator(validator).build();
        List<byte[]> inputs = new ArrayList<>(corrupted(bytes));
        inputs.add(String.join("\n", "%PDF-1.4", "1 0 obj", "<< /Type /Catalog /Pages 2 0 R >>", "endobj",
                "2 0 obj", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "endobj", "3 0 obj",
                "<< /Type /Page /Parent 2 0 R /Contents 9 0 R >>", "endobj", "xref", "0 4", "0000000000 65535 f ",
                "0000000999 00000 n ", "0000000999 00000 n ", "0000000999 00000 n ", "trailer",
                "<< /Size 4 /Root 1 0 R >>", "startxref", "9999", "%%EOF", "").getBytes(StandardCharsets.US_ASCII));
        assertNothingPrinted(ConsoleCapture.run(() -> {
            for (byte[] bad : inputs) {
                refusedOrReported(() -> verifier.verify(new ByteArrayInputStream(bad)));
                Path in = Files.write(dir.resolve("in.pdf"), bad);
                refusedOrReported(() -> {
                    try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
                        signer.sign(in, dir.resolve("out.pdf"));
                    }
                });
            }
        }));
    }

    @Test
    void pdfboxLogsThroughSlf4j() {
        // commons-logging finds SLF4J, which the SDK depends on, before falling back to java.util.logging
        String log = org.apache.commons.logging.LogFactory.getLog(PDDocument.class).getClass().getName();
        assertTrue(log.contains("Slf4j"), log);
    }

    @Test
    void revocationAndTrustAnchors() throws Exception {
        byte[] p7s = CmsSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()
                .sign(new byte[] {7}, CmsPackaging.DETACHED);
        CmsVerifier verifier = CmsVerifier.builder().validator(validator).build();
        assertNothingPrinted(ConsoleCapture.run(() -> {
            for (String path : List.of(TestPki.OCSP_PATH, TestPki.CRL_PATH)) {
                sandbox.faults().on(path).always().malformedBody();
            }
            refusedOrReported(() -> verifier.verifyDetached(p7s, new byte[] {7}));
            sandbox.faults().clear();
            for (byte[] bad : corrupted(pki.root().getEncoded())) {
                refusedOrReported(() -> TrustAnchorLoader.load(VietnamTrustAnchors.NEAC_ROOT,
                        new ByteArrayInputStream(bad)));
            }
            refusedOrReported(() -> TrustAnchorLoader.load(VietnamTrustAnchors.NEAC_ROOT, new ByteArrayInputStream(
                    "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n"
                            .getBytes(StandardCharsets.US_ASCII))));
        }));
    }

    @Test
    void axisClientReceivingMalformedAnswers() throws Exception {
        assertNothingPrinted(ConsoleCapture.run(() -> {
            try (VdxpAxisClient axis = VdxpAxisClient.builder().settings(ClientSettings.builder()
                    .endpoint(sandbox.vdxpUrl()).retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5))
                    .build())
                    .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1)).build()) {
                for (String path : List.of("/vdxp/getReceivedEdocList", "/vdxp/getEdoc", "/vdxp/getAgenciesList")) {
                    sandbox.faults().on(path).always().malformedBody();
                }
                refusedOrReported(() -> axis.listReceived(MessageType.EDOC));
                refusedOrReported(() -> axis.fetch("doc-1"));
                refusedOrReported(() -> axis.agencies(CodeSystem.QCVN_102));
                sandbox.faults().clear();
                sandbox.faults().on("/vdxp/getEdoc").always().randomDataThenClose();
                refusedOrReported(() -> axis.fetch("doc-1"));
            } finally {
                sandbox.faults().clear();
            }
        }));
    }

    @Test
    void sandboxEndpointsReceivingMalformedBodies() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> paths = List.of("/oauth2/token", "/demo/echo", "/demo/orders", "/lgsp/v1/auth/login",
                "/lgsp/v1/sendEdoc", "/lgsp/v1/updateStatus", "/lgsp/v1/getEdoc", "/vdxp/sendEdoc",
                "/vdxp/updateStatus", "/vdxp/getEdoc", "/vdxp/getReceivedEdocList", TestPki.OCSP_PATH, TestPki.TSA_PATH,
                "/smartca/sca/sp769/v1/credentials/get_certificate", "/smartca/sca/sp769/v1/signatures/sign",
                "/smartca/sca/sp769/v2/signatures/sign", "/smartca/sca/sp769/v2/signatures/confirm", "/nowhere",
                // WireMock's own admin API, which answers on the sandbox's port too
                "/__admin/mappings", "/__admin/requests/find", "/__admin/requests/count",
                "/__admin/near-misses/request", "/__admin/settings", "/__admin/mappings/import",
                "/__admin/recordings/snapshot");
        List<String[]> bodies = new ArrayList<>();
        for (byte[] xml : hostileXml()) {
            bodies.add(new String[] {"application/xml", new String(xml, StandardCharsets.ISO_8859_1)});
        }
        bodies.add(new String[] {"application/json", "{\"a\":"});
        bodies.add(new String[] {"application/json", "[[[[[[[[[[[[[[[[[[[["});
        bodies.add(new String[] {"multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; "
                + "name=\"edocFile\"; filename=\"a.edxml\"\r\n\r\n<a><b></a>\r\n--xyz--\r\n"});
        bodies.add(new String[] {"multipart/form-data; boundary=xyz", "--xyz\r\n\r\n"});
        bodies.add(new String[] {"multipart/form-data", "garbage"});
        bodies.add(new String[] {"application/x-www-form-urlencoded", "a=%zz&&="});
        assertNothingPrinted(ConsoleCapture.run(() -> {
            for (String path : paths) {
                for (String[] body : bodies) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                            .timeout(Duration.ofSeconds(10)).header("Content-Type", body[0])
                            .header("Authorization", "Bearer garbage")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body[1].getBytes(StandardCharsets.ISO_8859_1)))
                            .build();
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                }
            }
        }));
    }

    private static OutputStream failing() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
    }

    /** Truncations, flipped bytes and garbage made from a genuine file. */
    private static List<byte[]> corrupted(byte[] genuine) {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[0]);
        out.add("garbage".getBytes(StandardCharsets.US_ASCII));
        for (int cut : new int[] {1, 2, 10, genuine.length / 3, genuine.length / 2, genuine.length - 1}) {
            out.add(Arrays.copyOf(genuine, cut));
        }
        for (int at = 0; at < genuine.length; at += Math.max(1, genuine.length / 40)) {
            byte[] b = genuine.clone();
            b[at] ^= 0x5a;
            out.add(b);
        }
        byte[] trailing = Arrays.copyOf(genuine, genuine.length + 16);
        Arrays.fill(trailing, genuine.length, trailing.length, (byte) 0x41);
        out.add(trailing);
        return out;
    }

    private static byte[] unsignedEdxml() {
        MessageHeader header = SampleHeaders.officialLetter();
        DocumentPackage doc = EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), List.of(),
                Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(doc, out);
        return out.toByteArray();
    }

    private static byte[] signedEdxml() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXmlSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build().sign(
                new ByteArrayInputStream(unsignedEdxml()), out);
        return out.toByteArray();
    }

    /** A signed edXML with its signature's parts made wrong one at a time. */
    private static List<byte[]> mutatedSignatures(byte[] signed) {
        String xml = new String(signed, StandardCharsets.UTF_8);
        List<String[]> swaps = List.of(
                new String[] {"<SignatureValue>", "<SignatureValue>!!!*"},
                new String[] {"<DigestValue>", "<DigestValue>%%%"},
                new String[] {"<X509Certificate>", "<X509Certificate>AAAA"},
                new String[] {"Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"",
                        "Algorithm=\"urn:unknown\""},
                new String[] {"Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"", "Algorithm=\"urn:unknown\""},
                new String[] {"Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"",
                        "Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\""},
                new String[] {"URI=\"\"", "URI=\"#nowhere\""},
                new String[] {"URI=\"\"", "URI=\"http://127.0.0.1:1/x\""},
                new String[] {"<SignedInfo>", "<SignedInfo><Junk/>"},
                new String[] {"</Signature>", "</Signature><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"/>"});
        List<byte[]> out = new ArrayList<>();
        // the same Id twice, the reference pointing at it (the JDK's XML-DSig logs a warning when it meets this)
        out.add(xml.replaceFirst("URI=\"\"", "URI=\"#d\"").replaceFirst("<edXML:edXMLHeader",
                "<edXML:edXMLHeader Id=\"d\"").replaceFirst("<edXML:edXMLBody", "<edXML:edXMLBody Id=\"d\"")
                .getBytes(StandardCharsets.UTF_8));
        for (String[] s : swaps) {
            String changed = xml.replaceFirst(java.util.regex.Pattern.quote(s[0]),
                    java.util.regex.Matcher.quoteReplacement(s[1]));
            out.add(changed.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private Path signedPdf() throws IOException {
        Path in = dir.resolve("blank.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(in.toFile());
        }
        Path out = dir.resolve("signed.pdf");
        try (PdfSigner signer = PdfSigner.builder().source(pki.signer(TestPki.Kind.GOOD)).build()) {
            signer.sign(in, out);
        }
        return out;
    }
}
