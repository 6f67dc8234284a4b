package vn.egov.sdk.signing.xml;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.SampleHeaders;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.TestValidators;
import vn.egov.sdk.testkit.TestPki;

/** The test PKI, packages and helpers the XML-DSig tests share. */
final class XmlDsigFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:15:30Z"), ZoneOffset.UTC);
    static final TestPki PKI = TestPki.create("http://127.0.0.1:1", CLOCK);

    private XmlDsigFixtures() {
    }

    /** An unsigned document package of about {@code attachmentBytes} plus 3 KB of header. */
    static byte[] unsigned(int attachmentBytes) {
        MessageHeader header = SampleHeaders.officialLetter();
        byte[] pdf = new byte[attachmentBytes];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) (i * 31 + 7);
        }
        Attachment a = new Attachment("cid:1", "cv7816.pdf", "", "application/pdf", AttachmentContent.ofBytes(pdf));
        DocumentPackage doc = EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000001"), List.of(a), CLOCK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdXml.write(doc, out);
        return out.toByteArray();
    }

    static EdXmlSigner.Builder signer(TestPki.Kind kind) {
        return EdXmlSigner.builder().source(PKI.signer(kind));
    }

    static EdXmlSignatureVerifier.Builder verifier() {
        return EdXmlSignatureVerifier.builder().certificateValidator(TestValidators.issuedBy(PKI)).clock(CLOCK);
    }

    static byte[] sign(EdXmlSigner signer, byte[] unsigned) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            signer.sign(new ByteArrayInputStream(unsigned), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] sign(SignatureSource source, byte[] unsigned) {
        return sign(EdXmlSigner.builder().source(source).build(), unsigned);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether an interop tool is an executable on the {@code PATH}.
     *
     * @param tool the command, for example {@code xmlsec1}
     * @return whether it is there
     */
    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
