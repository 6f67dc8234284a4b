package vn.egov.sdk.signing.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * Run by {@link LowMemoryTest} in a JVM with a 64 MB heap: hostile packages far beyond the default
 * {@link vn.egov.sdk.core.xml.XmlLimits}, packages at those limits, and a package with a 100 MB attachment, each
 * generated on the fly, each verified (and where it makes sense signed) with the default settings. Prints one line per
 * case, {@code case<TAB>outcome<TAB>milliseconds}; an {@link OutOfMemoryError} ends the run with exit code 3.
 */
public final class LowMemoryMain {
    private static final String ED = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** The unsigned test package, split around the header's first child and the attachment's base64. */
    private static final String HEAD;
    private static final String HEADER_REST;
    private static final String ATTACHMENT_TAIL;

    static {
        String pkg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"" + ED + "\">"
                + "<edXML:edXMLEnvelope xmlns:edXML=\"" + ED + "\"><edXML:edXMLHeader>"
                + "<edXML:MessageHeader><edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From>"
                + "<edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To>"
                + "<edXML:Subject>V/v kết nối trục liên thông văn bản quốc gia</edXML:Subject></edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>000.00.00.G22</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/20 09:15:30</edXML:Timestamp></edXML:TraceHeader></edXML:TraceHeaderList>"
                + "</edXML:edXMLHeader><edXML:edXMLBody/></edXML:edXMLEnvelope>"
                + "<AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><AttachmentName>a.pdf</AttachmentName>"
                + "<ContentType>application/pdf</ContentType><edXML:ContentTransferEncoded xmlns:edXML=\"" + ED
                + "\">|</edXML:ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>";
        int header = pkg.indexOf("<edXML:MessageHeader>");
        int content = pkg.indexOf('|');
        HEAD = pkg.substring(0, header);
        HEADER_REST = pkg.substring(header, content);
        ATTACHMENT_TAIL = pkg.substring(content + 1);
    }

    private LowMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("egov-lowmem");
        try {
            run(dir);
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError");
            System.out.flush();
            System.exit(3);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void run(Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=Low memory signer, O=Test, C=VN");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TEN, new Date(0), new Date(4102444800000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        EdXmlSigner signer = EdXmlSigner.builder().source(SigningKey.of(kp.getPrivate(), List.of(cert))).build();
        EdXmlSignatureVerifier verifier = EdXmlSignatureVerifier.builder()
                .certificateValidator((s, c, t) -> new CertificateValidation(Indication.VALID, Optional.empty(), "ok",
                        List.of(s), RevocationResult.notChecked("test"), List.of()))
                .build();

        // hostile: far beyond the limits, refused early
        hostile(signer, verifier, dir, "emptyHeaderElements", () -> inHeader("<x/>", 6_000_000));
        hostile(signer, verifier, dir, "elementsWithAttributes", () -> inHeader("<x a=\"1\" b=\"2\"/>", 2_000_000));
        hostile(signer, verifier, dir, "toEntries", () -> new GeneratedStream(HEAD + "<edXML:MessageHeader>",
                "<edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To>", 1_000_000,
                HEADER_REST.substring("<edXML:MessageHeader>".length()) + "QUJD" + ATTACHMENT_TAIL));
        hostile(signer, verifier, dir, "deepNesting", () -> inHeader("<d>", 1_000_000));
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            declarations.append(" xmlns:p").append(i).append("=\"urn:p").append(i).append('"');
        }
        hostile(signer, verifier, dir, "namespaceDeclarationsOnRoot", () -> new ByteArrayInputStream(
                (HEAD.replace("<edXML xmlns=\"" + ED + "\"", "<edXML xmlns=\"" + ED + "\"" + declarations)
                        + HEADER_REST + "QUJD" + ATTACHMENT_TAIL).getBytes(StandardCharsets.UTF_8)));
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            names.append("<n").append("x".repeat(990)).append(String.format("%08d", i)).append("/>");
        }
        hostile(signer, verifier, dir, "distinctLongNames", () -> new ByteArrayInputStream((HEAD + names
                + HEADER_REST + "QUJD" + ATTACHMENT_TAIL).getBytes(StandardCharsets.UTF_8)));

        // at the limits: the whole package is kept as a DOM, signed and verified
        legitimate(signer, verifier, dir, "elementsWithAttributesAtTheLimit",
                () -> inHeader("<x a=\"1\" b=\"2\" c=\"3\"/>", 49_000));
        legitimate(signer, verifier, dir, "commentsAtTheLimit", () -> inHeader("<!---->", 199_000));
        legitimate(signer, verifier, dir, "processingInstructionsAtTheLimit", () -> inHeader("<?p?>", 199_000));
        legitimate(signer, verifier, dir, "textAtTheLimit", () -> inHeader("é", 1_040_000));
        // 100 MB of base64 in one attachment
        legitimate(signer, verifier, dir, "attachment100MB", () -> new GeneratedStream(HEAD + HEADER_REST,
                "QUJD", 25_000_000, ATTACHMENT_TAIL));
    }

    private static InputStream inHeader(String pattern, long times) {
        return new GeneratedStream(HEAD, pattern, times, HEADER_REST + "QUJD" + ATTACHMENT_TAIL);
    }

    private static void hostile(EdXmlSigner signer, EdXmlSignatureVerifier verifier, Path dir, String name,
            Supplier<InputStream> input) {
        long start = System.nanoTime();
        ValidationReport report = verifier.verify(input.get());
        print(name + ".verify", report.indication() + "/" + report.subIndication().map(Enum::name).orElse("")
                + " " + report.reason(), start);
        start = System.nanoTime();
        try (OutputStream out = OutputStream.nullOutputStream()) {
            signer.sign(input.get(), out);
            print(name + ".sign", "SIGNED", start);
        } catch (EgovException | IOException e) {
            print(name + ".sign", e.getClass().getSimpleName() + " " + e.getMessage(), start);
        }
    }

    private static void legitimate(EdXmlSigner signer, EdXmlSignatureVerifier verifier, Path dir, String name,
            Supplier<InputStream> input) throws IOException {
        Path signed = dir.resolve(name + ".edxml");
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(signed)) {
            signer.sign(input.get(), out);
            print(name + ".sign", "SIGNED " + Files.size(signed) + " bytes", start);
        } catch (EgovException e) {
            print(name + ".sign", e.getClass().getSimpleName() + " " + e.getMessage(), start);
            return;
        }
        start = System.nanoTime();
        try (InputStream in = Files.newInputStream(signed)) {
            ValidationReport report = verifier.verify(in);
            print(name + ".verify", report.indication() + "/" + report.subIndication().map(Enum::name).orElse("")
                    + " " + report.reason(), start);
        }
        Files.delete(signed);
    }

    private static void print(String name, String outcome, long start) {
        System.out.println(name + "\t" + outcome.replace('\t', ' ').replace('\n', ' ') + "\t"
                + (System.nanoTime() - start) / 1_000_000);
        System.out.flush();
    }
}
