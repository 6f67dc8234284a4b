package vn.egov.sdk.signing.internal.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.Data;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.TransformException;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.signing.DigestAlgorithm;

/**
 * The digest of a signature's {@code Reference} over a {@link ParsedPackage}, computed the way the JDK's
 * {@code javax.xml.crypto} computes it when it validates a reference, by the JDK's own code: the reference is
 * dereferenced with the factory's {@link URIDereferencer}, each of its transforms is applied in turn (the last one
 * writing octets), and a node-set left at the end is canonicalised with inclusive canonical XML. Only the octets go
 * through {@link ExcludedText#substituting}, which puts each attachment's text back in place of its placeholder
 * before the digest sees it: the result is the digest of the whole package, attachments included.
 */
public final class ReferenceDigest {
    /** The canonicalisations, which write their octets to the stream they are given. */
    private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments");

    private ReferenceDigest() {
    }

    private static Document document(XMLCryptoContext context) throws XMLSignatureException {
        if (context instanceof DOMValidateContext v) {
            return v.getNode().getOwnerDocument();
        }
        if (context instanceof DOMSignContext s) {
            return s.getParent().getOwnerDocument();
        }
        throw new XMLSignatureException("not a DOM context");
    }

    /**
     * Computes the digest.
     *
     * @param factory the XML-DSig factory the signature was unmarshalled or made with
     * @param reference the reference, as unmarshalled from the DOM (its transforms are bound to that DOM)
     * @param context the validation or signing context of that DOM
     * @param excluded the text kept out of the DOM
     * @return the digest
     * @throws XMLSignatureException if dereferencing or a transform fails, or the digest algorithm is unknown
     */
    public static byte[] compute(XMLSignatureFactory factory, Reference reference, XMLCryptoContext context,
            ExcludedText excluded) throws XMLSignatureException {
        DigestAlgorithm algorithm = DigestAlgorithm.fromXmlUri(reference.getDigestMethod().getAlgorithm())
                .orElseThrow(() -> new XMLSignatureException("unsupported digest method "
                        + reference.getDigestMethod().getAlgorithm()));
        MessageDigest md = algorithm.newMessageDigest();
        try {
            URIDereferencer dereferencer = context.getURIDereferencer() != null ? context.getURIDereferencer()
                    : factory.getURIDereferencer();
            Data data = dereferencer.dereference(reference, context);
            ExcludedText.SubstitutingStream out = excluded.substituting(
                    new DigestOutputStream(OutputStream.nullOutputStream(), md));
            @SuppressWarnings("unchecked")
            List<Transform> transforms = reference.getTransforms();
            for (int i = 0; i < transforms.size(); i++) {
                data = i < transforms.size() - 1 ? transforms.get(i).transform(data, context)
                        : transforms.get(i).transform(data, context, out);
            }
            boolean written = !transforms.isEmpty()
                    && CANONICALIZATIONS.contains(transforms.get(transforms.size() - 1).getAlgorithm());
            if (!written && data instanceof OctetStreamData octets) {
                try (InputStream in = octets.getOctetStream()) {
                    in.transferTo(out);
                }
            } else if (!written && data != null) {
                // a node-set is left (the enveloped transform came last): as the JDK does, inclusive c14n 1.0
                TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE, "DOM",
                        factory.getProvider());
                c14n.init((TransformParameterSpec) null);
                c14n.marshalParams(new DOMStructure(document(context).createElementNS(EdXmlDom.DSIG_NS,
                        "Transform")), context);
                c14n.transform(data, context, out);
            }
            out.finish();
            return md.digest();
        } catch (URIReferenceException | TransformException | IOException | NoSuchAlgorithmException
                | InvalidAlgorithmParameterException | javax.xml.crypto.MarshalException e) {
            throw new XMLSignatureException("the reference cannot be digested: " + Causes.describe(e), e);
        }
    }
}
