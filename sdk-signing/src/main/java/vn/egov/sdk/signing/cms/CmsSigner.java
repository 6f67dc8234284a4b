package vn.egov.sdk.signing.cms;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.internal.cms.SignedAttributesFactory;
import vn.egov.sdk.signing.internal.cms.SignedDataAssembler;
import vn.egov.sdk.signing.timestamp.TimestampClient;

/**
 * Makes CAdES-B CMS signatures ({@code SignedData}, RFC 5652) of any data, detached ({@code .p7s}) or enveloping
 * ({@code .p7m}), and CAdES-T when given a {@link TimestampClient}.
 *
 * <p>The signed attributes are content type ({@code id-data}), message digest, signing time (from the clock; may
 * be left out for PAdES),
 * signing certificate v2 (ESSCertIDv2: SHA-256 of the signer certificate with its issuer and serial, binding the
 * certificate to the signature) and CMS algorithm protection (RFC 6211). The signer is identified by issuer and
 * serial number; the signature carries the signer certificate and, unless told otherwise, its intermediates.
 *
 * <p>Three-step signing: {@link #prepare} gives a {@link PreparedCmsSignature} whose
 * {@link PreparedCmsSignature#dataToSign()} any {@link SignatureSource} can sign (a token, an HSM, a remote
 * service), and {@link #assemble} builds the CMS from the value; the {@code sign} methods do the three steps with
 * the builder's source. Detached signatures of a stream digest the stream while reading it, so the data never
 * sits in memory; {@link #signDigest} takes a digest the caller computed (a PDF byte range, a remote service).
 *
 * <p>Thread-safe if the source is.
 */
public final class CmsSigner {
    private static final int BUFFER = 64 * 1024;

    private final SignatureSource source;
    private final DigestAlgorithm digest;
    private final boolean includeChain;
    private final boolean signingTimeAttribute;
    private final Optional<TimestampClient> timestamps;
    private final Clock clock;

    private CmsSigner(Builder b) {
        this.source = b.source;
        this.digest = b.digest;
        this.includeChain = b.includeChain;
        this.signingTimeAttribute = b.signingTimeAttribute;
        this.timestamps = Optional.ofNullable(b.timestamps);
        this.clock = b.clock;
    }

    /**
     * A new builder.
     *
     * @return a builder with SHA-256, the chain included, the signing-time attribute on, no timestamps and the
     *     system clock; a source must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The content digest algorithm (and the signature's digest).
     *
     * @return the algorithm the content is digested with, also the digest of the signature algorithm
     */
    public DigestAlgorithm digestAlgorithm() {
        return digest;
    }

    /**
     * Signs data held in memory.
     *
     * @param content the data
     * @param packaging detached or enveloping
     * @return the DER-encoded CMS {@code ContentInfo}
     * @throws vn.egov.sdk.signing.SigningException if the source fails
     */
    public byte[] sign(byte[] content, CmsPackaging packaging) {
        PreparedCmsSignature prepared = prepare(content, packaging);
        return assemble(prepared, source.sign(prepared.dataToSign()));
    }

    /**
     * Makes a detached signature of a stream, digesting it while reading (the data is not kept in memory). The
     * stream is read to its end, not closed.
     *
     * @param content the data to sign; read to its end, not closed
     * @return the DER-encoded CMS {@code ContentInfo} of a detached signature ({@code .p7s})
     * @throws ValidationException if the stream is missing or cannot be read
     */
    public byte[] signDetached(InputStream content) {
        PreparedCmsSignature prepared = prepareDetached(content);
        return assemble(prepared, source.sign(prepared.dataToSign()));
    }

    /**
     * Makes a detached signature from a content digest the caller computed with {@link #digestAlgorithm()}.
     *
     * @param contentDigest the digest of the content
     * @return the DER-encoded CMS {@code ContentInfo} of a detached signature ({@code .p7s})
     * @throws ValidationException if its length does not fit the digest algorithm
     */
    public byte[] signDigest(byte[] contentDigest) {
        PreparedCmsSignature prepared = prepareDigest(contentDigest);
        return assemble(prepared, source.sign(prepared.dataToSign()));
    }

