package vn.egov.sdk.signing.xml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignatureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.core.xml.XmlLimits;
import vn.egov.sdk.signing.internal.xml.EdXmlDom;
import vn.egov.sdk.signing.internal.xml.KeyInfoCertificates;
import vn.egov.sdk.signing.internal.xml.ParsedPackage;
import vn.egov.sdk.signing.internal.xml.SignatureCrypto;
import vn.egov.sdk.signing.internal.xml.SignatureShape;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * Verifies the XML-DSig signature of a received edXML package, on the bytes as received, and reports the verdict
 * in a {@link ValidationReport} (it never throws for a bad package).
 *
 * <p>How it reads: as a conforming XML 1.0 parser does (line ends normalised, references resolved, CDATA as text;
 * XML 1.1, DTDs and entity references refused), with the package's structure bounded by {@link Builder#xmlLimits}
 * (elements, depth, attributes, namespace declarations, nodes, text) while it is read, so that a package that breaks
 * a limit is reported FORMAT_FAILURE naming it before it costs more memory. Attachment content
 * ({@code AttachmentEncoded/Attachment/ContentTransferEncoded}) is kept out of the DOM, in memory or in a temporary
 * file, and put back, in canonical form, where the reference's digest is computed: the digest covers the whole
 * package as received, and memory is bounded by the header, not by the attachments (a 100 MB attachment verifies in a
 * 64 MB heap).
 *
 * <p>What it accepts (closing the signature-wrapping and transform attacks), checked before any cryptography: exactly one signature in the whole document,
 * sitting in {@code edXMLHeader} (anything else is treated as signature wrapping); no duplicated identifiers; one
 * {@code Reference URI=""} (the whole package) with only the enveloped-signature transform and a canonicalisation
 * (no XSLT, no XPath, no {@code Object}); the key taken from the {@code X509Certificate} in {@code KeyInfo}, never
 * from a bare {@code KeyValue}. The JDK's {@code javax.xml.crypto} then checks the signature with secure
 * validation explicitly on (the signature value over {@code SignedInfo}; the reference's digest is the JDK's
 * dereferencing, transforms and canonicalisation over the DOM, compared with {@code DigestValue}), and the
 * certificate goes to the {@link CertificateValidator}.
 *
 * <p>Weak protection is reported, not hidden: SHA-1 signatures (what the axis' reference library emits) are not
 * verified unless {@link Builder#allowLegacySha1} opts in, and even then the report is INDETERMINATE with
 * {@link SubIndication#CRYPTO_CONSTRAINTS_FAILURE}; RSA keys under 2048 bits (EC under 256) likewise.
 *
 * <p>The official samples put {@code Signature} in the edXML namespace; such a signature is recognised, reported
 * with the warning "non-standard namespace", and a copy moved into the XML-DSig namespace is verified. An empty
 * {@code edXML:DigitalSignature} (some provincial senders) is reported as unsigned.
 *
 * <p>Trace hops the axes append after signing ({@code TraceHeader}s at the end of {@code TraceHeaderList}) are not
 * covered by any whole-package signature. When the content does not match as received, up to
 * {@link Builder#maxUnsignedTraceHops} trailing hops are set aside and the check repeated; if it then matches,
 * the report says which hops are not covered. Nothing else is ever set aside. Instances are immutable and
 * thread-safe.
 */
public final class EdXmlSignatureVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(EdXmlSignatureVerifier.class);
    /** The warning a signature in the edXML namespace carries. */
    public static final String NON_STANDARD_NAMESPACE = "non-standard namespace: the Signature is in the edXML "
            + "namespace (as in the official samples), not in the XML-DSig namespace; a copy moved into the XML-DSig "
            + "namespace was verified";
    private static final String DEFAULT_ID = "edXMLHeader/Signature";

    private final CertificateValidator validator;
    private final boolean allowLegacySha1;
    private final Clock clock;
    private final long maxDocumentBytes;
    private final XmlLimits xmlLimits;
    private final Path tempDirectory;
    private final int maxUnsignedTraceHops;

    private EdXmlSignatureVerifier(Builder b) {
        this.validator = b.validator;
        this.allowLegacySha1 = b.allowLegacySha1;
        this.clock = b.clock;
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.xmlLimits = b.xmlLimits;
        this.tempDirectory = b.tempDirectory;
        this.maxUnsignedTraceHops = b.maxUnsignedTraceHops;
    }

    /**
     * A new builder.
     *
     * @return a builder with SHA-1 refused, the system clock, a 256 MiB cap, {@link XmlLimits#defaults()} and 4
     *     unsigned trace hops; a certificate validator must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a package from its bytes.
     *
     * @param received the package exactly as received
     * @return the report
     */
    public ValidationReport verify(byte[] received) {
        return verify(new ByteArrayInputStream(ValidationException.requireNonNull(received, "EdXmlSignatureVerifier.received")));
    }

    /**
     * Verifies a package.
     *
     * @param received the package exactly as received (read to the end, not closed)
     * @return the report; INVALID / INDETERMINATE with the reason when the package is unacceptable, unsigned or
     *     not an edXML package
     * @throws UncheckedIOException if the temporary file for large attachment content cannot be written or read
     *     (see {@link Builder#tempDirectory}): a fault of the machine, not of the package
     */
    public ValidationReport verify(InputStream received) {
        ValidationException.requireNonNull(received, "EdXmlSignatureVerifier.received");
        ParsedPackage parsed;
        try {
            parsed = ParsedPackage.read(received, maxDocumentBytes, xmlLimits, tempDirectory);
        } catch (VerificationException e) {
            return format(DEFAULT_ID, Causes.describe(e), Optional.empty(), List.of());
        }
        try (parsed) {
            return verify(parsed);
        }
    }

    private ValidationReport verify(ParsedPackage parsed) {
        Document doc = parsed.document();
        Optional<Element> header = EdXmlDom.header(doc);
        if (header.isEmpty()) {
            return format(DEFAULT_ID, "not an edXML package (the root must be edXML with one edXMLEnvelope holding "
                    + "one edXMLHeader)", Optional.empty(), List.of());
        }
        List<Element> found = EdXmlDom.signatureElements(doc);
        List<Element> signatures = found.stream().filter(e -> e.getLocalName().equals("Signature")).toList();
        if (signatures.isEmpty()) {
            String why = found.isEmpty() ? "the package carries no signature"
                    : !found.get(0).getTextContent().isBlank() || !EdXmlDom.children(found.get(0)).isEmpty()
                            ? "edXML:DigitalSignature carries no XML-DSig signature (an axis "
                            + "authentication carrier, not a signature); the package is unsigned"
                    : "the package is unsigned (empty edXML:DigitalSignature)";
            return ValidationReport.failed(DEFAULT_ID, SubIndication.SIGNED_DATA_NOT_FOUND, why, Optional.empty(),
                    Optional.empty(), List.of());
        }
        if (signatures.size() > 1) {
            return format(DEFAULT_ID, "the document holds " + signatures.size() + " Signature elements; an edXML "
                    + "package has exactly one (possible signature wrapping)", Optional.empty(), List.of());
        }
        Element signature = signatures.get(0);
        String id = signature.hasAttribute("Id") ? signature.getAttribute("Id") : DEFAULT_ID;
        if (signature.getParentNode() != header.get()) {
            return format(id, "the Signature is not in edXMLHeader, where edXML places it (possible signature "
                    + "wrapping)", Optional.empty(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        if (EdXmlDom.EDXML_NS.equals(signature.getNamespaceURI())) {
            warnings.add(NON_STANDARD_NAMESPACE);
            signature = EdXmlDom.moveToDsigNamespace(signature);
        }
        Optional<String> duplicate = EdXmlDom.duplicateId(doc);
        if (duplicate.isPresent()) {
            return format(id, "the identifier \"" + duplicate.get() + "\" appears more than once (possible "
                    + "signature wrapping)", Optional.empty(), warnings);
        }
        SignatureShape.Result result = SignatureShape.check(signature);
        if (result.problem().isPresent()) {
            return format(id, result.problem().get(), Optional.empty(), warnings);
        }
        SignatureShape shape = result.shape().orElseThrow();
        KeyInfoCertificates certs;
        try {
            certs = KeyInfoCertificates.read(signature);
        } catch (CertificateException e) {
            return format(id, "a KeyInfo certificate cannot be read: " + Causes.describe(e), Optional.empty(), warnings);
        }
        X509Certificate signer = certs.signer();
        if (!shape.signatureAlgorithm().keyAlgorithm().equals(SignatureCrypto.keyType(signer.getPublicKey()))) {
            return format(id, "the signature method " + shape.signatureAlgorithm() + " does not fit the signer's "
                    + signer.getPublicKey().getAlgorithm() + " key", Optional.of(signer), warnings);
        }
        List<String> weaknesses = new ArrayList<>();
        if (shape.usesSha1()) {
            if (!allowLegacySha1) {
                return ValidationReport.failed(id, SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "the signature uses "
                        + "SHA-1 (" + shape.signatureAlgorithm() + ", digest " + shape.digestAlgorithm()
                        + ") and was not verified; legacy SHA-1 verification is off", Optional.of(signer),
                        Optional.empty(), warnings);
            }
            LOG.warn("verifying a legacy SHA-1 edXML signature from {} (explicitly allowed)",
                    signer.getSubjectX500Principal().getName());
            weaknesses.add("SHA-1 protects the signature (legacy, accepted by configuration)");
        }
        SignatureCrypto.keyWeakness(signer.getPublicKey()).ifPresent(weaknesses::add);
        Optional<String> crypto;
        try {
            crypto = SignatureCrypto.check(signature, header.get(), signer.getPublicKey(), !shape.usesSha1(),
                    parsed.excluded(), maxUnsignedTraceHops, warnings);
        } catch (UncheckedIOException e) {
            throw e; // the temporary file failed: the machine's problem, not the package's
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            return format(id, "the signature cannot be checked: " + Causes.describe(e), Optional.of(signer), warnings);
        }
        if (crypto.isPresent()) {
            SubIndication why = crypto.get().startsWith("signature value") ? SubIndication.SIG_CRYPTO_FAILURE
                    : SubIndication.HASH_FAILURE;
            return ValidationReport.failed(id, why, crypto.get(), Optional.of(signer), Optional.empty(), warnings);
        }
        Instant now = clock.instant();
        CertificateValidation cv = validator.validate(signer, certs.others(), now);
        Optional<String> weakness = weaknesses.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", weaknesses));
        return ValidationReport.intact(id, signer, Optional.empty(), cv, weakness, warnings);
    }

    private static ValidationReport format(String id, String why, Optional<X509Certificate> signer,
            List<String> warnings) {
        return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, why, signer, Optional.empty(), warnings);
    }

    /** Builds an {@link EdXmlSignatureVerifier}. */
    public static final class Builder {
        private CertificateValidator validator;
        private boolean allowLegacySha1;
        private Clock clock = Clock.systemUTC();
        private long maxDocumentBytes = 256L * 1024 * 1024;
        private XmlLimits xmlLimits = XmlLimits.defaults();
        private Path tempDirectory;
        private int maxUnsignedTraceHops = 4;

        private Builder() {
        }

        /**
         * Validates the signer certificate (chain, validity, key usage, revocation). Required.
         *
         * @param value the certificate validator; required
         * @return this builder
         */
        public Builder certificateValidator(CertificateValidator value) {
            this.validator = ValidationException.requireNonNull(value, "EdXmlSignatureVerifier.certificateValidator");
            return this;
        }

        /**
         * Whether SHA-1 signatures (the axis' reference library's RSA-SHA1) are verified at all. Off by default:
         * such a signature is then reported INDETERMINATE without being checked. When on, it is checked (secure
         * validation is then relaxed for that signature only, the SDK's own structure rules still apply), a warning
         * is logged, and a valid one is still reported INDETERMINATE as weak.
         *
         * @param value {@code true} to check SHA-1 signatures (still reported weak), {@code false} to leave
         *     them unchecked
         * @return this builder
         */
        public Builder allowLegacySha1(boolean value) {
            this.allowLegacySha1 = value;
            return this;
        }

        /**
         * The clock giving the validation time of the certificate (XML-DSig carries no signing time).
         *
         * @param value the clock giving the validation time; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "EdXmlSignatureVerifier.clock");
            return this;
        }

        /**
         * The largest package read, in bytes (default 256 MiB); larger ones are reported unacceptable.
         *
         * @param value the cap in bytes; positive
         * @return this builder
         * @throws ValidationException if {@code value} is not positive
         */
        public Builder maxDocumentBytes(long value) {
            if (value <= 0) {
                throw ValidationException.of("xmldsig.maxDocumentBytes", "EdXmlSignatureVerifier.maxDocumentBytes",
                        "must be positive");
            }
            this.maxDocumentBytes = value;
            return this;
        }

        /**
         * Where attachment content goes while the package is checked, once the package's attachments hold more than
         * 1 MiB (kept in memory below that); default the JVM's temporary directory. The file is readable by its owner
         * only (where the file system has permissions) and deleted when the check ends.
         *
         * @param value an existing directory for temporary attachment files; required
         * @return this builder
         */
        public Builder tempDirectory(Path value) {
            this.tempDirectory = ValidationException.requireNonNull(value, "EdXmlSignatureVerifier.tempDirectory");
            return this;
        }

        /**
         * What the package may hold (elements, depth, attributes, namespace declarations, nodes, text outside
         * attachment content); default {@link XmlLimits#defaults()}. A package that breaks one is reported
         * FORMAT_FAILURE naming the limit, as soon as the reader meets it and before any DOM of it is complete.
         *
         * @param value the limits; required
         * @return this builder
         */
        public Builder xmlLimits(XmlLimits value) {
            this.xmlLimits = ValidationException.requireNonNull(value, "EdXmlSignatureVerifier.xmlLimits");
            return this;
        }

        /**
         * How many trace hops appended after signing may be set aside (default 4; 0 to require the package exactly
         * as signed). Hops set aside are named in the report's warnings.
         *
         * @param value the number of trailing trace hops that may be unsigned, from 0 to 64
         * @return this builder
         * @throws ValidationException if {@code value} is outside 0..64
         */
        public Builder maxUnsignedTraceHops(int value) {
            if (value < 0 || value > 64) {
                throw ValidationException.of("xmldsig.maxUnsignedTraceHops",
                        "EdXmlSignatureVerifier.maxUnsignedTraceHops", "must be between 0 and 64");
            }
            this.maxUnsignedTraceHops = value;
            return this;
        }

        /**
         * The verifier.
         *
         * @return a thread-safe verifier with this builder's settings
         * @throws ValidationException if no certificate validator is given
         */
        public EdXmlSignatureVerifier build() {
            if (validator == null) {
                throw ValidationException.of("xmldsig.validator.missing", "EdXmlSignatureVerifier.certificateValidator",
                        "a CertificateValidator is required");
            }
            return new EdXmlSignatureVerifier(this);
        }
    }
}
