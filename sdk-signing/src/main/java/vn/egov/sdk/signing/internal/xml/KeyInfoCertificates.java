package vn.egov.sdk.signing.internal.xml;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The certificates of a signature's {@code KeyInfo/X509Data}, and which of them is the signer's: the one that
 * issued none of the others (the leaf), the first such when several qualify.
 *
 * @param signer the signer certificate
 * @param all every certificate carried, the signer included
 */
public record KeyInfoCertificates(X509Certificate signer, List<X509Certificate> all) {

    /**
     * Reads the certificates.
     *
     * @param signature a {@code Signature} already checked by {@link SignatureShape}
     * @throws CertificateException if a certificate cannot be decoded
     */
    public static KeyInfoCertificates read(Element signature) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certs = new ArrayList<>();
        Element keyInfo = EdXmlDom.children(signature, EdXmlDom.DSIG_NS, "KeyInfo").get(0);
        for (Element data : EdXmlDom.children(keyInfo, EdXmlDom.DSIG_NS, "X509Data")) {
            for (Element c : EdXmlDom.children(data, EdXmlDom.DSIG_NS, "X509Certificate")) {
                byte[] der;
                try {
                    der = Base64.getMimeDecoder().decode(c.getTextContent());
                } catch (IllegalArgumentException e) {
                    throw new CertificateException("an X509Certificate is not base64", e);
                }
                certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        }
        X509Certificate signer = certs.get(0);
        for (X509Certificate c : certs) {
            boolean issuesAnother = certs.stream().anyMatch(o -> o != c
                    && o.getIssuerX500Principal().equals(c.getSubjectX500Principal())
                    && !o.getSubjectX500Principal().equals(c.getSubjectX500Principal()));
            if (!issuesAnother) {
                signer = c;
                break;
            }
        }
        return new KeyInfoCertificates(signer, List.copyOf(certs));
    }

    /** The certificates other than the signer's. */
    public List<X509Certificate> others() {
        return all.stream().filter(c -> c != signer).toList();
    }
}
