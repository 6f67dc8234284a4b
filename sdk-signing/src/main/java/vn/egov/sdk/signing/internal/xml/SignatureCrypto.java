package vn.egov.sdk.signing.internal.xml;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;

/**
 * The cryptographic check of an edXML package's one signature, after its structure was accepted: the signature
 * value over {@code SignedInfo}, then the reference's digest over the package as received, retried with up to a
 * given number of trailing trace hops set aside. Also the key checks that go with it.
 */
public final class SignatureCrypto {
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");
    private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";

    private SignatureCrypto() {
    }

    /**
     * The cryptographic check.
     *
     * @param signature the {@code Signature} element, in the XML-DSig namespace
     * @param header the package's {@code edXMLHeader}, whose trailing trace hops may be set aside
     * @param key the signer's public key
     * @param secure whether the JDK's secure validation is on (off only for an allowed legacy SHA-1 signature)
     * @param excluded the attachment content kept out of the DOM
     * @param maxUnsignedTraceHops how many trailing trace hops may be set aside
     * @param warnings where a note on hops set aside is added
     * @return empty when intact, else what failed ("signature value …" or "content …")
     * @throws MarshalException if the signature cannot be read
     * @throws XMLSignatureException if the signature cannot be checked
     */
    public static Optional<String> check(Element signature, Element header, PublicKey key, boolean secure,
            ExcludedText excluded, int maxUnsignedTraceHops, List<String> warnings)
            throws MarshalException, XMLSignatureException {
        XMLSignature xs = unmarshal(signature, key, secure);
        DOMValidateContext context = context(signature, key, secure);
        if (!xs.getSignatureValue().validate(context)) {
            return Optional.of("signature value does not verify with the KeyInfo certificate's key (the SignedInfo "
                    + "was altered or the certificate was swapped)");
        }
        if (digestMatches(xs, context, excluded)) {
            return Optional.empty();
        }
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < maxUnsignedTraceHops; i++) {
            Optional<String> hop = TraceHops.removeLast(header);
            if (hop.isEmpty()) {
                break;
            }
            removed.add(hop.get());
            XMLSignature again = unmarshal(signature, key, secure);
            if (digestMatches(again, context(signature, key, secure), excluded)) {
                warnings.add("trace hop(s) " + String.join(", ", removed) + " were added after signing and are not "
                        + "covered by the signature");
                return Optional.empty();
            }
        }
        return Optional.of("content does not match the signed digest: the package was changed after signing");
    }

    /**
     * The key type as signature algorithms name it.
     *
     * @param key a public key
     * @return its algorithm, {@code EC} for {@code ECDSA}
     */
    public static String keyType(PublicKey key) {
        return key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
    }

    /**
     * Why a key is too weak, if it is.
     *
     * @param key the signer's public key
     * @return the weakness (RSA under 2048 bits, EC under 256); empty for a strong key
     */
    public static Optional<String> keyWeakness(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            return Optional.of("the signer's RSA key has " + rsa.getModulus().bitLength()
                    + " bits (at least 2048 are required)");
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
            return Optional.of("the signer's EC key has " + ec.getParams().getCurve().getField().getFieldSize()
                    + " bits (at least 256 are required)");
        }
        return Optional.empty();
    }

    /**
     * Whether the one reference's digest matches the package: computed over the DOM with each attachment's text put
     * back in place of its placeholder, so it is the digest of the whole package as received.
     */
    private static boolean digestMatches(XMLSignature xs, DOMValidateContext context, ExcludedText excluded)
            throws XMLSignatureException {
        Reference reference = (Reference) xs.getSignedInfo().getReferences().get(0);
        return MessageDigest.isEqual(ReferenceDigest.compute(FACTORY, reference, context, excluded),
                reference.getDigestValue());
    }

    private static XMLSignature unmarshal(Element signature, PublicKey key, boolean secure) throws MarshalException {
        return FACTORY.unmarshalXMLSignature(context(signature, key, secure));
    }

    private static DOMValidateContext context(Element signature, PublicKey key, boolean secure) {
        DOMValidateContext c = new DOMValidateContext(KeySelector.singletonKeySelector(key), signature);
        c.setProperty(SECURE_VALIDATION, secure);
        return c;
    }
}
