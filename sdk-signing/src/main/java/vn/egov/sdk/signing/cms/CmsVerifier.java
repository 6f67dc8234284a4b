package vn.egov.sdk.signing.cms;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.io.BoundedInputStream;
import vn.egov.sdk.signing.internal.cms.CmsEncoding;
import vn.egov.sdk.signing.internal.cms.SignerInfoCheck;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * Verifies CMS ({@code SignedData}) signatures, detached or enveloping, and reports one
 * {@link ValidationReport} per SignerInfo ({@code "cms[0]"}, {@code "cms[1]"}, …).
 *
 * <p>For each signer: its certificate is found by the SignerInfo's identifier among the certificates the
 * signature carries (exactly one must match); signed attributes are required; Bouncy Castle checks the content
 * type, the message digest against the content and the signature value; the ESS signing-certificate (v2 or v1)
 * attribute must name that certificate (its absence is a warning); a signature timestamp, when present, must
 * verify and be over the signature value, and when its authority passes the validator its time is the signing
 * time; MD5, SHA-1 and RSA keys under 2048 bits are reported as weak; then the {@link CertificateValidator}
 * decides on the certificate at the time the timestamp proves, else now (the claimed signing time only when
 * {@link Builder#validateAtClaimedTime} says so). The report's signing time is the timestamp's, else the claimed
 * one.
 *
 * <p>Encoding: the bytes as received must be DER wherever the signature depends on them: each SignerInfo (its
 * signed attributes above all: RFC 5652 requires them DER, they are what is signed), every certificate and CRL it
 * carries, the same inside a signature timestamp token; every length is in its shortest form and nothing follows
 * the {@code ContentInfo}. Otherwise one {@code FORMAT_FAILURE} report says "not DER", which part and at which
 * offset (Bouncy Castle re-encodes what it reads before verifying, so such a signature would otherwise verify while
 * its bytes are not the ones signed). BER is accepted only where streaming encoders write it and nothing is signed
 * (indefinite lengths on the outer containers, a constructed content OCTET STRING); each report then carries a
 * warning listing it.
 *
 * <p>Input is bounded: the signature (and an enveloping signature's content, held in memory) may not exceed
 * {@link Builder#maxInputBytes}. Detached content is streamed and digested while read, so it may be of any size.
 * Unreadable, truncated or oversized input gives one {@code FORMAT_FAILURE} report, never an exception.
 * Thread-safe.
 */
public final class CmsVerifier {
    /** The default cap on a signature's size, enveloped content included: 32 MiB. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 32L * 1024 * 1024;

    private final CertificateValidator validator;
    private final long maxInputBytes;
    private final Clock clock;
    private final boolean trustClaimedTime;
    private final DigestCalculatorProvider digests;

    private CmsVerifier(Builder b) {
        this.validator = b.validator;
        this.maxInputBytes = b.maxInputBytes;
        this.clock = b.clock;
        this.trustClaimedTime = b.trustClaimedTime;
        try {
            // the JDK's digests (SHA-NI intrinsics), not Bouncy Castle's pure-Java ones
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new builder.
     *
     * @return a builder with a 32 MiB input cap, the system clock and claimed times not trusted; a validator
     *     must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies an enveloping signature (the content inside).
     *
     * @param cms the DER or BER CMS
     * @return one report per signer (one {@code FORMAT_FAILURE} report when the input is not a readable CMS)
     * @throws ValidationException if the signature is detached: use {@link #verifyDetached}
     */
    public List<ValidationReport> verify(byte[] cms) {
        requireInput(cms, "CmsVerifier.verify.cms");
        if (cms.length > maxInputBytes) {
            return List.of(tooLarge());
        }
        return run(cms, null);
    }

    /**
     * Verifies an enveloping signature read from a stream (read up to the cap, not closed).
     *
     * @param cms the DER or BER CMS, read up to {@code maxInputBytes}; not closed
     * @return one report per signer (one {@code FORMAT_FAILURE} report when the input is not a readable CMS or is
     *     larger than the cap)
     * @throws ValidationException if the stream cannot be read or the signature is detached
     */
    public List<ValidationReport> verify(InputStream cms) {
        requireInput(cms, "CmsVerifier.verify.cms");
        Optional<byte[]> bytes = readBounded(cms);
        return bytes.map(b -> run(b, null)).orElseGet(() -> List.of(tooLarge()));
    }

    /**
     * Verifies a detached signature of content held in memory.
     *
     * @param signature the CMS signature ({@code .p7s})
     * @param content the signed content
     * @return one report per signer (one {@code FORMAT_FAILURE} report when the signature is not a readable CMS)
     * @throws ValidationException if the signature carries its own content
     */
    public List<ValidationReport> verifyDetached(byte[] signature, byte[] content) {
        requireInput(content, "CmsVerifier.verifyDetached.content");
        return verifyDetached(signature, new java.io.ByteArrayInputStream(content));
    }

    /**
     * Verifies a detached signature of a stream, digesting the content while reading it (read to its end, not
     * closed; it is never held in memory).
     *
     * @param signature the CMS signature ({@code .p7s})
     * @param content the signed content
     * @return one report per signer (one {@code FORMAT_FAILURE} report when the signature is not a readable CMS or is
     *     larger than the cap)
     * @throws ValidationException if the content cannot be read, or the signature carries its own content
     */
    public List<ValidationReport> verifyDetached(byte[] signature, InputStream content) {
        requireInput(signature, "CmsVerifier.verifyDetached.signature");
        requireInput(content, "CmsVerifier.verifyDetached.content");
        if (signature.length > maxInputBytes) {
            return List.of(tooLarge());
        }
        if (hasEncapsulatedContent(signature)) {
            throw ValidationException.of("cms.content.enveloped", "CmsVerifier.verifyDetached.signature",
                    "the signature carries its own content; verify it with verify(...)");
        }
        return run(signature, new ContentStream(content));
    }

    private List<ValidationReport> run(byte[] cms, ContentStream detached) {
        // the bytes as given, before Bouncy Castle reads them (it reads only as far as it needs, and re-encodes
        // what it reads: a non-DER encoding would still verify); the whole input must be one ContentInfo
        CmsEncoding.Result encoding = CmsEncoding.check(cms);
        if (encoding.problem().isPresent()) {
            String problem = encoding.problem().get();
            return List.of(ValidationReport.failed("cms", SubIndication.FORMAT_FAILURE, (problem.startsWith("not DER")
                    ? "the signature's encoding is not acceptable (" : "the data is not a readable CMS signature (")
                    + problem + ")", Optional.empty(), Optional.empty(), List.of()));
        }
        List<SignerInfoCheck.Carried> certificates = new ArrayList<>();
        List<SignerInformation> signers = new ArrayList<>();
        try {
            CMSSignedDataParser parser = detached == null ? new CMSSignedDataParser(digests, cms)
                    : new CMSSignedDataParser(digests, new CMSTypedStream(detached), cms);
            CMSTypedStream signedContent = parser.getSignedContent();
            if (signedContent == null) {
                throw ValidationException.of("cms.content.missing", "CmsVerifier.verify.cms",
                        "the signature is detached: verify it with verifyDetached(signature, content)");
            }
            signedContent.drain();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = parser.getCertificates().getMatches(null);
            for (X509CertificateHolder h : holders) {
                certificates.add(new SignerInfoCheck.Carried(converter.getCertificate(h), h));
            }
            signers.addAll(parser.getSignerInfos().getSigners());
        } catch (ContentReadException e) {
            throw ValidationException.of("cms.content.unreadable", "CmsVerifier.verifyDetached.content",
                    "cannot read the signed content: " + Causes.describe(e.getCause()));
        } catch (ValidationException e) {
            throw e;
        } catch (CMSException | IOException | CertificateException | RuntimeException e) {
            return List.of(ValidationReport.failed("cms", SubIndication.FORMAT_FAILURE,
                    "the data is not a readable CMS signature (" + e.getClass().getSimpleName() + ": "
                            + Causes.describe(e) + ")", Optional.empty(), Optional.empty(), List.of()));
        }
        if (signers.isEmpty()) {
            return List.of(ValidationReport.failed("cms", SubIndication.SIGNED_DATA_NOT_FOUND,
                    "the CMS carries no signer", Optional.empty(), Optional.empty(), List.of()));
        }
        SignerInfoCheck check = new SignerInfoCheck(validator, clock, trustClaimedTime);
        List<ValidationReport> reports = new ArrayList<>(signers.size());
        for (int i = 0; i < signers.size(); i++) {
            ValidationReport r = check.check("cms[" + i + "]", signers.get(i), certificates);
            if (encoding.warning().isPresent()) {
                List<String> warnings = new ArrayList<>(r.warnings());
                warnings.add(encoding.warning().get());
                r = new ValidationReport(r.signatureId(), r.indication(), r.subIndication(), r.reason(), r.signer(),
                        r.signingTime(), r.chain(), r.revocation(), warnings);
            }
            reports.add(r);
        }
        return List.copyOf(reports);
    }

    private static boolean hasEncapsulatedContent(byte[] signature) {
        try {
            return SignedData.getInstance(ContentInfo.getInstance(signature).getContent()).getEncapContentInfo()
                    .getContent() != null;
        } catch (RuntimeException e) {
            return false; // unreadable: the parser reports it
        }
    }

    private Optional<byte[]> readBounded(InputStream in) {
        try {
            return Optional.of(new BoundedInputStream(in, maxInputBytes).readAllBytes());
        } catch (BoundedInputStream.LimitExceededException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ValidationException.of("cms.input.unreadable", "CmsVerifier.verify.cms",
                    "cannot read the signature: " + Causes.describe(e));
        }
    }

    private ValidationReport tooLarge() {
        return ValidationReport.failed("cms", SubIndication.FORMAT_FAILURE, "the signature is larger than the "
                + maxInputBytes + "-byte limit", Optional.empty(), Optional.empty(), List.of());
    }

    private static void requireInput(Object input, String path) {
        if (input == null) {
            throw ValidationException.of("cms.input.missing", path, "is required");
        }
    }

    /** Marks failures of the caller's content stream, to tell them from a malformed signature. */
    private static final class ContentReadException extends IOException {
        private static final long serialVersionUID = 1L;

        ContentReadException(IOException cause) {
            super(Causes.describe(cause), cause);
        }
    }

    /** The caller's content stream, its failures marked. */
    private static final class ContentStream extends java.io.FilterInputStream {
        ContentStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new ContentReadException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new ContentReadException(e);
            }
        }

        @Override
        public void close() {
            // the caller's stream is the caller's to close
        }
    }

    @Override
    public String toString() {
        return "CmsVerifier[max " + maxInputBytes + " bytes]";
    }

    /** Builder of {@link CmsVerifier}. */
    public static final class Builder {
        private CertificateValidator validator;
        private long maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
        private Clock clock = Clock.systemUTC();
        private boolean trustClaimedTime;

        private Builder() {
        }

        /**
         * Whether the certificate of a signature without a trusted timestamp is validated at the signing time the
         * signature claims. Off by default: the claim is the signer's word, and a stolen key whose certificate has
         * since been revoked or has expired could backdate it; the certificate is then validated now. Turn it on
         * only where signatures are known to have been received on time (an archive that checked them then).
         *
         * @param value {@code true} to validate the certificate at the claimed signing time, {@code false}
         *     (default) to validate it now
         * @return this builder
         */
        public Builder validateAtClaimedTime(boolean value) {
            this.trustClaimedTime = value;
            return this;
        }

        /**
         * Decides on signer certificates (required): chain to trust anchors, validity, revocation.
         *
         * @param value the certificate validator; required before {@link #build()}
         * @return this builder
         */
        public Builder validator(CertificateValidator value) {
            this.validator = ValidationException.requireNonNull(value, "CmsVerifier.validator");
            return this;
        }

        /**
         * The largest signature accepted, enveloped content included; 32 MiB by default.
         *
         * @param value the cap in bytes; at least 1024
         * @return this builder
         * @throws ValidationException if {@code value} is below 1024
         */
        public Builder maxInputBytes(long value) {
            if (value < 1024) {
                throw ValidationException.of("cms.maxInputBytes", "CmsVerifier.maxInputBytes",
                        "must be at least 1024");
            }
            this.maxInputBytes = value;
            return this;
        }

        /**
         * The clock giving "now", the validation time of signatures without a trusted timestamp; the system clock.
         *
         * @param value the clock; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "CmsVerifier.clock");
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return a thread-safe verifier with this builder's settings
         * @throws ValidationException if no validator was given
         */
        public CmsVerifier build() {
            if (validator == null) {
                throw ValidationException.of("cms.validator.missing", "CmsVerifier.validator",
                        "a CertificateValidator is required (it decides whether the signer is trusted)");
            }
            return new CmsVerifier(this);
        }
    }
}
