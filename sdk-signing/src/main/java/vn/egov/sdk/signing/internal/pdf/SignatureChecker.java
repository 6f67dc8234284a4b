package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.internal.cms.CmsEncoding;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * Checks one PDF signature: its byte range against the file, its {@code /Contents} hole (which must lie inside the
 * signature's own dictionary object, used by no other field), that the CMS container is detached with one signer,
 * then hands the container and the signed byte ranges to the SDK's {@link CmsVerifier}
 * (message digest, signature value, signing certificate attribute, signature timestamp, weak algorithms, the
 * certificate validator) and names the report after the signature field.
 */
public final class SignatureChecker {
    private static final int MAX_CMS = 1 << 20;
    private static final int HEADER_WINDOW = 64 * 1024;
    private static final java.util.regex.Pattern OBJECT_HEADER =
            java.util.regex.Pattern.compile("(?<![0-9])([0-9]{1,10})[\\x00\\t\\n\\f\\r ]+([0-9]{1,5})"
                    + "[\\x00\\t\\n\\f\\r ]+obj(?![A-Za-z])");

    /**
     * What the PDF dictionary says about one signature.
     *
     * @param id the field name
     * @param subFilter the {@code /SubFilter}
     * @param byteRange the raw {@code /ByteRange} numbers (null when missing or not numbers)
     * @param contents the {@code /Contents} bytes as PDFBox parsed them
     * @param claimedTime the {@code /M} time
     * @param dictionary the signature dictionary itself
     * @param holder the indirect object holding the dictionary (itself, or the field when it is direct)
     * @param sharedWith the id of an earlier field that uses the same signature dictionary
     */
    public record Signature(String id, String subFilter, long[] byteRange, byte[] contents,
            Optional<Instant> claimedTime, PDSignature dictionary, Optional<COSObjectKey> holder,
            Optional<String> sharedWith) {
    }

    /** The outcome: the report, and the end of the signed revision when the byte range was sound. */
    public record Outcome(ValidationReport report, long revisionEnd) {
    }

    private final CmsVerifier cms;

    /**
     * @param cms verifies the CMS container over the signed byte ranges (and its timestamp, and the certificates)
     */
    public SignatureChecker(CmsVerifier cms) {
        this.cms = cms;
    }

    /** Checks a signature of {@code file} ({@code size} bytes). */
    public Outcome check(Path file, long size, Signature sig) {
        Optional<Instant> claimed = sig.claimedTime();
        if (!"ETSI.CAdES.detached".equals(sig.subFilter()) && !"adbe.pkcs7.detached".equals(sig.subFilter())) {
            return new Outcome(fail(sig.id(), SubIndication.FORMAT_FAILURE, "the signature's sub-filter "
                    + sig.subFilter() + " is not supported (ETSI.CAdES.detached and adbe.pkcs7.detached are)",
                    claimed), -1);
        }
        long[] br = sig.byteRange();
        String rangeProblem = rangeProblem(file, size, br);
        if (rangeProblem != null) {
            return new Outcome(fail(sig.id(), SubIndication.FORMAT_FAILURE, rangeProblem, claimed), -1);
        }
        long end = br[2] + br[3];
        byte[] cms;
        try {
            cms = hole(file, br, sig.contents());
        } catch (IOException e) {
            return new Outcome(fail(sig.id(), SubIndication.FORMAT_FAILURE, Causes.describe(e), claimed), -1);
        }
        String placement = placementProblem(file, sig, br);
        if (placement != null) {
            return new Outcome(fail(sig.id(), SubIndication.FORMAT_FAILURE, placement, claimed), -1);
        }
        return new Outcome(checkCms(file, br, cms, sig, claimed), end);
    }

    /** Null when the byte range is sound: two ranges from 0 to the end of a revision around the hole. */
    private static String rangeProblem(Path file, long size, long[] br) {
        if (br == null || br.length != 4) {
            return "the /ByteRange is missing or does not have exactly two ranges";
        }
        // compared without adding: hostile numbers near Long.MAX_VALUE must not overflow past the size check
        if (br[0] != 0 || br[1] <= 0 || br[1] >= size || br[2] <= br[1] + 1 || br[3] < 0 || br[2] > size
                || br[3] > size - br[2]) {
            return "the /ByteRange " + java.util.Arrays.toString(br) + " does not start at 0, is not ordered, or "
                    + "goes past the end of the file (" + size + " bytes)";
        }
        if (br[2] - br[1] > 2L * MAX_CMS + 2) {
            return "the /ByteRange gap of " + (br[2] - br[1]) + " bytes is larger than a signature container "
                    + "can be (" + (2L * MAX_CMS + 2) + "): that part of the file would not be signed";
        }
        long end = br[2] + br[3];
        try {
            int n = (int) Math.min(end, 12);
            String tail = new String(ByteRanges.read(file, end - n, n), StandardCharsets.ISO_8859_1);
            if (!tail.stripTrailing().endsWith("%%EOF")) {
                return "the /ByteRange does not end at the end of a revision (%%EOF): part of the file is not "
                        + "covered by the signature";
            }
        } catch (IOException e) {
            return "cannot read the end of the signed revision: " + Causes.describe(e);
        }
        return null;
    }

    /**
     * Null when the {@code /ByteRange} gap lies inside this signature's own dictionary object (the nearest object
     * header before the gap is the holder's, with no {@code endobj} between); else why not. A dictionary that copies
     * another signature's {@code /Contents} and {@code /ByteRange} (to show an appearance of its own under that
     * signer's name) points at a gap in another object. Read from the file, so a later revision rewriting the
     * dictionary unchanged does not move it.
     */
    private static String placementProblem(Path file, Signature sig, long[] br) {
        if (sig.sharedWith().isPresent()) {
            return "the field uses the signature dictionary of field " + sig.sharedWith().get()
                    + ": it is that signature again, not a signature of its own";
        }
        String enclosing;
        try {
            enclosing = enclosingObject(file, br[1]);
        } catch (IOException e) {
            enclosing = null;
        }
        String own = sig.holder().map(k -> k.getNumber() + " " + k.getGeneration()).orElse(null);
        if (own == null || !own.equals(enclosing)) {
            return "the /ByteRange gap (bytes " + br[1] + " to " + br[2] + ") is not this signature dictionary's "
                    + "/Contents: it lies in " + (enclosing == null ? "no object the verifier can find"
                            : "object " + enclosing) + ", the dictionary is "
                    + (own == null ? "not an indirect object" : "object " + own)
                    + " (the signature value of another signature is reused)";
        }
        return null;
    }

    /** "n g" of the object whose header is the last one before {@code at}, or null. */
    private static String enclosingObject(Path file, long at) throws IOException {
        int n = (int) Math.min(at, HEADER_WINDOW);
        String before = new String(ByteRanges.read(file, at - n, n), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = OBJECT_HEADER.matcher(before);
        String found = null;
        int end = -1;
        while (m.find()) {
            found = Long.parseLong(m.group(1)) + " " + Integer.parseInt(m.group(2));
            end = m.end();
        }
        return found == null || before.indexOf("endobj", end) >= 0 ? null : found;
    }

    /** The CMS bytes from the hole, which must be exactly {@code <hex>} and match the parsed /Contents. */
    private static byte[] hole(Path file, long[] br, byte[] parsed) throws IOException {
        byte[] raw = ByteRanges.read(file, br[1], (int) (br[2] - br[1]));
        if (raw[0] != '<' || raw[raw.length - 1] != '>') {
            throw new IOException("the gap in the /ByteRange is not the /Contents hex string");
        }
        int digits = raw.length - 2;
        if (digits % 2 != 0) {
            throw new IOException("the /Contents hex string has an odd number of digits");
        }
        byte[] decoded = new byte[digits / 2];
        for (int i = 0; i < digits; i += 2) {
            int hi = Character.digit(raw[1 + i], 16);
            int lo = Character.digit(raw[2 + i], 16);
            if (hi < 0 || lo < 0) {
                throw new IOException("the /Contents hole holds something other than hex digits");
            }
            decoded[i / 2] = (byte) (hi << 4 | lo);
        }
        if (parsed == null || !java.util.Arrays.equals(trimZeros(parsed), trimZeros(decoded))) {
            throw new IOException("the signature dictionary's /Contents is not the string in the /ByteRange gap");
        }
        return decoded;
    }

    private static byte[] trimZeros(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return java.util.Arrays.copyOf(b, n);
    }

    private ValidationReport checkCms(Path file, long[] br, byte[] hole, Signature sig, Optional<Instant> claimed) {
        String id = sig.id();
        byte[] der;
        SignedData signedData;
        try (ASN1InputStream in = new ASN1InputStream(hole, true)) {
            ASN1Primitive obj = in.readObject();
            if (obj == null) {
                return fail(id, SubIndication.FORMAT_FAILURE, "the /Contents is empty: the document was never signed",
                        claimed);
            }
            // the container exactly as it stands in the hole (then only zero padding), not re-encoded: the CMS
            // verifier checks its encoding
            int length = CmsEncoding.elementLength(hole);
            if (length < 0) {
                return fail(id, SubIndication.FORMAT_FAILURE, "the /Contents is not a CMS SignedData (malformed)",
                        claimed);
            }
            for (int i = length; i < hole.length; i++) {
                if (hole[i] != 0) {
                    return fail(id, SubIndication.FORMAT_FAILURE, "the /Contents holds other bytes than zero padding "
                            + "after the CMS (at offset " + i + " of the /Contents)", claimed);
                }
            }
            der = java.util.Arrays.copyOf(hole, length);
            signedData = SignedData.getInstance(ContentInfo.getInstance(obj).getContent());
        } catch (IOException | RuntimeException e) {
            return fail(id, SubIndication.FORMAT_FAILURE, "the /Contents is not a CMS SignedData: " + Causes.describe(e),
                    claimed);
        }
        if (signedData.getEncapContentInfo().getContent() != null) {
            return fail(id, SubIndication.FORMAT_FAILURE, "the CMS container is not detached", claimed);
        }
        ASN1Set signers = signedData.getSignerInfos();
        if (signers.size() != 1) {
            return fail(id, SubIndication.FORMAT_FAILURE, "the CMS container has " + signers.size()
                    + " signers; a PDF signature has exactly one", claimed);
        }
        List<ValidationReport> reports;
        try (InputStream signedBytes = ByteRanges.stream(file, br)) {
            reports = cms.verifyDetached(der, signedBytes);
        } catch (IOException | ValidationException e) {
            return fail(id, SubIndication.FORMAT_FAILURE, "cannot read the signed byte ranges: " + Causes.describe(e),
                    claimed);
        }
        ValidationReport r = reports.get(0);
        List<String> warnings = new ArrayList<>(r.warnings());
        if (hasSigningTime(signers) && "ETSI.CAdES.detached".equals(sig.subFilter())) {
            warnings.add("the CMS carries a signing-time attribute, which PAdES does not allow");
        }
        // the CMS's time is the timestamp's (or a signing-time attribute's); else the dictionary's /M
        return new ValidationReport(id, r.indication(), r.subIndication(), r.reason(), r.signer(),
                r.signingTime().or(() -> claimed), r.chain(), r.revocation(), warnings);
    }

    private static boolean hasSigningTime(ASN1Set signers) {
        try {
            ASN1Set signed = SignerInfo.getInstance(signers.getObjectAt(0)).getAuthenticatedAttributes();
            return signed != null && new AttributeTable(signed).get(CMSAttributes.signingTime) != null;
        } catch (RuntimeException e) {
            return false; // malformed: the CMS verifier reports it
        }
    }

    private static ValidationReport fail(String id, SubIndication why, String detail, Optional<Instant> claimed) {
        return ValidationReport.failed(id, why, detail, Optional.empty(), claimed, List.of());
    }
}
