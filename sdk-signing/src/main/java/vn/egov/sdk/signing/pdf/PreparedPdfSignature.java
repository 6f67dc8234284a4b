package vn.egov.sdk.signing.pdf;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import vn.egov.sdk.signing.DataToSign;
import vn.egov.sdk.signing.cms.PreparedCmsSignature;

/**
 * A PDF prepared for signing (step 1 of deferred signing): the file with its blank {@code /Contents} hole, the
 * byte range, and the {@link DataToSign} (the CMS signed attributes) to hand to a signer, a token or a remote
 * service. Pass it with the signature value to {@link PdfSigner#embed}. Immutable.
 *
 * <p>Nothing here needs to be saved across a restart: the signed attributes depend only on the prepared file's
 * byte-range digest and the signer certificate (PAdES has no signing-time attribute), so
 * {@link PdfSigner#resume(Path)} rebuilds exactly this object from the prepared file, given a signer built with the
 * same certificate chain and algorithm (the timestamp, for B-T, is fetched at embedding time).
 */
public final class PreparedPdfSignature {
    private final Path file;
    private final long[] byteRange;
    private final PreparedCmsSignature cms;

    PreparedPdfSignature(Path file, long[] byteRange, PreparedCmsSignature cms) {
        this.file = file;
        this.byteRange = byteRange.clone();
        this.cms = cms;
    }

    /**
     * The prepared PDF, completed in place by {@link PdfSigner#embed}.
     *
     * @return the path of the prepared PDF, holding a blank {@code /Contents}
     */
    public Path file() {
        return file;
    }

    /**
     * What to sign: the DER signed attributes with the signature algorithm.
     *
     * @return the bytes and algorithm a {@link vn.egov.sdk.signing.SignatureSource} signs
     */
    public DataToSign dataToSign() {
        return cms.dataToSign();
    }

    /**
     * The hash a hash-signing service signs ({@code data_to_be_signed} of VNPT SmartCA, in hex): the digest of
     * {@link #dataToSign()}'s bytes.
     *
     * @return a fresh array with the digest of {@code dataToSign().bytes()}
     */
    public byte[] hashToSign() {
        return cms.dataToSign().digest();
    }

    /**
     * The digest of the PDF's signed byte ranges (the CMS message-digest attribute).
     *
     * @return a fresh copy of the byte-range digest
     */
    public byte[] contentDigest() {
        return cms.contentDigest();
    }

    /**
     * The {@code /ByteRange}: offset and length of the two signed ranges.
     *
     * @return four numbers: offset and length of the range before {@code /Contents}, then of the range after it
     */
    public List<Long> byteRange() {
        return List.of(byteRange[0], byteRange[1], byteRange[2], byteRange[3]);
    }

    /**
     * The signer's certificate chain the signed attributes bind.
     *
     * @return an unmodifiable list with the signer certificate first
     */
    public List<X509Certificate> chain() {
        return cms.certificates();
    }

    /** The CMS side of the preparation: the signed attributes, completed by {@code CmsSigner.assemble}. */
    PreparedCmsSignature cms() {
        return cms;
    }

    long[] range() {
        return byteRange.clone();
    }

    @Override
    public String toString() {
        return "PreparedPdfSignature[" + file.getFileName() + ", byte range " + byteRange() + ", hash to sign "
                + HexFormat.of().formatHex(hashToSign()) + "]";
    }
}
