package vn.egov.sdk.signing.xml;

import java.security.cert.X509Certificate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.internal.xml.ExcludedText;
import vn.egov.sdk.signing.internal.xml.ParsedPackage;

/**
 * Step 1 of signing an edXML package, made by {@link EdXmlSigner#prepare}: the package with its signature in place
 * but no signature value yet, and the {@link #dataToSign()} (the canonical {@code SignedInfo}) any
 * {@link vn.egov.sdk.signing.SignatureSource} can sign. Hand the value to {@link EdXmlSigner#assemble}.
 *
 * <p>It keeps the parsed package's header in memory and its attachment content in memory or, when large, in a
 * temporary file, and is tied to the process that prepared it. It is not modified by assembling, so it may be
 * assembled more than once (for example after a remote signer's retry); assembling is serialised on the instance.
 * {@link #close()} it when done: that deletes the temporary file (which is otherwise deleted only once the instance
 * is garbage-collected). {@link EdXmlSigner#sign} closes its own.
 */
public final class PreparedXmlSignature implements AutoCloseable {
    private final Document document;
    private final Element signatureValue;
    private final DataToSign dataToSign;
    private final X509Certificate signer;
    private final ParsedPackage parsed;
    private boolean closed;

    PreparedXmlSignature(Document document, Element signatureValue, DataToSign dataToSign, X509Certificate signer,
            ParsedPackage parsed) {
        this.document = document;
        this.signatureValue = signatureValue;
        this.dataToSign = dataToSign;
        this.signer = signer;
        this.parsed = parsed;
    }

    /**
     * The bytes to sign: the exclusive-canonical {@code SignedInfo}, with the algorithm.
     *
     * @return the canonical {@code SignedInfo} bytes and the algorithm a
     *     {@link vn.egov.sdk.signing.SignatureSource} signs
     */
    public DataToSign dataToSign() {
        return dataToSign;
    }

    /**
     * The signature algorithm the value must be made with.
     *
     * @return the algorithm of {@link #dataToSign()}
     */
    public SignatureAlgorithm algorithm() {
        return dataToSign.algorithm();
    }

    /**
     * The signer certificate named in {@code KeyInfo}: the value must verify with its key.
     *
     * @return the first certificate of the chain written into {@code KeyInfo}
     */
    public X509Certificate signerCertificate() {
        return signer;
    }

    Document document() {
        return document;
    }

    ExcludedText excluded() {
        return parsed.excluded();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Releases the package: its attachment content and any temporary file holding it. Assembling afterwards is
     * refused. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            parsed.close();
        }
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
