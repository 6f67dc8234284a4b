package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.PKI;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.bytes;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.sign;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.text;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.unsigned;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.verifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.core.xml.XmlLimits;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.signing.internal.xml.ParsedPackage;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/**
 * What is signed is what is read: the verifier reads a package as a conforming XML 1.0 parser does (line ends
 * normalised, references resolved, CDATA as text), so a package is VALID only while every conforming reader reads
 * the values that were signed. And the reader behind it is bounded and configurable.
 */
class XmlDsigReadingTest {
    private static final EdXmlSigner SIGNER = XmlDsigFixtures.signer(TestPki.Kind.GOOD).build();
    private static final EdXmlSignatureVerifier VERIFIER = verifier().build();
    private static final String CONTENT = "Dòng 1\nDòng 2\nDòng 3\rDòng 4\nDòng\n5";
    private static final String MANIFEST_DESCRIPTION = "Mô tả\nhai\rdòng";
    private static final String ATTACHMENT_DESCRIPTION = "Tệp\nđính kèm\r\nx\ny";

    @TempDir
    Path dir;

    /** Line ends as raw CR and CRLF, references to CR and LF, CDATA, character-referenced base64. */
    private static String oddLineEnds() {
        return text(unsigned(3))
                .replace("Đề nghị hoàn thành kết nối", "Dòng 1\r\nDòng 2\rDòng 3&#13;Dòng 4&#10;<![CDATA[Dòng\r\n5]]>")
                .replace("<edXML:Description></edXML:Description>",
                        "<edXML:Description>Mô tả\r\nhai&#13;dòng</edXML:Description>")
                .replace("<Description></Description>",
                        "<Description>Tệp\r\nđính kèm&#13;&#10;<![CDATA[x\ry]]></Description>")
                .replace(">ByZF<", ">&#66;yZ\r\nF<");
    }

