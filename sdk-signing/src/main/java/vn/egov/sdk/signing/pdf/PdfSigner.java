package vn.egov.sdk.signing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.SignatureValue;
import vn.egov.sdk.signing.SigningException;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.internal.pdf.ByteRanges;
import vn.egov.sdk.signing.internal.pdf.ContainerAssembly;
import vn.egov.sdk.signing.internal.pdf.PdfPreparer;
import vn.egov.sdk.signing.internal.pdf.PdfSignerChecks;
import vn.egov.sdk.signing.internal.pdf.PdfSpool;
import vn.egov.sdk.signing.internal.pdf.StampRenderer;
import vn.egov.sdk.signing.internal.pdf.StampText;
import vn.egov.sdk.signing.internal.pdf.TimestampAuthority;
import vn.egov.sdk.signing.timestamp.TimestampClient;

/**
 * Signs PDFs: PAdES baseline B-B ({@code /SubFilter ETSI.CAdES.detached}; CMS signed attributes content-type,
 * message-digest and signing-certificate-v2) and, with a timestamp authority, B-T (an RFC 3161 signature timestamp
 * as unsigned attribute), with an optional {@link VisibleStamp}. The CMS container is made by the SDK's
 * {@link CmsSigner} (without the signing-time attribute, as PAdES wants) and the timestamp fetched by its
 * {@link TimestampClient}. Each signature is an incremental update, so a
 * second signature (the agency's seal after the signer's) keeps the first valid.
 *
 * <p>Three ways to sign:
 * <ul>
 *   <li>{@link #sign(Path, Path)}: prepare, sign with the builder's {@link SignatureSource}, embed;</li>
 *   <li>deferred, for remote signers and tokens: {@link #prepare(Path, Path)} gives a {@link PreparedPdfSignature}
 *       whose {@link PreparedPdfSignature#dataToSign()} (or {@link PreparedPdfSignature#hashToSign()}) goes to the
 *       signer; later {@link #embed(PreparedPdfSignature, SignatureValue)} completes the file. After a restart,
 *       {@link #resume(Path)} rebuilds the prepared state from the prepared file: nothing else must be kept;</li>
 *   <li>{@link #signInPlace(Path)} appends the signature to the file itself (no copy: the fastest for large
 *       files);</li>
 *   <li>{@link #sign(InputStream, OutputStream)} spools both sides to temporary files.</li>
 * </ul>
 *
 * <p>Memory: the input is read file-backed (PDFBox holds the document's object structure, not its page streams) and
 * digested once; signing to a new file copies the input channel to channel on a short-lived thread of its own
 * meanwhile (off the Java heap, on a second core when there is one); only the increment (signature dictionary,
 * stamp) is held in memory. Thread-safe; each call works on its own files.
 */
