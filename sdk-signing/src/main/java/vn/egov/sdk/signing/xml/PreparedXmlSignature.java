package vn.egov.sdk.signing.xml;

import java.security.cert.X509Certificate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.SignatureAlgorithm;

/**
 * Step 1 of signing an edXML package, made by {@link EdXmlSigner#prepare}: the package with its signature in place
 * but no signature value yet, and the {@link #dataToSign()} (the canonical {@code SignedInfo}) any
 * {@link vn.egov.sdk.signing.SignatureSource} can sign. Hand the value to {@link EdXmlSigner#assemble}.
 *
 * <p>It keeps the parsed package in memory and is tied to the process that prepared it. It is not modified by
 * assembling, so it may be assembled more than once (for example after a remote signer's retry); assembling is
 * serialised on the instance.
 */
public final class PreparedXmlSignature {
    private final Document document;
    private final Element signatureValue;
    private final DataToSign dataToSign;
    private final X509Certificate signer;

    PreparedXmlSignature(Document document, Element signatureValue, DataToSign dataToSign, X509Certificate signer) {
        this.document = document;
        this.signatureValue = signatureValue;
        this.dataToSign = dataToSign;
        this.signer = signer;
    }

    /** The bytes to sign: the exclusive-canonical {@code SignedInfo}, with the algorithm. */
    public DataToSign dataToSign() {
        return dataToSign;
    }

    /** The signature algorithm the value must be made with. */
    public SignatureAlgorithm algorithm() {
        return dataToSign.algorithm();
    }

    /** The signer certificate named in {@code KeyInfo}: the value must verify with its key. */
    public X509Certificate signerCertificate() {
        return signer;
    }

    Document document() {
        return document;
    }

    Element signatureValueElement() {
        return signatureValue;
    }

    @Override
    public String toString() {
        return "PreparedXmlSignature[" + dataToSign.algorithm() + ", signer "
                + signer.getSubjectX500Principal().getName() + "]";
    }
}
