package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;
import vn.egov.sdk.signing.internal.PemKeys;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * Checks one PDF signature: its byte range against the file, its {@code /Contents} hole, the CMS container (one
 * signer, signed attributes, message digest over the byte ranges, signature value, signing certificate attribute),
 * its signature timestamp, weak algorithms, then the signer certificate through a {@link CertificateValidator}.
 */
public final class SignatureChecker {
    private static final int MAX_CMS = 1 << 20;
    private static final JcaX509CertificateConverter CERTS = new JcaX509CertificateConverter();

    /**
     * What the PDF dictionary says about one signature.
     *
     * @param id the field name
     * @param subFilter the {@code /SubFilter}
     * @param byteRange the raw {@code /ByteRange} numbers (null when missing or not numbers)
     * @param contents the {@code /Contents} bytes as PDFBox parsed them
     * @param claimedTime the {@code /M} time
     * @param dictionary the signature dictionary itself
     */
    public record Signature(String id, String subFilter, long[] byteRange, byte[] contents,
            Optional<Instant> claimedTime, PDSignature dictionary) {
    }

    /** The outcome: the report, and the end of the signed revision when the byte range was sound. */
    public record Outcome(ValidationReport report, long revisionEnd) {
    }

    private final CertificateValidator validator;
    private final Instant now;