public final class PdfSigner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PdfSigner.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SignatureSource source;
    private final SignatureAlgorithm algorithm;
    private final TimestampAuthority timestamps;
    private final Optional<String> reason;
    private final Optional<String> location;
    private final Optional<String> contact;
    private final Optional<VisibleStamp> stamp;
    private final int contentsSize;
    private final Clock clock;
    private final CmsSigner cms;

    private PdfSigner(Builder b, SignatureAlgorithm algorithm, TimestampAuthority timestamps) {
        this.source = b.source;
        this.algorithm = algorithm;
        this.timestamps = timestamps;
        this.reason = Optional.ofNullable(b.reason);
        this.location = Optional.ofNullable(b.location);
        this.contact = Optional.ofNullable(b.contact);
        this.stamp = Optional.ofNullable(b.stamp);
        this.contentsSize = b.contentsSize > 0 ? b.contentsSize
                : (timestamps.client().isPresent() ? 24_576 : 16_384);
        this.clock = b.clock;
        CmsSigner.Builder cmsBuilder = CmsSigner.builder().source(source).digest(algorithm.digest())
                .signingTimeAttribute(false).clock(clock);
        timestamps.client().ifPresent(cmsBuilder::timestamps);
        this.cms = cmsBuilder.build();
    }

    /**
     * A new builder.
     *
     * @return a builder with SHA-256, no timestamps, an invisible signature and the system clock; a source must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs {@code input} into {@code output} (created or replaced; it may not be the input).
     *
     * @param input the PDF to sign; read, never modified
     * @param output the signed PDF to write; created or replaced, not the same file as {@code input}
     * @throws ValidationException for an unreadable or encrypted PDF, a bad stamp or font, a missing page
     * @throws SigningException if the signature source or the timestamp authority fails
     */
    public void sign(Path input, Path output) {
        PreparedPdfSignature prepared = prepare(input, output);
        embed(prepared, source.sign(prepared.dataToSign()));
    }

    /**
     * Signs a PDF in place: the signature is appended to the file as an incremental update, so the file is read
     * once (for the digest) and not copied; the fastest way to sign a large file. If writing the increment fails,
     * the file is cut back to its original length.
     *
     * @param pdf the PDF to sign; modified in place
     * @throws ValidationException for an unreadable or encrypted PDF, a bad stamp or font, a missing page
     * @throws SigningException if the signature source or the timestamp authority fails
     */
    public void signInPlace(Path pdf) {
        PreparedPdfSignature prepared = prepareInPlace(pdf);
        embed(prepared, source.sign(prepared.dataToSign()));
    }

    /**
     * Signs a PDF read from a stream into a stream, through temporary files (deleted afterwards).
     *
     * @param input the PDF to sign; read to its end, not closed
     * @param output where the signed PDF is written; not closed
     * @throws ValidationException for an unreadable PDF, a bad stamp or font
     * @throws SigningException if the signature source or the timestamp authority fails
     */
    public void sign(InputStream input, OutputStream output) {
        PdfSpool.through(input, output, this::sign);
    }

    /**
     * Step 1 of deferred signing: writes {@code output}, the PDF with a signature dictionary (and stamp) whose
     * {@code /Contents} is still blank, and returns what to sign.
     *
     * @param input the PDF to sign; read, never modified
     * @param output the prepared PDF to write; created or replaced, not the same file as {@code input}
     * @return what to sign, and where {@link #embed} completes it
     * @throws ValidationException for an unreadable or encrypted PDF, a bad stamp or font, a missing page
     */
    public PreparedPdfSignature prepare(Path input, Path output) {
        PdfSignerChecks.distinctPaths(input, output);
        return doPrepare(input, output);
    }

    /**
     * Step 1 of deferred signing, in place: appends the signature dictionary (and stamp) with a blank
     * {@code /Contents} to the file itself.
     *
     * @param pdf the PDF to prepare; modified in place
     * @return what to sign, and where {@link #embed} completes it
     * @throws ValidationException for an unreadable or encrypted PDF, a bad stamp or font, a missing page
     */
    public PreparedPdfSignature prepareInPlace(Path pdf) {
        PdfSignerChecks.paths(pdf, pdf);
        return doPrepare(pdf, pdf);
    }

    private PreparedPdfSignature doPrepare(Path input, Path output) {
        X509Certificate signer = source.certificate();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(VIETNAM)).truncatedTo(ChronoUnit.SECONDS);
        String name = StampText.signerName(signer);
        PdfPreparer.Fields fields = new PdfPreparer.Fields(name, reason, location, contact,
                GregorianCalendar.from(now));
        Optional<Function<PDRectangle, byte[]>> appearance = StampRenderer.appearance(stamp, signer, now);
        try {
            PdfPreparer.Prepared p = PdfPreparer.prepare(input, output, fields, appearance, stamp.map(VisibleStamp::page).orElse(1), contentsSize, algorithm.digest());
            LOG.debug("prepared {} for signing by {}: byte range {}/{}/{}", output.getFileName(), name,
                    p.byteRange()[1], p.byteRange()[2], p.byteRange()[3]);
            return prepared(output, p.byteRange(), p.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prepared PDF " + output, e);
        }
    }

    /**
     * Rebuilds the {@link PreparedPdfSignature} of a file {@link #prepare prepared} earlier (for example before a
     * restart) by this signer: its last signature must still be blank.
     *
     * @param preparedPdf a file written by {@link #prepare} or {@link #prepareInPlace} and not yet embedded
     * @return the prepared signature of that file, as {@link #prepare} returned it
     * @throws ValidationException if the file has no blank signature to complete
     */
    public PreparedPdfSignature resume(Path preparedPdf) {
        try {
            long[] range = PdfPreparer.blankSignatureRange(preparedPdf);
            return prepared(preparedPdf, range, ByteRanges.digest(preparedPdf, range, algorithm.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prepared PDF " + preparedPdf, e);
        }
    }

    /**
     * Step 3: checks the signature value against the prepared data and the signer certificate, fetches the
     * timestamp (B-T), and writes the CMS container into the prepared file in place.
     *
     * @param prepared the result of step 1
     * @param value the signature value a source returned for {@code prepared.dataToSign()}
     * @throws ValidationException if the value does not verify (wrong key, wrong data, wrong algorithm) or the
     *     container does not fit
     * @throws SigningException if the timestamp authority fails, refuses or answers with a token that does not
     *     verify
     */
    public void embed(PreparedPdfSignature prepared, SignatureValue value) {
        if (prepared == null || !prepared.cms().accepts(value)) {
            throw ValidationException.of("signing.pdf.signatureValue", "PdfSigner.embed.value",
                    "the signature value does not verify with the signer certificate over the prepared data "
                            + "(another key, another document or another algorithm signed)");
        }
        byte[] container = ContainerAssembly.assemble(cms, prepared.cms(), value);
        try {
            PdfPreparer.writeContents(prepared.file(), prepared.range(), container);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signature into " + prepared.file(), e);
        }
    }

    /** Closes the HTTP runtime this signer created for its timestamp authority, if any. */
    @Override
    public void close() {
        timestamps.close();
    }

    private PreparedPdfSignature prepared(Path file, long[] range, byte[] digest) {
        return new PreparedPdfSignature(file, range, cms.prepareDigest(digest));
    }

    @Override
    public String toString() {
        return "PdfSigner[" + algorithm + (timestamps.client().isPresent() ? ", B-T" : ", B-B") + ", signer "
                + source.certificate().getSubjectX500Principal().getName() + "]";
    }

    /** Builds a {@link PdfSigner}. */
    public static final class Builder {
        private SignatureSource source;
        private SignatureAlgorithm algorithm;
        private String timestampUrl;
        private HttpRuntime runtime;
        private TimestampClient timestampClient;
        private String reason;
        private String location;
        private String contact;
        private VisibleStamp stamp;
        private int contentsSize;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Where signature values come from (required).
         *
         * @param value the signature source; required before {@link #build()}
         * @return this builder
         */
        public Builder source(SignatureSource value) {
            this.source = ValidationException.requireNonNull(value, "PdfSigner.source");
            return this;
        }

        /**
         * The algorithm; default SHA-256 with the certificate's key type.
         *
         * @param value the signature algorithm, of the source's key type; {@code null} goes back to the default
         * @return this builder
         */
        public Builder algorithm(SignatureAlgorithm value) {
            this.algorithm = value;
            return this;
        }

        /**
         * The timestamp authority's URL: signatures become PAdES B-T.
         *
         * @param value the authority's absolute {@code http} or {@code https} URL; {@code null} for none (PAdES B-B)
         * @return this builder
         */
        public Builder timestampUrl(String value) {
            this.timestampUrl = value;
            return this;
        }

        /**
         * The HTTP runtime to reach the timestamp authority with; default a new one closed by {@link #close}.
         *
         * @param value the runtime to reach the authority, closed by its owner, not by the signer; {@code null} goes
         *     back to the default
         * @return this builder
         */
        public Builder httpRuntime(HttpRuntime value) {
            this.runtime = value;
            return this;
        }

        /**
         * The signature dictionary's {@code /Reason} (lý do ký).
         *
         * @param value the reason shown by PDF readers, for example {@code Phê duyệt}
         * @return this builder
         */
        public Builder reason(String value) {
            this.reason = PdfSignerChecks.text("reason", value);
            return this;
        }

        /**
         * The signature dictionary's {@code /Location} (nơi ký).
         *
         * @param value the place of signing, for example {@code Hà Nội}
         * @return this builder
         */
        public Builder location(String value) {
            this.location = PdfSignerChecks.text("location", value);
            return this;
        }

        /**
         * The signature dictionary's {@code /ContactInfo}.
         *
         * @param value the signer's contact (an e-mail or telephone number)
         * @return this builder
         */
        public Builder contact(String value) {
            this.contact = PdfSignerChecks.text("contact", value);
            return this;
        }

        /**
         * A visible stamp; default invisible.
         *
         * @param value the stamp's page, position, image and text; {@code null} for none (invisible)
         * @return this builder
         */
        public Builder stamp(VisibleStamp value) {
            this.stamp = value;
            return this;
        }

        /**
         * Bytes reserved for the CMS container; default 16 KiB (24 KiB with a timestamp).
         *
         * @param value the reserved size in bytes, from 4096 to 1048576
         * @return this builder
         * @throws ValidationException if {@code value} is outside that range
         */
        public Builder contentsSize(int value) {
            this.contentsSize = PdfSignerChecks.contentsSize(value);
            return this;
        }

        /**
         * The clock for the signing time; default the system clock.
         *
         * @param value the clock; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "PdfSigner.clock");
            return this;
        }

        /**
         * The timestamp authority as a configured client (a policy, a shared HTTP runtime): signatures become
         * PAdES B-T. Instead of {@link #timestampUrl}; the client is the caller's to close.
         *
         * @param value the timestamp client, the caller closes it; {@code null} for none
         * @return this builder
         */
        public Builder timestamps(TimestampClient value) {
            this.timestampClient = value;
            return this;
        }

        /**
         * The signer.
         *
         * @return a signer with this builder's settings, to be closed when done
         * @throws ValidationException if the source is missing or the algorithm does not fit its key
         */
        public PdfSigner build() {
            SignatureAlgorithm alg = PdfSignerChecks.algorithm(source, clock, algorithm);
            return new PdfSigner(this, alg, TimestampAuthority.of(timestampClient, timestampUrl, runtime,
                    alg.digest()));
        }
    }
}
