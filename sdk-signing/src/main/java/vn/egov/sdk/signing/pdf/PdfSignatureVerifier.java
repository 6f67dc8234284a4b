package vn.egov.sdk.signing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.io.BoundedInputStream;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.internal.pdf.ChangeAnalyzer;
import vn.egov.sdk.signing.internal.pdf.SignatureChecker;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * Verifies every signature of a PDF and returns one {@link ValidationReport} per signature, in signing order.
 *
 * <p>For each signature: the sub-filter is {@code ETSI.CAdES.detached} or {@code adbe.pkcs7.detached}; the
 * {@code /ByteRange} has exactly two ranges, starts at 0, ends at the {@code %%EOF} of a revision, and its gap is
 * exactly the {@code /Contents} hex string (nothing else unsigned); the CMS container is detached with one signer;
 * then the SDK's {@link CmsVerifier} checks it over the byte ranges, as for any detached CMS: the signer's
 * certificate is carried, signed attributes are present, the message digest matches and the signature value
 * verifies; the signing-certificate(-v2) attribute names the signer's certificate; a signature timestamp, when
 * present, covers the signature value and verifies (a tampered one makes the signature INVALID), and when the
 * validator trusts its authority the signer's certificate is validated at the timestamp's time, otherwise now (an
 * untrusted authority is a warning); SHA-1, MD5 and RSA keys under 2048 bits make a signature INDETERMINATE; then
 * the signer's certificate goes to the {@link CertificateValidator}. The report's signing time is the timestamp's,
 * else the dictionary's claimed {@code /M}.
 *
 * <p>The {@code /ByteRange} gap must also lie inside the signature's own dictionary object, used by no other
 * field: a field whose dictionary copies (or shares) another signature's value is
 * {@link SubIndication#FORMAT_FAILURE}, not a second signature.
 *
 * <p>Changes after signing: each revision after a signature's is compared, object by object, with the revision
 * before it, from its cross-reference section as written (objects redefined, re-pointed, freed or added). Allowed:
 * a real signature (a signature field whose value has a present {@code /Contents} and a {@code /ByteRange} covering
 * the field, its widgets and their appearance; verified and reported on its own, and named in this signature's
 * warnings when it is visible), an empty signature field that cannot show anything (every widget with a zero-width
 * or zero-height {@code /Rect}, or with neither {@code /AP} nor {@code /MK}), validation data ({@code /DSS}), and
 * the bookkeeping they need (the catalog's {@code /AcroForm}, {@code /DSS}, {@code /Extensions}; the form's
 * {@code /Fields} and {@code /SigFlags}; a page's {@code /Annots} growing by exactly those widgets; objects
 * rewritten unchanged; a changed document information dictionary or XMP metadata, reported). Anything else makes
 * the signature {@link Indication#INVALID} ({@link SubIndication#HASH_FAILURE}), each change named (object, page,
 * kind): a redefined page, content stream, resource, font, XObject, annotation or form field (shadow "hide",
 * "replace" and "hide-and-replace"), a freed object, a new annotation or an unsigned visible signature field
 * (overlays, "evil annotation", "sneaky signature"), an object the signed revision referred to but did not contain,
 * a form or catalog change such as {@code /NeedAppearances} or {@code /Perms}. Form filling and annotations are
 * therefore refused after any signature, even where a certification's DocMDP level (P=2, P=3) permits them. P=1
 * allows no later revision at all; P=2 and P=3 also forbid adding empty signature fields (they permit signing, not
 * new fields). FieldMDP ({@code /Lock}) is not evaluated. When the later revisions cannot be read consistently the
 * signature is {@link SubIndication#FORMAT_FAILURE}. A file without any signature gives one
 * {@link SubIndication#SIGNED_DATA_NOT_FOUND} report, so "all reports valid" never holds for an unsigned file;
 * an input that is not a readable PDF (junk, truncated) or is over the size cap gives one
 * {@link SubIndication#FORMAT_FAILURE} report, as {@link CmsVerifier} does for an unreadable signature. A
 * {@code null} argument is the caller's mistake: a {@link ValidationException}.
 */
public final class PdfSignatureVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(PdfSignatureVerifier.class);

    private final long maxBytes;
    private final CmsVerifier cms;

    private PdfSignatureVerifier(Builder b) {
        this.maxBytes = b.maxBytes;
        this.cms = CmsVerifier.builder().validator(b.validator).clock(b.clock).build();
    }

    /**
     * A new builder.
     *
     * @return a builder with a 512 MiB cap and the system clock; a validator must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies the signatures of a PDF file.
     *
     * @param pdf the file
     * @return one report per signature, in the order they were made; one {@link SubIndication#FORMAT_FAILURE}
     *         report when the file is not a readable PDF (junk, truncated) or is larger than the cap, as
     *         {@link CmsVerifier} reports an unreadable signature
     * @throws ValidationException if {@code pdf} is {@code null} or the file cannot be read at all
     */
    public List<ValidationReport> verify(Path pdf) {
        ValidationException.requireNonNull(pdf, "PdfSignatureVerifier.pdf");
        long size;
        try {
            size = Files.size(pdf);
        } catch (IOException e) {
            throw ValidationException.of("signing.pdf.input", "PdfSignatureVerifier.input",
                    "the file " + pdf + " cannot be read");
        }
        if (size > maxBytes) {
            return List.of(unreadable("the PDF has " + size + " bytes, more than the " + maxBytes + " allowed"));
        }
        Loaded loaded = load(pdf);
        if (loaded.document() == null) {
            return List.of(unreadable("the input is not a readable PDF (" + loaded.failure() + ")"));
        }
        try (PDDocument doc = loaded.document()) {
            List<SignatureChecker.Signature> sigs = signatures(doc);
            if (sigs.isEmpty()) {
                return List.of(ValidationReport.failed("document", SubIndication.SIGNED_DATA_NOT_FOUND,
                        "the PDF has no signature", Optional.empty(), Optional.empty(), List.of()));
            }
            SignatureChecker checker = new SignatureChecker(cms);
            ChangeAnalyzer changes = new ChangeAnalyzer(pdf, size, doc);
            List<Checked> checked = new ArrayList<>();
            for (SignatureChecker.Signature s : sigs) {
                SignatureChecker.Outcome o = checker.check(pdf, size, s);
                checked.add(new Checked(o, s.dictionary()));
            }
            checked.sort(Comparator.comparingLong(c -> c.outcome.revisionEnd() < 0 ? Long.MAX_VALUE
                    : c.outcome.revisionEnd()));
            List<ValidationReport> out = new ArrayList<>();
            for (Checked c : checked) {
                out.add(afterSigning(changes, size, c.outcome, c.signature));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pdf, e);
        }
    }

    /**
     * Verifies a PDF read from a stream, spooled to a temporary file (deleted afterwards) up to the size cap.
     *
     * @param pdf the PDF bytes (read to the end or the cap, not closed)
     * @return one report per signature, in the order they were made; one {@link SubIndication#FORMAT_FAILURE}
     *         report when the stream is not a readable PDF or is larger than the cap
     * @throws ValidationException if {@code pdf} is {@code null}
     */
    public List<ValidationReport> verify(InputStream pdf) {
        ValidationException.requireNonNull(pdf, "PdfSignatureVerifier.pdf");
        Path tmp = null;
        try {
            tmp = Files.createTempFile("egov-pdf-verify", ".pdf");
            try (var out = Files.newOutputStream(tmp)) { // the temporary file keeps its owner-only permissions
                new BoundedInputStream(pdf, maxBytes).transferTo(out);
            } catch (BoundedInputStream.LimitExceededException e) {
                return List.of(unreadable("the PDF is larger than the " + maxBytes + " bytes allowed"));
            }
            return verify(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the PDF to a temporary file", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("cannot delete the temporary file {}", tmp);
                }
            }
        }
    }

    private ValidationReport afterSigning(ChangeAnalyzer analyzer, long size, SignatureChecker.Outcome o,
            PDSignature signature) {
        ValidationReport r = o.report();
        long end = o.revisionEnd();
        if (end < 0 || end >= size || r.indication() == Indication.INVALID) {
            return r;
        }
        int docMdp = docMdp(signature);
        if (docMdp == 1) {
            return ValidationReport.failed(r.signatureId(), SubIndication.HASH_FAILURE,
                    "the document was certified with no changes allowed (DocMDP P=1), yet revisions follow this "
                            + "signature", r.signer(), r.signingTime(), r.warnings());
        }
        String trailing;
        try {
            ChangeAnalyzer.Result changes = analyzer.analyze(end, docMdp);
            if (!changes.modifications().isEmpty()) {
                List<String> w = new ArrayList<>(r.warnings());
                w.addAll(changes.modifications());
                return ValidationReport.failed(r.signatureId(), SubIndication.HASH_FAILURE,
                        "the document was modified after this signature by an incremental update ("
                                + String.join("; ", changes.modifications()) + "): what is shown is not what was "
                                + "signed", r.signer(), r.signingTime(), w);
            }
            trailing = "later revisions only add signatures";
            List<String> w = new ArrayList<>(r.warnings());
            w.add(trailing);
            w.addAll(changes.notes());
            return new ValidationReport(r.signatureId(), r.indication(), r.subIndication(), r.reason(), r.signer(),
                    r.signingTime(), r.chain(), r.revocation(), w);
        } catch (IOException | RuntimeException e) {
            return ValidationReport.failed(r.signatureId(), SubIndication.FORMAT_FAILURE,
                    "the revisions after this signature cannot be compared with it (" + Causes.describe(e) + ")",
                    r.signer(), r.signingTime(), r.warnings());
        }
    }

    /** The document, or why PDFBox cannot read it. */
    private static Loaded load(Path pdf) {
        RandomAccessRead file = null;
        try {
            file = new RandomAccessReadBufferedFile(pdf);
            return new Loaded(Loader.loadPDF(file, "", null, null, IOUtils.createTempFileOnlyStreamCache()), null);
        } catch (IOException | RuntimeException e) {
            closeQuietly(file);
            return new Loaded(null, Causes.describe(e));
        }
    }

    /** A loaded document ({@code failure} null), or the failure ({@code document} null). */
    private record Loaded(PDDocument document, String failure) {
    }

    /** The one report for an input that cannot be verified at all. */
    private static ValidationReport unreadable(String why) {
        return ValidationReport.failed("document", SubIndication.FORMAT_FAILURE, why, Optional.empty(),
                Optional.empty(), List.of());
    }

    private static void closeQuietly(RandomAccessRead file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debug("cannot close {}", file);
            }
        }
    }

    private static List<SignatureChecker.Signature> signatures(PDDocument doc) {
        List<SignatureChecker.Signature> out = new ArrayList<>();
        Map<Object, String> seen = new HashMap<>();
        int i = 0;
        for (PDSignatureField field : doc.getSignatureFields()) {
            PDSignature sig = field.getSignature();
            i++;
            if (sig == null) {
                continue; // an empty signature field: nothing signed
            }
            String id = Optional.ofNullable(field.getFullyQualifiedName()).orElse("signature" + i);
            String subFilter = sig.getSubFilter() == null ? "(none)" : sig.getSubFilter();
            Optional<Instant> claimed = Optional.ofNullable(sig.getSignDate()).map(c -> c.toInstant());
            // the object holding the signature dictionary: itself, or the field when the dictionary is direct
            COSObjectKey holder = sig.getCOSObject().getKey() != null ? sig.getCOSObject().getKey()
                    : field.getCOSObject().getKey();
            Optional<String> shared = Optional.ofNullable(seen.putIfAbsent(
                    holder != null ? holder : sig.getCOSObject(), id));
            out.add(new SignatureChecker.Signature(id, subFilter, byteRange(sig), contents(sig), claimed, sig,
                    Optional.ofNullable(holder), shared));
        }
        return out;
    }

    private static long[] byteRange(PDSignature sig) {
        COSBase b = sig.getCOSObject().getDictionaryObject(COSName.BYTERANGE);
        if (!(b instanceof COSArray a)) {
            return null;
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getObject(i) instanceof COSInteger n)) {
                return null;
            }
            out[i] = n.longValue();
        }
        return out;
    }

    private static byte[] contents(PDSignature sig) {
        try {
            return sig.getContents();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Checked(SignatureChecker.Outcome outcome, PDSignature signature) {
    }

    /** The DocMDP permission level of a certification signature, or 0 when it is not one. */
    private static int docMdp(PDSignature sig) {
        if (!(sig.getCOSObject().getDictionaryObject(COSName.REFERENCE) instanceof COSArray refs)) {
            return 0;
        }
        for (int i = 0; i < refs.size(); i++) {
            if (refs.getObject(i) instanceof COSDictionary ref
                    && COSName.DOCMDP.equals(ref.getCOSName(COSName.TRANSFORM_METHOD))) {
                COSDictionary params = ref.getCOSDictionary(COSName.TRANSFORM_PARAMS);
                return params == null ? 2 : params.getInt(COSName.P, 2);
            }
        }
        return 0;
    }

    /** Builds a {@link PdfSignatureVerifier}. */
    public static final class Builder {
        private CertificateValidator validator;
        private long maxBytes = 512L * 1024 * 1024;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Validates signer (and timestamp authority) certificates (required).
         *
         * @param value the certificate validator; required before {@link #build()}
         * @return this builder
         */
        public Builder validator(CertificateValidator value) {
            this.validator = ValidationException.requireNonNull(value, "PdfSignatureVerifier.validator");
            return this;
        }

        /**
         * The largest PDF accepted, in bytes; default 512 MiB.
         *
         * @param value the cap in bytes; at least 1024
         * @return this builder
         * @throws ValidationException if {@code value} is below 1024
         */
        public Builder maxBytes(long value) {
            if (value < 1024) {
                throw ValidationException.of("signing.pdf.maxBytes", "PdfSignatureVerifier.maxBytes",
                        "the size cap must be at least 1024 bytes");
            }
            this.maxBytes = value;
            return this;
        }

        /**
         * The clock giving "now" for signatures without a timestamp; default the system clock.
         *
         * @param value the clock; required
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "PdfSignatureVerifier.clock");
            return this;
        }

        /**
         * The verifier.
         *
         * @return a thread-safe verifier with this builder's settings
         * @throws ValidationException if no validator or no clock was given
         */
        public PdfSignatureVerifier build() {
            if (validator == null || clock == null) {
                throw ValidationException.of("signing.pdf.validator", "PdfSignatureVerifier.validator",
                        "a CertificateValidator is required");
            }
            return new PdfSignatureVerifier(this);
        }
    }
}
