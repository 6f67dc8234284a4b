package vn.egov.sdk.signing.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.transform.TransformerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.core.xml.SecureXml;
import vn.egov.sdk.core.xml.XmlLimitException;
import vn.egov.sdk.core.xml.XmlLimits;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningException;
import vn.egov.sdk.signing.internal.xml.CaptureKey;
import vn.egov.sdk.signing.internal.xml.CapturingSignatureProvider;
import vn.egov.sdk.signing.internal.xml.EcdsaFormat;
import vn.egov.sdk.signing.internal.xml.EdXmlDom;
import vn.egov.sdk.signing.internal.xml.ExcludedText;
import vn.egov.sdk.signing.internal.xml.ParsedPackage;
import vn.egov.sdk.signing.internal.xml.SignatureLayout;
import vn.egov.sdk.signing.internal.xml.SignatureTemplate;
import vn.egov.sdk.signing.internal.xml.XmlOutput;

/**
 * Signs edXML packages with an enveloped XML-DSig signature, as QCVN 102:2016 packages carry it:
 * a {@code Signature} in the XML-DSig namespace placed in {@code edXMLHeader} right after {@code TraceHeaderList},
 * exclusive canonicalisation of {@code SignedInfo}, one {@code Reference URI=""} (the whole package) with the
 * enveloped-signature and exclusive-c14n transforms, and {@code KeyInfo/X509Data} holding the signer's subject name,
 * its certificate and its intermediates.
 *
 * <p>RSA-SHA256 is the default for RSA keys (ECDSA-SHA256 for EC keys). RSA-SHA1, which the axis' reference
 * library still emits, is made only when {@link Builder#algorithm} asks for it, for older receivers.
 *
 * <p>Three steps, so that the key can be anywhere (token, HSM, remote service): {@link #prepare} computes the
 * {@link DataToSign}, any {@link SignatureSource} signs it, {@link #assemble} writes the signed package.
 * {@link #sign(InputStream, OutputStream)} does all three with the configured source. The JDK's
 * {@code javax.xml.crypto} does the XML work: it is handed a private capturing {@code Signature} provider (through
 * the {@code DOMSignContext} property {@code org.jcp.xml.dsig.internal.dom.SignatureProvider}) that records the
 * canonical {@code SignedInfo} instead of signing it, so canonicalisation is exactly the JDK's; the reference's
 * digest is the JDK's transforms over the DOM with the attachment content put back (computed as the verifier does).
 *
 * <p>When the package is indented (as the SDK's edXML writer writes it), the signature is laid out the way that
 * writer writes a kept {@code Signature}, so that re-writing a signed package with {@code EdXml.read} and
 * {@code EdXml.write} (as the sandbox axis and SDK-based gateways do) keeps it valid.
 *
 * <p>The input is read as the verifier reads it: the hardened StAX parser of {@link SecureXml}, XML 1.0 only, the
 * structure bounded by {@link Builder#xmlLimits}, attachment content kept out of the DOM (in memory, or in a
 * temporary file past 1 MiB) and put back where the reference is digested and where the signed package is written.
 * Memory is bounded by the header, not by the attachments. A document that is not an edXML package, is not
 * well-formed, breaks a limit or is already signed is refused with a {@link ValidationException}. Instances are
 * immutable and thread-safe.
 */
public final class EdXmlSigner {
    private static final Logger LOG = LoggerFactory.getLogger(EdXmlSigner.class);
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private final Optional<SignatureSource> source;
    private final List<X509Certificate> chain;
    private final SignatureAlgorithm algorithm;
    private final long maxDocumentBytes;
    private final XmlLimits xmlLimits;
    private final Path tempDirectory;

