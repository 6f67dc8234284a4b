package vn.egov.sdk.signing.internal.xml;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Transform;
import org.w3c.dom.Element;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;

/**
 * The structure an edXML signature may have, checked on the DOM before the JDK looks at it (against signature wrapping): one
 * {@code Reference} with {@code URI=""}, only the enveloped-signature transform and a canonicalisation, known
 * algorithms, no {@code Object} (nothing can hide in it), the key from an {@code X509Certificate} (never a bare
 * {@code KeyValue}, never a {@code RetrievalMethod}).
 *
 * @param signatureAlgorithm the declared signature algorithm
 * @param digestAlgorithm the reference's digest algorithm
 */
public record SignatureShape(SignatureAlgorithm signatureAlgorithm, DigestAlgorithm digestAlgorithm) {
    private static final String DS = EdXmlDom.DSIG_NS;
    private static final Set<String> C14N = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.INCLUSIVE, "http://www.w3.org/2006/12/xml-c14n11");
    /** The exclusive-c14n URI the VNPT reference library writes (not a W3C identifier). */
    private static final String VNPT_EXC_C14N = "http://www.w3.org/TR/xml-exc-c14n#";
    private static final Set<String> SIGNATURE_CHILDREN = Set.of("SignedInfo", "SignatureValue", "KeyInfo");

    /**
     * Checks a {@code Signature} element in the XML-DSig namespace.
     *
     * @return the shape, or the reason it is not acceptable
     */
    public static Result check(Element signature) {
        for (Element c : EdXmlDom.children(signature)) {
            if (!DS.equals(c.getNamespaceURI()) || !SIGNATURE_CHILDREN.contains(c.getLocalName())) {
                return Result.bad("the Signature holds a " + c.getLocalName() + " element; only SignedInfo, "
                        + "SignatureValue and KeyInfo are allowed (an Object could hide wrapped content)");
            }
        }
        List<Element> signedInfos = EdXmlDom.children(signature, DS, "SignedInfo");
        if (signedInfos.size() != 1 || EdXmlDom.children(signature, DS, "SignatureValue").size() != 1) {
            return Result.bad("the Signature must hold exactly one SignedInfo and one SignatureValue");
        }
        Element si = signedInfos.get(0);
        Optional<String> c14n = algorithm(si, "CanonicalizationMethod");
        if (c14n.isEmpty() || !C14N.contains(c14n.get())) {
            return Result.bad("SignedInfo canonicalisation " + c14n.orElse("(missing)") + " is not allowed");
        }
        Optional<String> sm = algorithm(si, "SignatureMethod");
        Optional<SignatureAlgorithm> sa = sm.flatMap(SignatureAlgorithm::fromXmlUri);
        if (sa.isEmpty()) {
            return Result.bad("signature method " + sm.orElse("(missing)") + " is not supported "
                    + "(RSA or ECDSA with SHA-1/256/384/512)");
        }
        List<Element> refs = EdXmlDom.children(si, DS, "Reference");
        if (refs.size() != 1) {
            return Result.bad("SignedInfo holds " + refs.size() + " references; an edXML signature has exactly one,"
                    + " covering the whole package");
        }
        Element ref = refs.get(0);
        if (!ref.hasAttribute("URI") || !ref.getAttribute("URI").isEmpty()) {
            return Result.bad("the reference points to " + (ref.hasAttribute("URI") ? "\"" + ref.getAttribute("URI")
                    + "\"" : "nothing (no URI)") + "; it must be URI=\"\" (the whole package)");
        }
        String transformsProblem = transforms(ref);
        if (transformsProblem != null) {
            return Result.bad(transformsProblem);
        }
        Optional<String> dm = algorithm(ref, "DigestMethod");
        Optional<DigestAlgorithm> da = dm.flatMap(DigestAlgorithm::fromXmlUri);
        if (da.isEmpty()) {
            return Result.bad("digest method " + dm.orElse("(missing)") + " is not supported");
        }
        String keyProblem = keyInfo(signature);
        if (keyProblem != null) {
            return Result.bad(keyProblem);
        }
        return new Result(Optional.of(new SignatureShape(sa.get(), da.get())), Optional.empty());
    }

    private static String transforms(Element ref) {
        List<Element> holders = EdXmlDom.children(ref, DS, "Transforms");
        if (holders.size() != 1) {
            return "the reference must have the enveloped-signature transform";
        }
        List<Element> ts = EdXmlDom.children(holders.get(0));
        boolean enveloped = false;
        for (Element t : ts) {
            String alg = t.getAttribute("Algorithm");
            if (!DS.equals(t.getNamespaceURI()) || !"Transform".equals(t.getLocalName())) {
                return "unexpected element " + t.getLocalName() + " in Transforms";
            }
            if (Transform.ENVELOPED.equals(alg) && !enveloped) {
                enveloped = true;
            } else if (VNPT_EXC_C14N.equals(alg)) {
                return "non-standard transform URI " + alg + " (written by the axis' reference library instead of "
                        + CanonicalizationMethod.EXCLUSIVE + "); no standard verifier knows it, so the signature "
                        + "cannot be checked; ask the sender to sign with the standard URI";
            } else if (!C14N.contains(alg)) {
                return "forbidden transform " + alg + " (only enveloped-signature and canonicalisation are allowed;"
                        + " XSLT and XPath transforms are refused)";
            }
            if (EdXmlDom.children(t).size() > 0 && !CanonicalizationMethod.EXCLUSIVE.equals(alg)) {
                return "transform " + alg + " carries parameters, which are not allowed";
            }
        }
        if (!enveloped || ts.size() > 2) {
            return "the reference must have the enveloped-signature transform and at most one canonicalisation";
        }
        return null;
    }

    private static String keyInfo(Element signature) {
        List<Element> kis = EdXmlDom.children(signature, DS, "KeyInfo");
        if (kis.size() != 1) {
            return "the Signature must carry one KeyInfo with the signer's X509Certificate";
        }
        int certs = 0;
        for (Element c : EdXmlDom.children(kis.get(0))) {
            if (EdXmlDom.isDsig(c, "RetrievalMethod")) {
                return "KeyInfo/RetrievalMethod is not allowed";
            }
            if (EdXmlDom.isDsig(c, "X509Data")) {
                certs += EdXmlDom.children(c, DS, "X509Certificate").size();
            }
        }
        if (certs == 0) {
            return "KeyInfo carries no X509Certificate: the key must come from a certificate that can be validated "
                    + "(a bare KeyValue is not accepted)";
        }
        return null;
    }

    private static Optional<String> algorithm(Element parent, String child) {
        List<Element> es = EdXmlDom.children(parent, DS, child);
        return es.size() == 1 && es.get(0).hasAttribute("Algorithm")
                ? Optional.of(es.get(0).getAttribute("Algorithm")) : Optional.empty();
    }

    /** Whether SHA-1 protects the signature (digest or signature method). */
    public boolean usesSha1() {
        return signatureAlgorithm.isWeak() || digestAlgorithm.isWeak();
    }

    /**
     * The shape, or why it is refused.
     *
     * @param shape the shape when acceptable
     * @param problem the reason when not
     */
    public record Result(Optional<SignatureShape> shape, Optional<String> problem) {
        static Result bad(String why) {
            return new Result(Optional.empty(), Optional.of(why));
        }
    }
}