    @Test
    void signedLineEndsReferencesAndCdataVerifyAndTheVerifierReadsThemAsAConformingParserDoes() throws Exception {
        byte[] signed = sign(SIGNER, bytes(oddLineEnds()));
        ValidationReport report = VERIFIER.verify(signed);
        assertEquals(Indication.VALID, report.indication(), report::toString);
        assertTrue(OddPackages.jdkVerify(signed, PKI.signer(TestPki.Kind.GOOD).certificate()).valid());

        // the verifier's DOM holds what the JDK's DocumentBuilder reads, line ends normalised
        Document conforming = SecureXml.parse(new ByteArrayInputStream(signed), "test");
        try (ParsedPackage parsed = ParsedPackage.read(new ByteArrayInputStream(signed), Long.MAX_VALUE,
                XmlLimits.defaults(), dir)) {
            for (Document d : List.of(conforming, parsed.document())) {
                assertEquals(CONTENT, textOf(d, "Content", 0));
                assertEquals(MANIFEST_DESCRIPTION, textOf(d, "Description", 0));
                assertEquals(ATTACHMENT_DESCRIPTION, textOf(d, "Description", 1));
            }
            assertEquals("ByZ\nF", textOf(conforming, "ContentTransferEncoded", 0));
        }
        // and so does the SDK's edXML reader, attachments included
        try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(signed))) {
            DocumentPackage doc = assertInstanceOf(DocumentPackage.class, pkg);
            assertEquals(CONTENT, doc.header().content());
            assertEquals(MANIFEST_DESCRIPTION, doc.manifest().get(0).description());
            assertEquals(ATTACHMENT_DESCRIPTION, doc.attachments().get(0).description());
            try (java.io.InputStream content = doc.attachments().get(0).content().openStream()) {
                assertArrayEquals(java.util.Base64.getDecoder().decode("ByZF"), content.readAllBytes());
            }
        }
    }

    @Test
    void aLineBreakRewrittenAsCrOrCrlfStillMatchesButACharacterReferenceToCrDoesNot() {
        String signed = text(sign(SIGNER, bytes(oddLineEnds())));
        for (String signedText : List.of("Dòng 1\nDòng 2", "Tệp\nđính kèm", "Mô tả\nhai")) {
            assertTrue(signed.contains(signedText), signedText);
            for (String same : List.of("\r\n", "\r")) {
                byte[] rewritten = bytes(signed.replace(signedText, signedText.replace("\n", same)));
                assertEquals(Indication.VALID, VERIFIER.verify(rewritten).indication(), signedText);
            }
            for (String other : List.of("&#13;", "&#13;&#10;", "\n\n", "")) {
                byte[] changed = bytes(signed.replace(signedText, signedText.replace("\n", other)));
                assertEquals(SubIndication.HASH_FAILURE, VERIFIER.verify(changed).subIndication().orElseThrow(),
                        signedText + " with " + other);
            }
        }
    }

    @Test
    void theVerifierReadsEveryValueAsTheJdkDocumentBuilderDoes() throws Exception {
        Random r = new Random(1602);
        for (int i = 0; i < 20; i++) {
            byte[] pkg = bytes(OddPackages.unsigned(r));
            Document conforming = SecureXml.parse(new ByteArrayInputStream(pkg), "test");
            try (ParsedPackage parsed = ParsedPackage.read(new ByteArrayInputStream(pkg), Long.MAX_VALUE,
                    XmlLimits.defaults(), dir)) {
                List<String> expected = new ArrayList<>();
                List<String> actual = new ArrayList<>();
                describe(conforming, expected, false);
                describe(parsed.document(), actual, false);
                assertEquals(expected, actual, "package " + i);
                assertTrue(parsed.excluded().segmentCount() > 0);
            }
        }
    }

    /**
     * The nodes in document order as canonical XML sees them: elements with namespace, name and attributes
     * (declarations included, in a canonical order), runs of text (adjacent text and CDATA together), comments,
     * processing instructions. Text directly inside {@code ContentTransferEncoded} is left out (the verifier keeps it
     * aside; its canonical form is compared with the JDK's by {@link XmlDsigDifferentialTest}).
     */
    private static void describe(Node n, List<String> out, boolean attachmentContent) {
        StringBuilder text = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(c.getNodeValue());
                continue;
            }
            if (text.length() > 0 && !attachmentContent) {
                out.add("text " + text);
            }
            text.setLength(0);
            if (c instanceof Element e) {
                List<String> attributes = new ArrayList<>();
                NamedNodeMap map = e.getAttributes();
                for (int i = 0; i < map.getLength(); i++) {
                    Attr a = (Attr) map.item(i);
                    attributes.add("{" + a.getNamespaceURI() + "}" + a.getName() + "=" + a.getValue());
                }
                attributes.sort(null);
                out.add("element {" + e.getNamespaceURI() + "}" + e.getTagName() + " " + attributes);
                describe(e, out, "ContentTransferEncoded".equals(e.getLocalName()));
                out.add("end");
            } else if (c.getNodeType() == Node.COMMENT_NODE) {
                out.add("comment " + c.getNodeValue());
            } else if (c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                out.add("pi " + c.getNodeName() + " " + c.getNodeValue());
            } else {
                out.add("other " + c.getNodeType());
            }
        }
        if (text.length() > 0 && !attachmentContent) {
            out.add("text " + text);
        }
    }

    private static String textOf(Document d, String localName, int index) {
        return d.getElementsByTagNameNS("*", localName).item(index).getTextContent();
    }

    @Test
    void xml11PackagesAreRefused() {
        byte[] signed = sign(SIGNER, unsigned(10));
        byte[] xml11 = bytes(text(signed).replaceFirst("version=\"1.0\"", "version=\"1.1\""));
        assertTrue(text(xml11).startsWith("<?xml version=\"1.1\""));
        ValidationReport r = VERIFIER.verify(xml11);
        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow(), r::toString);
        assertTrue(r.reason().contains("XML 1.1 is not accepted"), r.reason());
        ValidationException e = assertThrows(ValidationException.class,
                () -> SIGNER.prepare(new ByteArrayInputStream(bytes(text(unsigned(10))
                        .replaceFirst("version=\"1.0\"", "version=\"1.1\"")))));
        assertEquals("xmldsig.input.malformed", e.errors().get(0).code());
        assertTrue(e.getMessage().contains("XML 1.1"), e.getMessage());
    }

    @Test
    void theLimitsAreConfigurableAndABrokenOneIsNamed() {
        byte[] signed = sign(SIGNER, unsigned(10));
        assertEquals(Indication.VALID, VERIFIER.verify(signed).indication());
        XmlLimits fewElements = XmlLimits.builder().maxElements(40).build();
        ValidationReport r = verifier().xmlLimits(fewElements).build().verify(signed);
        assertEquals(SubIndication.FORMAT_FAILURE, r.subIndication().orElseThrow());
        assertTrue(r.reason().contains("XmlLimits.maxElements = 40"), r.reason());
        ValidationReport text = verifier().xmlLimits(XmlLimits.builder().maxTextChars(100).build()).build()
                .verify(signed);
        assertTrue(text.reason().contains("XmlLimits.maxTextChars = 100"), text.reason());
        // attachment content is not text the limits count: a 1 MB attachment passes a 100 KB text limit
        byte[] large = sign(SIGNER, unsigned(1_000_000));
        assertEquals(Indication.VALID, verifier().xmlLimits(XmlLimits.builder().maxTextChars(100_000).build())
                .build().verify(large).indication());

        EdXmlSigner limited = XmlDsigFixtures.signer(TestPki.Kind.GOOD).xmlLimits(fewElements).build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> limited.prepare(new ByteArrayInputStream(unsigned(10))));
        assertEquals("xmldsig.input.limit", e.errors().get(0).code());
        assertEquals("edxml", e.errors().get(0).path());
        assertTrue(e.getMessage().contains("XmlLimits.maxElements = 40"), e.getMessage());
        assertThrows(ValidationException.class, () -> verifier().xmlLimits(null));
        assertThrows(ValidationException.class, () -> EdXmlSigner.builder().xmlLimits(null));
    }

    @Test
    void aPreparedSignatureKeepsLargeAttachmentsInATemporaryFileUntilClosed() throws Exception {
        EdXmlSigner signer = XmlDsigFixtures.signer(TestPki.Kind.GOOD).tempDirectory(dir).build();
        byte[] unsigned = unsigned(2_000_000);
        PreparedXmlSignature prepared = signer.prepare(new ByteArrayInputStream(unsigned));
        assertEquals(1, count(dir), "the attachment text is in a file");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        signer.assemble(prepared, PKI.signer(TestPki.Kind.GOOD).sign(prepared.dataToSign()), out);
        assertEquals(Indication.VALID, verifier().tempDirectory(dir).build().verify(out.toByteArray()).indication());
        prepared.close();
        assertEquals(0, count(dir), "closing deletes it");
        ValidationException closed = assertThrows(ValidationException.class, () -> signer.assemble(prepared,
                PKI.signer(TestPki.Kind.GOOD).sign(prepared.dataToSign()), new ByteArrayOutputStream()));
        assertEquals("xmldsig.prepared.closed", closed.errors().get(0).code());
        prepared.close();
        sign(signer, unsigned);
        assertEquals(0, count(dir), "sign() deletes its own");
        assertFalse(VERIFIER.verify(bytes(text(out.toByteArray()).replace("<edXML:ContentTransferEncoded",
                "<edXML:ContentTransferEncoded a=\"1\""))).isValid());
    }

    @Test
    void attachmentTextTakesNoMoreRoomOnDiskThanInTheInput() throws Exception {
        // canonical XML writes each > as &gt;: kept escaped, 2 MB of them would take 8 MB on disk
        byte[] unsigned = bytes(text(unsigned(3)).replace(">ByZF<", ">" + "&gt;".repeat(1_000_000)
                + ">".repeat(1_000_000) + "<"));
        EdXmlSigner signer = XmlDsigFixtures.signer(TestPki.Kind.GOOD).tempDirectory(dir).build();
        try (PreparedXmlSignature prepared = signer.prepare(new ByteArrayInputStream(unsigned))) {
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(2_000_000, Files.size(files.findFirst().orElseThrow()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            signer.assemble(prepared, PKI.signer(TestPki.Kind.GOOD).sign(prepared.dataToSign()), out);
            assertEquals(Indication.VALID, VERIFIER.verify(out.toByteArray()).indication());
            assertTrue(OddPackages.jdkVerify(out.toByteArray(), PKI.signer(TestPki.Kind.GOOD).certificate()).valid());
        }
    }

    @Test
    void aTemporaryDirectoryThatCannotBeWrittenIsAnIoErrorNotAVerdictOnThePackage() {
        byte[] large = sign(SIGNER, unsigned(1_000_000));
        Path missing = dir.resolve("missing");
        assertThrows(UncheckedIOException.class, () -> verifier().tempDirectory(missing).build().verify(large));
        assertThrows(IOException.class, () -> XmlDsigFixtures.signer(TestPki.Kind.GOOD).tempDirectory(missing)
                .build().sign(new ByteArrayInputStream(unsigned(1_000_000)), new ByteArrayOutputStream()));
        assertEquals(Indication.VALID, verifier().tempDirectory(missing).build().verify(sign(SIGNER, unsigned(10)))
                .indication(), "small attachments stay in memory");
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