    private EdXmlSigner(Builder b) {
        this.source = Optional.ofNullable(b.source);
        this.chain = SignatureTemplate.keyInfoChain(b.chain != null ? b.chain : b.source.certificateChain());
        X509Certificate signer = chain.get(0);
        this.algorithm = b.algorithm != null ? b.algorithm
                : SignatureAlgorithm.of(signer.getPublicKey(), vn.egov.sdk.signing.DigestAlgorithm.SHA256);
        String keyType = signer.getPublicKey().getAlgorithm().equals("ECDSA") ? "EC"
                : signer.getPublicKey().getAlgorithm();
        if (!algorithm.keyAlgorithm().equals(keyType)) {
            throw ValidationException.of("xmldsig.algorithm.key", "EdXmlSigner.algorithm", algorithm
                    + " needs an " + algorithm.keyAlgorithm() + " key but the signer certificate holds " + keyType);
        }
        if (algorithm.isWeak()) {
            LOG.warn("edXML signatures will use {} (SHA-1, weak), as requested for older receivers", algorithm);
        }
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.xmlLimits = b.xmlLimits;
        this.tempDirectory = b.tempDirectory;
    }

    /**
     * A new builder.
     *
     * @return a builder with the default algorithm, a 256 MiB cap and {@link XmlLimits#defaults()}; a source or a
     *     certificate chain must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The signature algorithm used.
     *
     * @return the algorithm the {@code SignatureValue} is made with
     */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Step 1: parses the package, places an empty signature in its header and computes what is to be signed.
     *
     * @param edxml the unsigned package (read to the end, not closed)
     * @return the prepared signature; close it when done (its attachment content may be in a temporary file)
     * @throws ValidationException if the input is not a well-formed XML 1.0 edXML package
     *     ({@code xmldsig.input.malformed}, {@code xmldsig.input.notEdxml}), is too large or breaks one of the
     *     {@link Builder#xmlLimits} ({@code xmldsig.input.limit}), or is already signed
     *     ({@code xmldsig.input.alreadySigned})
     * @throws UncheckedIOException if the temporary file for large attachment content cannot be written (see
     *     {@link Builder#tempDirectory})
     */
    public PreparedXmlSignature prepare(InputStream edxml) {
        ValidationException.requireNonNull(edxml, "EdXmlSigner.edxml");
        ParsedPackage parsed;
        try {
            parsed = ParsedPackage.read(edxml, maxDocumentBytes, xmlLimits, tempDirectory);
        } catch (XmlLimitException e) {
            throw ValidationException.of("xmldsig.input.limit", "edxml", Causes.describe(e));
        } catch (VerificationException e) {
            throw ValidationException.of("xmldsig.input.malformed", "edxml", Causes.describe(e));
        }
        boolean prepared = false;
        try {
            PreparedXmlSignature result = prepare(parsed);
            prepared = true;
            return result;
        } finally {
            if (!prepared) {
                parsed.close();
            }
        }
    }

    private PreparedXmlSignature prepare(ParsedPackage parsed) {
        Document doc = parsed.document();
        Element header = EdXmlDom.header(doc).orElseThrow(() -> ValidationException.of("xmldsig.input.notEdxml",
                "edxml", "not an edXML package: the root must be {" + EdXmlDom.EDXML_NS
                        + "}edXML with one edXMLEnvelope holding one edXMLHeader"));
        for (Element s : EdXmlDom.signatureElements(doc)) {
            boolean emptyPlaceholder = EdXmlDom.isEdXml(s, "DigitalSignature") && s.getParentNode() == header
                    && !s.hasChildNodes() && !s.hasAttributes();
            if (!emptyPlaceholder) {
                throw ValidationException.of("xmldsig.input.alreadySigned", "edxml",
                        "the package already carries a " + s.getLocalName()
                                + " element; sign an unsigned package (signatures are not replaced or nested)");
            }
            header.removeChild(s);
        }
        CaptureKey key = CaptureKey.forCertificate(chain.get(0));
        Node next = EdXmlDom.insertionPoint(header);
        Optional<String> indent = SignatureLayout.indentOf(header);
        indent.ifPresent(i -> header.insertBefore(doc.createTextNode(i), next));
        DOMSignContext context = next == null ? new DOMSignContext(key, header)
                : new DOMSignContext(key, header, next);
        context.setProperty(CapturingSignatureProvider.CONTEXT_PROPERTY, CapturingSignatureProvider.instance());
        byte[] signedInfo;
        Element signatureValue;
        try {
            XMLSignature signature = FACTORY.newXMLSignature(SignatureTemplate.signedInfo(FACTORY, algorithm),
                    SignatureTemplate.keyInfo(FACTORY, chain));
            signature.sign(context);
            signatureValue = SignatureTemplate.signatureValue(header);
            Element signatureElement = (Element) signatureValue.getParentNode();
            SignatureTemplate.putDigest(FACTORY, signature, context, signatureElement, parsed.excluded());
            SignatureLayout.apply(signatureElement, indent);
            signedInfo = SignatureLayout.canonicalSignedInfo(FACTORY, signatureElement, key);
        } catch (MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("the JDK's XML-DSig could not prepare the signature", e);
        }
        return new PreparedXmlSignature(doc, signatureValue, new DataToSign(signedInfo, algorithm),
                chain.get(0), parsed);
    }

    /**
     * Step 3: writes the signed package.
     *
     * @param prepared what {@link #prepare} returned
     * @param value the signature value a source made over {@link PreparedXmlSignature#dataToSign()}
     * @param out where the signed package goes (UTF-8; flushed, not closed)
     * @throws ValidationException if the value was made with another algorithm, or the prepared signature was
     *     closed
     * @throws SigningException if the value does not verify with the signer certificate (wrong key or token)
     * @throws IOException if writing fails, or reading the temporary file holding large attachment content back
     */
    public void assemble(PreparedXmlSignature prepared, SignatureValue value, OutputStream out) throws IOException {
        ValidationException.requireNonNull(prepared, "EdXmlSigner.prepared");
        ValidationException.requireNonNull(value, "EdXmlSigner.value");
        ValidationException.requireNonNull(out, "EdXmlSigner.out");
        if (value.algorithm() != prepared.algorithm()) {
            throw ValidationException.of("xmldsig.value.algorithm", "SignatureValue.algorithm",
                    "the value was made with " + value.algorithm() + " but the signature declares "
                            + prepared.algorithm());
        }
        byte[] raw = value.value();
        checkValue(prepared, raw);
        X509Certificate signer = prepared.signerCertificate();
        byte[] xmlValue = signer.getPublicKey() instanceof ECPublicKey ec
                ? EcdsaFormat.derToConcatenated(raw, ec.getParams().getCurve().getField().getFieldSize()) : raw;
        synchronized (prepared) {
            if (prepared.isClosed()) {
                throw ValidationException.of("xmldsig.prepared.closed", "EdXmlSigner.prepared",
                        "the prepared signature was closed; prepare the package again");
            }
            Element sv = prepared.signatureValueElement();
            sv.setTextContent(Base64.getEncoder().encodeToString(xmlValue));
            try {
                ExcludedText.SubstitutingStream withAttachments = prepared.excluded().substituting(out);
                XmlOutput.write(prepared.document(), withAttachments);
                withAttachments.finish();
            } catch (TransformerException e) {
                throw new IOException("cannot write the signed edXML package: " + Causes.describe(e), e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                sv.setTextContent("");
            }
        }
        out.flush();
    }

    /**
     * Signs a package with the configured source: {@link #prepare}, {@link SignatureSource#sign}, {@link #assemble}.
     *
     * @param unsigned the package (read to the end, not closed)
     * @param signed where the signed package goes (flushed, not closed)
     * @throws ValidationException if the input is not an unsigned edXML package, or no source was configured
     * @throws SigningException if the source fails
     * @throws IOException if a stream fails, or the temporary file for large attachment content
     */
    public void sign(InputStream unsigned, OutputStream signed) throws IOException {
        SignatureSource s = source.orElseThrow(() -> ValidationException.of("xmldsig.source.missing",
                "EdXmlSigner.source", "sign() needs a SignatureSource; with only a certificate chain use "
                        + "prepare() and assemble()"));
        try (PreparedXmlSignature prepared = prepare(unsigned)) {
            assemble(prepared, s.sign(prepared.dataToSign()), signed);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void checkValue(PreparedXmlSignature prepared, byte[] raw) {
        try {
            Signature v = Signature.getInstance(prepared.algorithm().jcaName());
            v.initVerify(prepared.signerCertificate().getPublicKey());
            v.update(prepared.dataToSign().bytes());
            if (!v.verify(raw)) {
                throw SigningException.local("the signature value does not verify with the signer certificate "
                        + prepared.signerCertificate().getSubjectX500Principal().getName()
                        + "; was it made with another key or over other data?", null);
            }
        } catch (NoSuchAlgorithmException | InvalidKeyException | SignatureException e) {
            throw SigningException.local("the signature value cannot be checked against the signer certificate: "
                    + Causes.describe(e), e);
        }
    }

    /** Builds an {@link EdXmlSigner}. */
    public static final class Builder {
        private SignatureSource source;
        private List<X509Certificate> chain;
        private SignatureAlgorithm algorithm;
        private long maxDocumentBytes = 256L * 1024 * 1024;
        private XmlLimits xmlLimits = XmlLimits.defaults();
        private Path tempDirectory;

        private Builder() {
        }

        /**
         * Where signature values come from (a {@link vn.egov.sdk.signing.SigningKey}, a token, a remote service);
         * its certificate chain goes into {@code KeyInfo}. Required unless {@link #certificateChain} is given for
         * {@link #prepare}/{@link #assemble} only.
         *
         * @param value the signature source; required
         * @return this builder
         */
        public Builder source(SignatureSource value) {
            this.source = ValidationException.requireNonNull(value, "EdXmlSigner.source");
            return this;
        }

        /**
         * The signer certificate and its intermediates, when no {@link #source} is configured here (the value is
         * made elsewhere and handed to {@link EdXmlSigner#assemble}). Overrides the source's chain.
         *
         * @param value the signer certificate first, then intermediates; required, copied
         * @return this builder
         */
        public Builder certificateChain(List<X509Certificate> value) {
            this.chain = List.copyOf(ValidationException.requireNonNull(value, "EdXmlSigner.certificateChain"));
            return this;
        }

        /**
         * The signature algorithm; default SHA-256 with the key's type ({@link SignatureAlgorithm#RSA_SHA256} for
         * RSA). Ask for {@link SignatureAlgorithm#RSA_SHA1} only for receivers that cannot verify anything else:
         * SHA-1 is weak and a warning is logged.
         *
         * @param value the signature algorithm; required, and of the key's type
         * @return this builder
         */
        public Builder algorithm(SignatureAlgorithm value) {
            this.algorithm = ValidationException.requireNonNull(value, "EdXmlSigner.algorithm");
            return this;
        }

        /**
         * The largest package accepted, in bytes (default 256 MiB).
         *
         * @param value the cap in bytes; positive
         * @return this builder
         * @throws ValidationException if {@code value} is not positive
         */
        public Builder maxDocumentBytes(long value) {
            if (value <= 0) {
                throw ValidationException.of("xmldsig.maxDocumentBytes", "EdXmlSigner.maxDocumentBytes",
                        "must be positive");
            }
            this.maxDocumentBytes = value;
            return this;
        }

        /**
         * Where attachment content goes while the package is signed, once the package's attachments hold more than
         * 1 MiB (kept in memory below that); default the JVM's temporary directory. The file is readable by its owner
         * only (where the file system has permissions) and deleted when the prepared signature is closed.
         *
         * @param value an existing directory for temporary attachment files; required
         * @return this builder
         */
        public Builder tempDirectory(Path value) {
            this.tempDirectory = ValidationException.requireNonNull(value, "EdXmlSigner.tempDirectory");
            return this;
        }

        /**
         * What the package may hold (elements, depth, attributes, namespace declarations, nodes, text outside
         * attachment content); default {@link XmlLimits#defaults()}. A package that breaks one is refused with a
         * {@link ValidationException} (code {@code xmldsig.input.limit}) naming the limit.
         *
         * @param value the limits; required
         * @return this builder
         */
        public Builder xmlLimits(XmlLimits value) {
            this.xmlLimits = ValidationException.requireNonNull(value, "EdXmlSigner.xmlLimits");
            return this;
        }

        /**
         * The signer.
         *
         * @return a thread-safe signer with this builder's settings
         * @throws ValidationException if neither a source nor a chain is given, or the algorithm does not fit the key
         */
        public EdXmlSigner build() {
            if (source == null && chain == null) {
                throw ValidationException.of("xmldsig.source.missing", "EdXmlSigner.source",
                        "a SignatureSource (or a certificate chain for three-step signing) is required");
            }
            return new EdXmlSigner(this);
        }
    }
}