    /**
     * @param validator validates signer and timestamp authority certificates
     * @param now the validation time for signatures without a timestamp
     */
    public SignatureChecker(CertificateValidator validator, Instant now) {
        this.validator = validator;
        this.now = now;
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
            return new Outcome(fail(sig.id(), SubIndication.FORMAT_FAILURE, e.getMessage(), claimed), -1);
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
            return "cannot read the end of the signed revision: " + e.getMessage();
        }
        return null;
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
        List<String> warnings = new ArrayList<>();
        CMSSignedData parsed;
        byte[] der;
        try (ASN1InputStream in = new ASN1InputStream(hole, true)) {
            ASN1Primitive obj = in.readObject();
            if (obj == null) {
                return fail(id, SubIndication.FORMAT_FAILURE, "the /Contents is empty: the document was never signed",
                        claimed);
            }
            der = obj.getEncoded();
            parsed = new CMSSignedData(der);
        } catch (IOException | CMSException | RuntimeException e) {
            return fail(id, SubIndication.FORMAT_FAILURE, "the /Contents is not a CMS SignedData: " + e.getMessage(),
                    claimed);
        }
        if (parsed.getSignedContentTypeOID() != null && parsed.getSignedContent() != null) {
            return fail(id, SubIndication.FORMAT_FAILURE, "the CMS container is not detached", claimed);
        }
        Collection<SignerInformation> signers = parsed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return fail(id, SubIndication.FORMAT_FAILURE, "the CMS container has " + signers.size()
                    + " signers; a PDF signature has exactly one", claimed);
        }
        SignerInformation si = signers.iterator().next();
        String digestOid = si.getDigestAlgOID();
        Optional<DigestAlgorithm> digest = DigestAlgorithm.fromOid(digestOid);
        if (digest.isEmpty()) {
            return fail(id, SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "the digest algorithm " + digestOid
                    + " is not accepted (MD5 and unknown digests are refused)", claimed);
        }
        if (si.getSignedAttributes() == null) {
            return fail(id, SubIndication.FORMAT_FAILURE,
                    "the CMS signer has no signed attributes (required by PAdES and CAdES)", claimed);
        }
        X509Certificate cert;
        List<X509Certificate> others = new ArrayList<>();
        try {
            Store<X509CertificateHolder> store = parsed.getCertificates();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> match = store.getMatches(si.getSID());
            if (match.isEmpty()) {
                return fail(id, SubIndication.FORMAT_FAILURE,
                        "the signer's certificate is not in the signature", claimed);
            }
            cert = CERTS.getCertificate(match.iterator().next());
            for (X509CertificateHolder h : store.getMatches(null)) {
                X509Certificate c = CERTS.getCertificate(h);
                if (!c.equals(cert)) {
                    others.add(c);
                }
            }
        } catch (CertificateException | RuntimeException e) {
            return fail(id, SubIndication.FORMAT_FAILURE, "a certificate in the signature is malformed", claimed);
        }
        Optional<X509Certificate> signer = Optional.of(cert);
        String certProblem = signingCertificateProblem(si, cert, warnings);
        if (certProblem != null) {
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, certProblem, signer, claimed, warnings);
        }
        AttributeTable signedAttrs = si.getSignedAttributes();
        if (signedAttrs.get(CMSAttributes.signingTime) != null && "ETSI.CAdES.detached".equals(sig.subFilter())) {
            warnings.add("the CMS carries a signing-time attribute, which PAdES does not allow");
        }
        byte[] contentDigest;
        try {
            MessageDigest md = digest.get().newMessageDigest();
            ByteRanges.digest(file, br, md);
            contentDigest = md.digest();
        } catch (IOException e) {
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, "cannot read the signed byte ranges: "
                    + e.getMessage(), signer, claimed, warnings);
        }
        try {
            Map<ASN1ObjectIdentifier, byte[]> hashes = new HashMap<>();
            hashes.put(new ASN1ObjectIdentifier(digestOid), contentDigest);
            CMSSignedData withHash = new CMSSignedData(hashes, der);
            SignerInformation s = withHash.getSignerInfos().getSigners().iterator().next();
            boolean ok = s.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(PemKeys.provider())
                    .build(cert));
            if (!ok) {
                return ValidationReport.failed(id, SubIndication.SIG_CRYPTO_FAILURE,
                        "the signature value does not verify with the signer's key", signer, claimed, warnings);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return ValidationReport.failed(id, SubIndication.HASH_FAILURE,
                    "the signed bytes of the PDF do not match the signature's message digest", signer, claimed,
                    warnings);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            SubIndication why = msg.contains("message-digest") ? SubIndication.HASH_FAILURE
                    : SubIndication.SIG_CRYPTO_FAILURE;
            return ValidationReport.failed(id, why, "the signature does not verify: " + msg, signer, claimed,
                    warnings);
        }
        Optional<Instant> provenTime = Optional.empty();
        Attribute tsAttr = si.getUnsignedAttributes() == null ? null
                : si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (tsAttr != null) {
            try {
                provenTime = timestamp(tsAttr, si.getSignature(), warnings);
            } catch (TimestampProblem e) {
                return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE,
                        "the signature timestamp is not valid: " + e.getMessage(), signer, claimed, warnings);
            }
        }
        Optional<String> weakness = weakness(digest.get(), si.getEncryptionAlgOID(), cert.getPublicKey());
        Instant at = provenTime.orElse(now);
        CertificateValidation cv = validator.validate(cert, others, at);
        return ValidationReport.intact(id, cert, provenTime.or(() -> claimed), cv, weakness, warnings);
    }

    /** Checks the ESS signing-certificate(-v2) attribute binds this certificate; null when it does. */
    private static String signingCertificateProblem(SignerInformation si, X509Certificate cert,
            List<String> warnings) {
        AttributeTable attrs = si.getSignedAttributes();
        Attribute v2 = attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        Attribute v1 = attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        try {
            if (v2 != null) {
                ESSCertIDv2 first = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                AlgorithmIdentifier alg = first.getHashAlgorithm();
                DigestAlgorithm d = DigestAlgorithm.fromOid(alg.getAlgorithm().getId()).orElse(null);
                if (d == null || !MessageDigest.isEqual(d.digest(cert.getEncoded()), first.getCertHash())) {
                    return "the signing-certificate-v2 attribute names another certificate than the signer's";
                }
                return null;
            }
            if (v1 != null) {
                byte[] hash = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0]
                        .getCertHash();
                if (!MessageDigest.isEqual(DigestAlgorithm.SHA1.digest(cert.getEncoded()), hash)) {
                    return "the signing-certificate attribute names another certificate than the signer's";
                }
                warnings.add("the signing-certificate attribute uses SHA-1 (v1)");
                return null;
            }
        } catch (CertificateException | RuntimeException e) {
            return "the signing-certificate attribute is malformed";
        }
        warnings.add("no signing-certificate attribute binds the signer's certificate (not PAdES baseline)");
        return null;
    }

    /**
     * Verifies the timestamp token over the signature value and returns its time, or empty (with a warning) when its
     * authority does not pass the validator: an unproven time is not used, as the CMS verifier does, and the signer
     * is then validated now. A token that is broken or not over this signature throws.
     */
    private Optional<Instant> timestamp(Attribute attr, byte[] signatureValue, List<String> warnings)
            throws TimestampProblem {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(attr.getAttrValues().getObjectAt(0).toASN1Primitive()
                    .getEncoded()));
        } catch (IOException | CMSException | TSPException | RuntimeException e) {
            throw new TimestampProblem("it is not an RFC 3161 token");
        }
        String imprintOid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
        DigestAlgorithm d = DigestAlgorithm.fromOid(imprintOid)
                .orElseThrow(() -> new TimestampProblem("its imprint algorithm " + imprintOid + " is not accepted"));
        if (!MessageDigest.isEqual(d.digest(signatureValue), token.getTimeStampInfo().getMessageImprintDigest())) {
            throw new TimestampProblem("it does not cover this signature value");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> tsaMatch = token.getCertificates().getMatches(token.getSID());
        if (tsaMatch.isEmpty()) {
            throw new TimestampProblem("the timestamp authority's certificate is not in the token");
        }
        X509Certificate tsa;
        List<X509Certificate> tsaOthers = new ArrayList<>();
        try {
            tsa = CERTS.getCertificate(tsaMatch.iterator().next());
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
            for (X509CertificateHolder h : all) {
                X509Certificate c = CERTS.getCertificate(h);
                if (!c.equals(tsa)) {
                    tsaOthers.add(c);
                }
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(PemKeys.provider()).build(tsa));
        } catch (CertificateException | OperatorCreationException e) {
            throw new TimestampProblem("the timestamp authority's certificate is malformed");
        } catch (TSPException | RuntimeException e) {
            throw new TimestampProblem("its signature does not verify (" + e.getMessage() + ")");
        }
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        CertificateValidation tv = validator.validate(tsa, tsaOthers, genTime);
        if (tv.indication() != Indication.VALID) {
            warnings.add("the signature timestamp's authority " + tsa.getSubjectX500Principal().getName()
                    + " is not trusted (" + tv.reason() + "); its time is not used");
            return Optional.empty();
        }
        if (SignatureAlgorithm.fromOid(token.toCMSSignedData().getSignerInfos().getSigners().iterator().next()
                .getEncryptionAlgOID()).map(SignatureAlgorithm::isWeak).orElse(false) || d.isWeak()) {
            warnings.add("the signature timestamp uses SHA-1");
        }
        return Optional.of(genTime);
    }

    /** A weak digest, signature algorithm or key, described; empty when none. */
    static Optional<String> weakness(DigestAlgorithm digest, String sigOid, PublicKey key) {
        if (digest.isWeak()) {
            return Optional.of("the signature uses the weak digest " + digest.jcaName());
        }
        Optional<SignatureAlgorithm> alg = SignatureAlgorithm.fromOid(sigOid);
        if (alg.isPresent() && alg.get().isWeak()) {
            return Optional.of("the signature uses the weak algorithm " + alg.get().jcaName());
        }
        if ("1.2.840.113549.1.1.4".equals(sigOid)) {
            return Optional.of("the signature uses MD5");
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            return Optional.of("the signer's RSA key has only " + rsa.getModulus().bitLength() + " bits");
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
            return Optional.of("the signer's EC key is under 256 bits");
        }
        return Optional.empty();
    }

    private static ValidationReport fail(String id, SubIndication why, String detail, Optional<Instant> claimed) {
        return ValidationReport.failed(id, why, detail, Optional.empty(), claimed, List.of());
    }

    /** A timestamp that does not hold. */
    private static final class TimestampProblem extends Exception {
        private static final long serialVersionUID = 1L;

        TimestampProblem(String message) {
            super(message, null, false, false);
        }
    }
}