    /**
     * Step 1 for data held in memory.
     *
     * @param content the data to sign; required
     * @param packaging {@link CmsPackaging#DETACHED} or {@link CmsPackaging#ENVELOPING} (the content is then kept
     *     for step 3); required
     * @return the prepared signature whose {@link PreparedCmsSignature#dataToSign()} a source signs
     * @throws ValidationException if the content is missing
     */
    public PreparedCmsSignature prepare(byte[] content, CmsPackaging packaging) {
        if (content == null || packaging == null) {
            throw ValidationException.of("cms.content.missing", "CmsSigner.content",
                    "content and packaging are required");
        }
        byte[] contentDigest = digest.digest(content);
        return prepared(contentDigest, packaging, packaging == CmsPackaging.ENVELOPING ? content : null);
    }

    /**
     * Step 1 of a detached signature of a stream (read to its end and digested, not kept, not closed).
     *
     * @param content the data to sign; required
     * @return the prepared detached signature whose {@link PreparedCmsSignature#dataToSign()} a source signs
     * @throws ValidationException if the stream cannot be read
     */
    public PreparedCmsSignature prepareDetached(InputStream content) {
        if (content == null) {
            throw ValidationException.of("cms.content.missing", "CmsSigner.content", "content is required");
        }
        MessageDigest md = digest.newMessageDigest();
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n; (n = content.read(buffer)) != -1; ) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw ValidationException.of("cms.content.unreadable", "CmsSigner.content",
                    "cannot read the content to sign: " + Causes.describe(e));
        }
        return prepared(md.digest(), CmsPackaging.DETACHED, null);
    }

    /**
     * Step 1 of a detached signature from a content digest the caller computed with {@link #digestAlgorithm()}.
     *
     * @param contentDigest the digest of the content, as many bytes as {@link #digestAlgorithm()} produces; copied
     * @return the prepared detached signature whose {@link PreparedCmsSignature#dataToSign()} a source signs
     * @throws ValidationException if its length does not fit the digest algorithm
     */
    public PreparedCmsSignature prepareDigest(byte[] contentDigest) {
        int expected = digest.newMessageDigest().getDigestLength();
        if (contentDigest == null || contentDigest.length != expected) {
            throw ValidationException.of("cms.digest.length", "CmsSigner.contentDigest",
                    "the content digest must be the " + expected + "-byte " + digest.jcaName() + " of the content");
        }
        return prepared(contentDigest.clone(), CmsPackaging.DETACHED, null);
    }

    private PreparedCmsSignature prepared(byte[] contentDigest, CmsPackaging packaging, byte[] content) {
        List<X509Certificate> chain = source.certificateChain();
        X509Certificate signer = chain.get(0);
        SignatureAlgorithm algorithm = SignatureAlgorithm.of(signer.getPublicKey(), digest);
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] attrs = SignedAttributesFactory.encode(contentDigest, digest, algorithm, signer,
                signingTimeAttribute ? signingTime : null);
        List<X509Certificate> certs = includeChain ? chain : List.of(signer);
        return new PreparedCmsSignature(new DataToSign(attrs, algorithm), attrs, digest, contentDigest, packaging,
                content, certs, signingTime);
    }

    /**
     * Step 3: builds the CMS from a prepared signature and the value a source returned, adding a signature
     * timestamp when the signer has a {@link TimestampClient}.
     *
     * @param prepared the result of step 1 ({@link #prepare}, {@link #prepareDetached} or {@link #prepareDigest})
     * @param value the signature value a source returned for {@code prepared.dataToSign()}
     * @return the DER-encoded CMS {@code ContentInfo}
     * @throws ValidationException if the value was made with another algorithm than the one prepared
     * @throws VerificationException if the value does not verify with the signer certificate's key (the source
     *     signed other data or holds another key), or the timestamp authority's answer does not verify
     * @throws vn.egov.sdk.core.EgovException from the {@link TimestampClient} when the authority refuses or cannot
     *     be reached (no signature is returned without the timestamp that was asked for)
     */
    public byte[] assemble(PreparedCmsSignature prepared, SignatureValue value) {
        if (prepared == null || value == null) {
            throw ValidationException.of("cms.assemble", "CmsSigner.assemble",
                    "a prepared signature and a signature value are required");
        }
        SignatureAlgorithm algorithm = prepared.dataToSign().algorithm();
        if (value.algorithm() != algorithm) {
            throw ValidationException.of("cms.signature.algorithm", "SignatureValue.algorithm",
                    "the value was made with " + value.algorithm() + " but " + algorithm + " was prepared");
        }
        if (!prepared.accepts(value)) {
            throw new VerificationException("the signature value does not verify with the key of "
                    + prepared.certificates().get(0).getSubjectX500Principal().getName()
                    + ": the signing source signed other data or holds another key",
                    ErrorDetails.of(Fault.VERIFICATION, false), null);
        }
        byte[] signature = value.value();
        Optional<byte[]> token = timestamps.map(t -> t.timestamp(signature).der());
        return SignedDataAssembler.assemble(prepared.signedAttributes(), prepared.digestAlgorithm(), algorithm,
                signature, prepared.certificates(), prepared.content(), token);
    }

    @Override
    public String toString() {
        return "CmsSigner[" + digest + ", signer " + source.certificate().getSubjectX500Principal().getName()
                + (includeChain ? ", with chain" : "") + timestamps.map(t -> ", " + t).orElse("") + "]";
    }

    /** Builder of {@link CmsSigner}. */
    public static final class Builder {
        private SignatureSource source;
        private DigestAlgorithm digest = DigestAlgorithm.SHA256;
        private boolean includeChain = true;
        private boolean signingTimeAttribute = true;
        private TimestampClient timestamps;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Where signature values come from (required): a {@link vn.egov.sdk.signing.SigningKey}, a token, …
         *
         * @param value the signature source; required before {@link #build()}
         * @return this builder
         */
        public Builder source(SignatureSource value) {
            this.source = ValidationException.requireNonNull(value, "CmsSigner.source");
            return this;
        }

        /**
         * The digest algorithm; SHA-256 by default. SHA-1 only for receivers that cannot do better (weak).
         *
         * @param value the digest algorithm; required
         * @return this builder
         */
        public Builder digest(DigestAlgorithm value) {
            this.digest = ValidationException.requireNonNull(value, "CmsSigner.digest");
            return this;
        }

        /**
         * Whether to carry the intermediates of the source's chain (default) or only the signer certificate.
         *
         * @param value {@code true} to carry the whole chain, {@code false} for the signer certificate alone
         * @return this builder
         */
        public Builder includeChain(boolean value) {
            this.includeChain = value;
            return this;
        }

        /**
         * Whether the signed attributes carry the signing time (default). PAdES leaves it out (ETSI EN 319 142-1:
         * the time goes in the signature dictionary's {@code /M}); {@link PreparedCmsSignature#signingTime()}
         * still gives the clock's time for it.
         *
         * @param value {@code true} to add the {@code signingTime} attribute, {@code false} to leave it out
         * @return this builder
         */
        public Builder signingTimeAttribute(boolean value) {
            this.signingTimeAttribute = value;
            return this;
        }

        /**
         * Adds a signature timestamp (CAdES-T) from this authority to every signature.
         *
         * @param value the RFC 3161 timestamp client; required
         * @return this builder
         */
        public Builder timestamps(TimestampClient value) {
            this.timestamps = ValidationException.requireNonNull(value, "CmsSigner.timestamps");
            return this;
        }

        /**
         * The clock of the signing-time attribute; the system clock by default.
         *
         * @param value the clock giving the signing time; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "CmsSigner.clock");
            return this;
        }

        /**
         * Builds the signer.
         *
         * @return a thread-safe signer with this builder's settings
         * @throws ValidationException if no source was given
         */
        public CmsSigner build() {
            if (source == null) {
                throw ValidationException.of("cms.source.missing", "CmsSigner.source",
                        "a signature source (a SigningKey, a token, a remote signer) is required");
            }
            return new CmsSigner(this);
        }
    }
}
