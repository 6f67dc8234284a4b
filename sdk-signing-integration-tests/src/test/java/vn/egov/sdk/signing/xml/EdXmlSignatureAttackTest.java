package vn.egov.sdk.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.PKI;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.bytes;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.sign;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.text;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.unsigned;
import static vn.egov.sdk.signing.xml.XmlDsigFixtures.verifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;
import vn.egov.sdk.testkit.TestPki;

/** Hostile packages: each is reported with the right reason, none is VALID, none throws or hangs. */
class EdXmlSignatureAttackTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String ED = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static byte[] signed;
    private static final EdXmlSignatureVerifier VERIFIER = verifier().build();

    @BeforeAll
    static void signOnce() {
        signed = XmlDsigFixtures.sign(XmlDsigFixtures.signer(TestPki.Kind.GOOD).build(), unsigned(3000));
        assertEquals(Indication.VALID, VERIFIER.verify(signed).indication(), "the untouched package is valid");
    }

    @Test
    void tamperedContentIsAHashFailure() {
        String s = text(signed);
        assertTrue(s.contains("Đề nghị hoàn thành kết nối"));
        expect(SubIndication.HASH_FAILURE, bytes(s.replace("Đề nghị hoàn thành kết nối", "Đề nghị hủy kết nối")),
                "changed after signing");
    }

    @Test
    void tamperedAttachmentBase64IsAHashFailure() {
        byte[] tampered = mutate(d -> {
            Element b64 = (Element) d.getElementsByTagNameNS("*", "ContentTransferEncoded").item(0);
            byte[] content = Base64.getDecoder().decode(b64.getTextContent().strip());
            content[content.length / 2] ^= 1;
            b64.setTextContent(Base64.getEncoder().encodeToString(content));
        });
        expect(SubIndication.HASH_FAILURE, tampered, "changed after signing");
    }

    @Test
    void tamperedSignatureValueIsACryptoFailure() {
        byte[] tampered = mutate(d -> {
            Element sv = first(d, DS, "SignatureValue");
            byte[] v = Base64.getDecoder().decode(sv.getTextContent());
            v[3] ^= 1;
            sv.setTextContent(Base64.getEncoder().encodeToString(v));
        });
        expect(SubIndication.SIG_CRYPTO_FAILURE, tampered, "signature value");
    }

    @Test
    void swappedCertificateInKeyInfoIsACryptoFailure() throws Exception {
        String other = Base64.getEncoder().encodeToString(PKI.signer(TestPki.Kind.AGENCY).certificate().getEncoded());
        byte[] swapped = mutate(d -> first(d, DS, "X509Certificate").setTextContent(other));
        ValidationReport r = expect(SubIndication.SIG_CRYPTO_FAILURE, swapped, "certificate was swapped");
        assertEquals(PKI.signer(TestPki.Kind.AGENCY).certificate(), r.signer().orElseThrow());
    }

    @Test
    void signatureMovedOutOfTheHeaderIsRefused() {
        byte[] moved = mutate(d -> {
            Element sig = first(d, DS, "Signature");
            first(d, ED, "edXMLBody").appendChild(sig);
        });
        expect(SubIndication.FORMAT_FAILURE, moved, "not in edXMLHeader");
        byte[] intoAttachments = mutate(d -> {
            Element sig = first(d, DS, "Signature");
            first(d, ED, "edXML").appendChild(sig);
        });
        expect(SubIndication.FORMAT_FAILURE, intoAttachments, "not in edXMLHeader");
    }

    @Test
    void signedPackageWrappedInsideAForgedOneIsRefused() {
        // the signed envelope, signature and all, hidden in an extension element of a forged package
        byte[] wrapped = mutate(d -> {
            Element root = d.getDocumentElement();
            Element originalEnvelope = first(d, ED, "edXMLEnvelope");
            Element forged = (Element) originalEnvelope.cloneNode(true);
            Element forgedHeader = first(forged, ED, "edXMLHeader");
            forgedHeader.removeChild(first(forged, DS, "Signature"));
            first(forged, ED, "Subject").setTextContent("Giả mạo");
            Element hideout = d.createElementNS("urn:x", "x:Extension");
            root.replaceChild(forged, originalEnvelope);
            hideout.appendChild(originalEnvelope);
            root.appendChild(hideout);
        });
        expect(SubIndication.FORMAT_FAILURE, wrapped, "not in edXMLHeader");
        // the same with a copy of the signature in the forged header: two signatures
        byte[] twice = mutate(wrapped, d -> {
            Element header = first(d, ED, "edXMLHeader");
            header.appendChild(d.importNode(first(d, DS, "Signature"), true));
        });
        expect(SubIndication.FORMAT_FAILURE, twice, "2 Signature elements");
        // the whole signed document under a new root
        String s = text(signed).replaceFirst("<\\?xml[^>]*\\?>", "");
        expect(SubIndication.FORMAT_FAILURE, bytes("<Wrapper>" + s + "</Wrapper>"), "not an edXML package");
        // a second envelope beside the signed one
        byte[] secondEnvelope = mutate(d -> {
            Element env = first(d, ED, "edXMLEnvelope");
            Element copy = (Element) env.cloneNode(true);
            Element sig = first(copy, DS, "Signature");
            sig.getParentNode().removeChild(sig);
            d.getDocumentElement().insertBefore(copy, env);
        });
        expect(SubIndication.FORMAT_FAILURE, secondEnvelope, null);
    }

    @Test
    void referenceToAnIdExtraReferenceAndDuplicatedIdsAreRefused() {
        byte[] byId = mutate(d -> {
            first(d, ED, "edXMLEnvelope").setAttribute("Id", "env");
            first(d, DS, "Reference").setAttribute("URI", "#env");
        });
        expect(SubIndication.FORMAT_FAILURE, byId, "URI=\"\"");
        byte[] extra = mutate(d -> {
            Element ref = first(d, DS, "Reference");
            ref.getParentNode().appendChild(ref.cloneNode(true));
        });
        expect(SubIndication.FORMAT_FAILURE, extra, "2 references");
        byte[] duplicateIds = mutate(d -> {
            first(d, ED, "edXMLBody").setAttribute("Id", "x");
            first(d, ED, "MessageHeader").setAttribute("ID", "x");
        });
        expect(SubIndication.FORMAT_FAILURE, duplicateIds, "more than once");
        byte[] object = mutate(d -> first(d, DS, "Signature").appendChild(d.createElementNS(DS, "Object")));
        expect(SubIndication.FORMAT_FAILURE, object, "Object");
    }

    @Test
    void xsltAndXpathTransformsAreForbidden() {
        byte[] xslt = mutate(d -> {
            Element t = (Element) d.getElementsByTagNameNS(DS, "Transform").item(1);
            t.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116");
        });
        expect(SubIndication.FORMAT_FAILURE, xslt, "forbidden transform");
        byte[] xpath = mutate(d -> {
            Element t = (Element) d.getElementsByTagNameNS(DS, "Transform").item(1);
            t.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
            Element x = d.createElementNS(DS, "XPath");
            x.setTextContent("not(ancestor-or-self::*[local-name()='Subject'])");
            t.appendChild(x);
        });
        expect(SubIndication.FORMAT_FAILURE, xpath, "forbidden transform");
        byte[] noEnveloped = mutate(d -> {
            Element t = (Element) d.getElementsByTagNameNS(DS, "Transform").item(0);
            t.getParentNode().removeChild(t);
        });
        expect(SubIndication.FORMAT_FAILURE, noEnveloped, "enveloped");
    }

    @Test
    void aKeyValueWithoutCertificateIsRefused() {
        byte[] keyValueOnly = mutate(d -> {
            Element ki = first(d, DS, "KeyInfo");
            while (ki.getFirstChild() != null) {
                ki.removeChild(ki.getFirstChild());
            }
            java.security.interfaces.RSAPublicKey pub = (java.security.interfaces.RSAPublicKey)
                    PKI.signer(TestPki.Kind.GOOD).certificate().getPublicKey();
            Element kv = d.createElementNS(DS, "KeyValue");
            Element rsa = d.createElementNS(DS, "RSAKeyValue");
            Element mod = d.createElementNS(DS, "Modulus");
            mod.setTextContent(Base64.getEncoder().encodeToString(pub.getModulus().toByteArray()));
            Element exp = d.createElementNS(DS, "Exponent");
            exp.setTextContent(Base64.getEncoder().encodeToString(pub.getPublicExponent().toByteArray()));
            rsa.appendChild(mod);
            rsa.appendChild(exp);
            kv.appendChild(rsa);
            ki.appendChild(kv);
        });
        expect(SubIndication.FORMAT_FAILURE, keyValueOnly, "bare KeyValue");
    }

    @Test
    void rsa1024SignerIsReportedWeak() {
        byte[] weak = sign(PKI.signer(TestPki.Kind.WEAK_RSA_1024), unsigned(100));
        ValidationReport r = expect(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, weak, "1024 bits");
        assertEquals(Indication.INDETERMINATE, r.indication());
    }

    @Test
    void expiredAndWrongKeyUsageSignersAreReportedFromTheCertificateValidator() {
        expect(SubIndication.EXPIRED, sign(PKI.signer(TestPki.Kind.EXPIRED), unsigned(10)), null);
        expect(SubIndication.KEY_USAGE, sign(PKI.signer(TestPki.Kind.WRONG_KEY_USAGE), unsigned(10)), null);
    }

    @Test
    void dtdEntitiesTruncatedAndOversizedInputAreReportedNotThrown() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<edXML xmlns=\"" + ED + "\">&c;</edXML>";
        expect(SubIndication.FORMAT_FAILURE, bytes(bomb), "not acceptable XML");
        String xxe = text(signed).replaceFirst("\\?>", "?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>");
        expect(SubIndication.FORMAT_FAILURE, bytes(xxe), "DOCTYPE");
        expect(SubIndication.FORMAT_FAILURE, Arrays.copyOf(signed, signed.length / 2), "not acceptable XML");
        expect(SubIndication.FORMAT_FAILURE, new byte[0], "not acceptable XML");
        expect(SubIndication.FORMAT_FAILURE, signed.length > 0 ? verifier().maxDocumentBytes(1024).build()
                .verify(signed) : null, "larger than 1024 bytes");
        expect(SubIndication.FORMAT_FAILURE, bytes("<a/>"), "not an edXML package");
    }

    @Test
    void unsignedAndEmptyDigitalSignaturePackagesAreReportedUnsigned() {
        expect(SubIndication.SIGNED_DATA_NOT_FOUND, unsigned(10), "no signature");
        String empty = text(unsigned(10)).replace("</edXML:edXMLHeader>", "<edXML:DigitalSignature/></edXML:edXMLHeader>");
        expect(SubIndication.SIGNED_DATA_NOT_FOUND, bytes(empty), "empty edXML:DigitalSignature");
    }

    @Test
    void traceHopsAppendedAfterSigningAreNamedAndNothingElseIsSetAside() {
        byte[] hop = mutate(d -> {
            Element list = first(d, ED, "TraceHeaderList");
            Element last = (Element) list.getElementsByTagNameNS(ED, "TraceHeader").item(0);
            Element added = (Element) last.cloneNode(true);
            first(added, ED, "OrganId").setTextContent("000.00.00.A99");
            list.insertBefore(added, last.getNextSibling());
        });
        ValidationReport r = VERIFIER.verify(hop);
        assertEquals(Indication.VALID, r.indication(), r::toString);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("000.00.00.A99") && w.contains("not covered")),
                r.warnings()::toString);
        expect(SubIndication.HASH_FAILURE, verifier().maxUnsignedTraceHops(0).build().verify(hop), null);
        // a hop inserted before the signer's own is a change, not an appended hop
        byte[] inserted = mutate(d -> {
            Element list = first(d, ED, "TraceHeaderList");
            Element own = (Element) list.getElementsByTagNameNS(ED, "TraceHeader").item(0);
            Element added = (Element) own.cloneNode(true);
            first(added, ED, "OrganId").setTextContent("000.00.00.A99");
            list.insertBefore(added, own);
        });
        expect(SubIndication.HASH_FAILURE, inserted, "changed after signing");
        // content changed as well as a hop appended: still a hash failure
        byte[] both = bytes(text(hop).replace("Đề nghị hoàn thành kết nối", "Đề nghị hủy kết nối"));
        expect(SubIndication.HASH_FAILURE, both, "changed after signing");
    }

    @Test
    void aSignatureInTheEdxmlNamespaceIsVerifiedAsACopyInTheXmlDsigNamespace() {
        byte[] edxmlNamespace = mutate(d -> {
            Element sig = first(d, DS, "Signature");
            sig.getParentNode().replaceChild(inEdxmlNamespace(d, sig), sig);
        });
        assertTrue(text(edxmlNamespace).contains("<Signature>"), "no xmlns, as in the official samples");
        ValidationReport r = VERIFIER.verify(edxmlNamespace);
        assertEquals(Indication.VALID, r.indication(), r::toString);
        assertEquals(java.util.List.of(EdXmlSignatureVerifier.NON_STANDARD_NAMESPACE), r.warnings());
    }

    private static Node inEdxmlNamespace(Document d, Node n) {
        if (!(n instanceof Element e)) {
            return n.cloneNode(true);
        }
        Element out = d.createElementNS(ED, e.getLocalName());
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            org.w3c.dom.Attr a = (org.w3c.dom.Attr) e.getAttributes().item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                out.setAttribute(a.getName(), a.getValue());
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            out.appendChild(inEdxmlNamespace(d, c));
        }
        return out;
    }

    private static ValidationReport expect(SubIndication why, byte[] input, String reasonPart) {
        return expect(why, VERIFIER.verify(input), reasonPart);
    }

    private static ValidationReport expect(SubIndication why, ValidationReport r, String reasonPart) {
        assertFalse(r.isValid(), r::toString);
        assertEquals(why, r.subIndication().orElseThrow(), r::toString);
        assertEquals(why.indication(), r.indication());
        if (reasonPart != null) {
            assertTrue(r.reason().contains(reasonPart), () -> "reason '" + r.reason() + "' lacks '" + reasonPart + "'");
        }
        return r;
    }

    private static byte[] mutate(Consumer<Document> change) {
        return mutate(signed, change);
    }

    static byte[] mutate(byte[] input, Consumer<Document> change) {
        try {
            Document d = SecureXml.parse(new ByteArrayInputStream(input), "test");
            change.accept(d);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SecureXml.transformerFactory().newTransformer().transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element first(Node scope, String ns, String local) {
        org.w3c.dom.NodeList l = scope instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) scope).getElementsByTagNameNS(ns, local);
        return (Element) l.item(0);
    }
}
