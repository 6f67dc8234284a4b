package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningException;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.RevocationResult;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/** Signing edXML packages: placement, algorithms, three steps, refusals. */
class EdXmlSignerTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String ED = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_SHA256", "RSA_SHA384", "RSA_SHA512"})
    void signsWithEachRsaAlgorithmAndTheSignatureVerifies(SignatureAlgorithm algorithm) {
        EdXmlSigner signer = XmlDsigFixtures.signer(TestPki.Kind.GOOD).algorithm(algorithm).build();
        byte[] signed = sign(signer, unsigned(2000));

        ValidationReport report = verifier().build().verify(signed);

        assertEquals(Indication.VALID, report.indication(), report::toString);
        assertEquals(PKI.signer(TestPki.Kind.GOOD).certificate(), report.signer().orElseThrow());
        assertEquals(List.of(), report.warnings());
        assertTrue(text(signed).contains("Algorithm=\"" + algorithm.xmlUri() + "\""));
        assertTrue(text(signed).contains("Algorithm=\"" + algorithm.digest().xmlUri() + "\""));
    }

    @Test
    void defaultIsRsaSha256AndSha1IsMadeOnlyOnRequestAndReportedWeak() {
        assertEquals(SignatureAlgorithm.RSA_SHA256, XmlDsigFixtures.signer(TestPki.Kind.GOOD).build().algorithm());
        byte[] signed = sign(XmlDsigFixtures.signer(TestPki.Kind.GOOD).algorithm(SignatureAlgorithm.RSA_SHA1).build(),
                unsigned(100));

        ValidationReport refused = verifier().build().verify(signed);
        assertEquals(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, refused.subIndication().orElseThrow());
        assertTrue(refused.reason().contains("SHA-1"), refused.reason());

        ValidationReport legacy = verifier().allowLegacySha1(true).build().verify(signed);
        assertEquals(Indication.INDETERMINATE, legacy.indication(), legacy::toString);
        assertEquals(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, legacy.subIndication().orElseThrow());
        assertTrue(legacy.reason().contains("SHA-1"), legacy.reason());
        assertEquals(PKI.signer(TestPki.Kind.GOOD).certificate(), legacy.signer().orElseThrow());

        byte[] tampered = bytes(text(signed).replace("Đề nghị hoàn thành kết nối", "Đề nghị hủy kết nối"));
        assertEquals(SubIndication.HASH_FAILURE,
                verifier().allowLegacySha1(true).build().verify(tampered).subIndication().orElseThrow());
    }

    @Test
    void ecdsaKeysSignWithEcdsaSha256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=EC signer, O=Test, C=VN");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TEN, new Date(0), new Date(4102444800000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        SigningKey key = SigningKey.of(kp.getPrivate(), List.of(cert));
        EdXmlSigner signer = EdXmlSigner.builder().source(key).build();
        assertEquals(SignatureAlgorithm.ECDSA_SHA256, signer.algorithm());
        byte[] signed = sign(signer, unsigned(500));

        ValidationReport report = EdXmlSignatureVerifier.builder()
                .certificateValidator((s, c, t) -> new CertificateValidation(Indication.VALID, Optional.empty(), "ok",
                        List.of(s), RevocationResult.notChecked("test"), List.of()))
                .build().verify(signed);
        assertEquals(Indication.VALID, report.indication(), report::toString);
        assertThrows(ValidationException.class,
                () -> EdXmlSigner.builder().source(key).algorithm(SignatureAlgorithm.RSA_SHA256).build());
    }

    @Test
    void signatureSitsInTheHeaderAfterTraceHeaderListWithTheCertificatesAndTheSubjectName() throws Exception {
        byte[] signed = sign(XmlDsigFixtures.signer(TestPki.Kind.GOOD).build(), unsigned(100));
        Document doc = SecureXml.parse(new ByteArrayInputStream(signed), "signed");
        Element sig = (Element) doc.getElementsByTagNameNS(DS, "Signature").item(0);
        Element header = (Element) sig.getParentNode();
        assertEquals("edXMLHeader", header.getLocalName());
        Element before = previousElement(sig);
        assertEquals(ED, before.getNamespaceURI());
        assertEquals("TraceHeaderList", before.getLocalName());
        assertEquals(1, doc.getElementsByTagNameNS(DS, "Reference").getLength());
        assertEquals("", ((Element) doc.getElementsByTagNameNS(DS, "Reference").item(0)).getAttribute("URI"));
        assertEquals("http://www.w3.org/2001/10/xml-exc-c14n#",
                ((Element) doc.getElementsByTagNameNS(DS, "CanonicalizationMethod").item(0)).getAttribute("Algorithm"));
        assertEquals(2, doc.getElementsByTagNameNS(DS, "Transform").getLength());
        assertEquals(2, doc.getElementsByTagNameNS(DS, "X509Certificate").getLength(), "signer and licensed CA");
        assertEquals(PKI.signer(TestPki.Kind.GOOD).certificate().getSubjectX500Principal().getName(),
                doc.getElementsByTagNameNS(DS, "X509SubjectName").item(0).getTextContent());
        // the SDK's own reader keeps it
        try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(signed))) {
            assertTrue(assertInstanceOf(DocumentPackage.class, pkg).signature().isPresent());
        }
    }

    @Test
    void aSignedPackageStaysValidWhenTheSdkReadsAndWritesItAgain() throws Exception {
        for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.RSA_SHA512)) {
            byte[] signed = sign(XmlDsigFixtures.signer(TestPki.Kind.GOOD).algorithm(alg).build(), unsigned(1000));
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
            try (EdXmlPackage pkg = EdXml.read(new ByteArrayInputStream(signed))) {
                EdXml.write(pkg, rewritten);
            }
            String before = text(signed);
            String after = text(rewritten.toByteArray());
            assertEquals(before.substring(before.indexOf("<Signature"), before.indexOf("</Signature>")),
                    after.substring(after.indexOf("<Signature"), after.indexOf("</Signature>")).replaceAll(
                            "(<[A-Za-z]+Method [^>]*\"|<Transform [^>]*\")></[A-Za-z]+>", "$1/>"),
                    "the writer writes the signature as the signer laid it out");
            assertEquals(Indication.VALID, verifier().build().verify(rewritten.toByteArray()).indication());
        }
        // a compact package gets a compact signature, still valid
        String compact = text(unsigned(10)).replaceAll(">\\s+<", "><");
        byte[] signed = sign(XmlDsigFixtures.signer(TestPki.Kind.GOOD).build(), bytes(compact));
        assertTrue(text(signed).contains("</edXML:TraceHeaderList><Signature"), text(signed));
        assertEquals(Indication.VALID, verifier().build().verify(signed).indication());
    }

    @Test
    void threeStepSigningWithTheValueMadeElsewhere() throws Exception {
        SigningKey key = PKI.signer(TestPki.Kind.GOOD);
        EdXmlSigner signer = EdXmlSigner.builder().certificateChain(key.certificateChain()).build();
        PreparedXmlSignature prepared = signer.prepare(new ByteArrayInputStream(unsigned(300)));
        assertTrue(text(prepared.dataToSign().bytes()).startsWith("<SignedInfo xmlns=\"" + DS + "\">"),
                text(prepared.dataToSign().bytes()));
        SignatureValue value = key.sign(prepared.dataToSign());

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        signer.assemble(prepared, value, first);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        signer.assemble(prepared, value, again);

        assertArrayEquals(first.toByteArray(), again.toByteArray());
        assertEquals(Indication.VALID, verifier().build().verify(first.toByteArray()).indication());
        SignatureValue otherKey = PKI.signer(TestPki.Kind.AGENCY).sign(prepared.dataToSign());
        assertThrows(SigningException.class, () -> signer.assemble(prepared, otherKey, new ByteArrayOutputStream()));
        SignatureValue otherAlg = key.sign(new vn.egov.sdk.signing.DataToSign(prepared.dataToSign().bytes(),
                SignatureAlgorithm.RSA_SHA512));
        assertThrows(ValidationException.class, () -> signer.assemble(prepared, otherAlg, new ByteArrayOutputStream()));
        assertThrows(ValidationException.class, () -> signer.sign(new ByteArrayInputStream(unsigned(1)),
                new ByteArrayOutputStream()));
    }

    @Test
    void refusesSignedPackagesNonEdxmlMalformedAndDtdInput() {
        EdXmlSigner signer = XmlDsigFixtures.signer(TestPki.Kind.GOOD).build();
        byte[] signed = sign(signer, unsigned(10));
        assertEquals("xmldsig.input.alreadySigned", code(signer, signed));
        assertEquals("xmldsig.input.notEdxml", code(signer, bytes("<a><b/></a>")));
        assertEquals("xmldsig.input.malformed", code(signer, bytes("<edXML xmlns=\"" + ED + "\">")));
        assertEquals("xmldsig.input.malformed", code(signer, bytes("<?xml version=\"1.0\"?><!DOCTYPE edXML ["
                + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><edXML xmlns=\"" + ED + "\">&x;</edXML>")));
        assertEquals("xmldsig.input.malformed", code(EdXmlSigner.builder().source(PKI.signer(TestPki.Kind.GOOD))
                .maxDocumentBytes(1000).build(), unsigned(5000)));
        String withPlaceholder = text(unsigned(10)).replace("</edXML:edXMLHeader>",
                "<edXML:DigitalSignature/></edXML:edXMLHeader>");
        assertEquals(Indication.VALID, verifier().build().verify(sign(signer, bytes(withPlaceholder))).indication(),
                "an empty DigitalSignature placeholder is replaced");
    }

    private static String code(EdXmlSigner signer, byte[] input) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> signer.prepare(new ByteArrayInputStream(input)));
        assertEquals("edxml", e.errors().get(0).path());
        return e.errors().get(0).code();
    }

    private static Element previousElement(Element e) {
        org.w3c.dom.Node n = e.getPreviousSibling();
        while (!(n instanceof Element)) {
            n = n.getPreviousSibling();
        }
        return (Element) n;
    }
}
