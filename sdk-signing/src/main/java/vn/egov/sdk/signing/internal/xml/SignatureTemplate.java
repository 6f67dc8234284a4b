package vn.egov.sdk.signing.internal.xml;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Element;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.SignatureAlgorithm;

/**
 * The parts of the enveloped XML-DSig signature that {@link vn.egov.sdk.signing.xml.EdXmlSigner} hands to the
 * JDK's {@code javax.xml.crypto}: the {@code SignedInfo} and {@code KeyInfo} templates, the chain {@code KeyInfo}
 * carries, and, once the JDK placed the signature, its {@code SignatureValue} element and the reference's real
 * digest.
 */
public final class SignatureTemplate {
    private SignatureTemplate() {
    }

    /**
     * The {@code SignedInfo}: exclusive canonicalisation, the algorithm, one {@code Reference URI=""} with the
     * enveloped-signature and exclusive-c14n transforms and a placeholder digest (so the JDK does not digest its DOM,
     * which lacks the attachments; {@link #putDigest} puts the real one in).
     *
     * @param factory the XML-DSig factory
     * @param algorithm the signature algorithm
     * @return the signed info
     */
    public static SignedInfo signedInfo(XMLSignatureFactory factory, SignatureAlgorithm algorithm) {
        try {
            // a placeholder digest, so the JDK does not digest its DOM (which lacks the attachments); the real one
            // is put in by putDigest() once the signature is in place
            Reference ref = factory.newReference("", factory.newDigestMethod(algorithm.digest().xmlUri(), null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE,
                                    (TransformParameterSpec) null)),
                    null, null, new byte[algorithm.digest().newMessageDigest().getDigestLength()]);
            return factory.newSignedInfo(factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(algorithm.xmlUri(), null), List.of(ref));
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JDK's XML-DSig lacks " + algorithm, e);
        }
    }

    /**
     * The {@code KeyInfo}: one {@code X509Data} with the signer's subject name, its certificate and the rest of the
     * chain.
     *
     * @param factory the XML-DSig factory
     * @param chain the signer certificate first, then its intermediates
     * @return the key info
     */
    public static KeyInfo keyInfo(XMLSignatureFactory factory, List<X509Certificate> chain) {
        KeyInfoFactory kif = factory.getKeyInfoFactory();
        List<Object> content = new ArrayList<>();
        content.add(chain.get(0).getSubjectX500Principal().getName());
        content.addAll(chain);
        return kif.newKeyInfo(List.of(kif.newX509Data(content)));
    }

    /**
     * The {@code SignatureValue} element of the signature the JDK placed in the header.
     *
     * @param header the edXML header holding the signature
     * @return the element
     */
    public static Element signatureValue(Element header) {
        for (Element s : EdXmlDom.children(header, EdXmlDom.DSIG_NS, "Signature")) {
            for (Element c : EdXmlDom.children(s, EdXmlDom.DSIG_NS, "SignatureValue")) {
                return c;
            }
        }
        throw new IllegalStateException("the JDK's XML-DSig placed no SignatureValue");
    }

    /**
     * Puts the reference's digest into the signature now in the document: computed the way the verifier computes
     * it, over the whole package with each attachment's text in place of its placeholder (the JDK signed with a
     * placeholder digest, since its DOM does not hold the attachments).
     *
     * @param factory the XML-DSig factory that made the signature
     * @param signature the signature, signed into the document through {@code context}
     * @param context its signing context
     * @param signatureElement the {@code Signature} element in the document
     * @param excluded the attachment text kept out of the DOM
     * @throws XMLSignatureException if the reference's transforms fail
     */
    public static void putDigest(XMLSignatureFactory factory, XMLSignature signature, DOMSignContext context,
            Element signatureElement, ExcludedText excluded) throws XMLSignatureException {
        // the reference as the JDK marshalled it into the document: its transforms are bound to that DOM
        Reference reference = signature.getSignedInfo().getReferences().get(0);
        byte[] digest = ReferenceDigest.compute(factory, reference, context, excluded);
        for (Element si : EdXmlDom.children(signatureElement, EdXmlDom.DSIG_NS, "SignedInfo")) {
            for (Element ref : EdXmlDom.children(si, EdXmlDom.DSIG_NS, "Reference")) {
                for (Element value : EdXmlDom.children(ref, EdXmlDom.DSIG_NS, "DigestValue")) {
                    value.setTextContent(Base64.getEncoder().encodeToString(digest));
                    return;
                }
            }
        }
        throw new IllegalStateException("the JDK's XML-DSig placed no DigestValue");
    }

    /**
     * The certificates {@code KeyInfo} carries: the signer certificate and its intermediates, self-signed roots
     * after the signer left out.
     *
     * @param given the chain as configured, signer first
     * @return the chain to carry
     * @throws ValidationException if the chain is empty or holds a null
     */
    public static List<X509Certificate> keyInfoChain(List<X509Certificate> given) {
        if (given == null || given.isEmpty() || given.stream().anyMatch(Objects::isNull)) {
            throw ValidationException.of("xmldsig.chain", "EdXmlSigner.certificateChain",
                    "the signer certificate is required (signer first, then intermediates)");
        }
        List<X509Certificate> out = new ArrayList<>();
        out.add(given.get(0));
        for (X509Certificate c : given.subList(1, given.size())) {
            if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
