package vn.egov.sdk.signing.internal.cms;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.VerificationException;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.timestamp.TimestampToken;
import vn.egov.sdk.signing.validation.CertificateValidation;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.validation.Indication;
import vn.egov.sdk.signing.validation.SubIndication;
import vn.egov.sdk.signing.validation.ValidationReport;

/**
 * Checks one SignerInfo whose content digest has been computed: signer certificate by SID, signed attributes
 * present, Bouncy Castle's verify (content type, message digest, signature), the ESS signing-certificate
 * attribute, the signature timestamp, the algorithm policy, then the certificate validator.
 */
public final class SignerInfoCheck {
    /** How far the claimed signing time may lie after the timestamp before it is remarked on. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final vn.egov.sdk.core.ErrorDetails VERIFICATION =
            vn.egov.sdk.core.ErrorDetails.of(vn.egov.sdk.core.Fault.VERIFICATION, false);

    private final CertificateValidator validator;
    private final Clock clock;
    private final boolean trustClaimedTime;

    /**
     * @param validator decides on the signer's (and the timestamp authority's) certificate
     * @param clock "now", the validation time when no trusted timestamp proves an earlier one
     * @param trustClaimedTime whether an untimestamped signature's claimed signing time is the validation time
     */
    public SignerInfoCheck(CertificateValidator validator, Clock clock, boolean trustClaimedTime) {
        this.validator = validator;
        this.clock = clock;
        this.trustClaimedTime = trustClaimedTime;
    }

    /** A certificate the SignedData carried, with its Bouncy Castle form for SID matching. */
    public record Carried(X509Certificate certificate, org.bouncycastle.cert.X509CertificateHolder holder) {
    }

    /**
     * The report for one signer.
     *
     * @param id the report's signature id
     * @param signer the SignerInfo (its content digest computed)
     * @param carried every certificate the SignedData carried
     */
    public ValidationReport check(String id, SignerInformation signer, List<Carried> carried) {
        List<String> warnings = new ArrayList<>();
        try {
            return check(id, signer, carried, warnings);
        } catch (RuntimeException e) {
            // a malformed structure Bouncy Castle let through to a later getter: reported, never thrown
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, "the signature is not well formed ("
                    + e.getClass().getSimpleName() + ": " + Causes.describe(e) + ")", Optional.empty(), Optional.empty(),
                    warnings);
        }
    }

    private ValidationReport check(String id, SignerInformation signer, List<Carried> carried,
            List<String> warnings) {
        List<X509Certificate> certificates = carried.stream().map(Carried::certificate).toList();
        List<X509Certificate> matching = carried.stream().filter(c -> signer.getSID().match(c.holder()))
                .map(Carried::certificate).distinct().toList();
        if (matching.size() != 1) {
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, matching.isEmpty()
                    ? "the signer's certificate named by the SignerInfo is not in the signature"
                    : "several certificates match the SignerInfo's signer identifier", Optional.empty(),
                    Optional.empty(), warnings);
        }
        X509Certificate cert = matching.get(0);
        Optional<X509Certificate> who = Optional.of(cert);
        AttributeTable signed = signer.getSignedAttributes();
        if (signed == null) {
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, "the signature has no signed attributes "
                    + "(content type, message digest, signing certificate), which CAdES requires", who,
                    Optional.empty(), warnings);
        }
        Optional<Instant> claimed;
        try {
            claimed = signingTime(signed);
        } catch (RuntimeException e) {
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, "the signing-time attribute is malformed",
                    who, Optional.empty(), warnings);
        }
        Optional<ValidationReport> broken = verify(id, signer, cert, claimed, warnings);
        if (broken.isPresent()) {
            return broken.get();
        }
        Optional<String> essProblem = checkSigningCertificate(signed, cert, warnings);
        if (essProblem.isPresent()) {
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, essProblem.get(), who, claimed, warnings);
        }
        if (signer.getUnsignedAttributes() != null
                && signer.getUnsignedAttributes().get(CMSAttributes.counterSignature) != null) {
            warnings.add("the signature carries counter-signatures, which were not verified");
        }
        Optional<Instant> timestamped;
        try {
            timestamped = timestamp(signer, claimed, warnings);
        } catch (VerificationException | IllegalArgumentException | IllegalStateException e) {
            return ValidationReport.failed(id, SubIndication.FORMAT_FAILURE, "the signature timestamp does not "
                    + "verify (" + Causes.describe(e) + "); it was altered or belongs to another signature", who,
                    claimed, warnings);
        }
        Optional<Instant> signingTime = timestamped.or(() -> claimed);
        Instant validationTime;
        if (timestamped.isPresent()) {
            validationTime = timestamped.get();
        } else if (trustClaimedTime && claimed.isPresent()) {
            validationTime = claimed.get();
        } else {
            // a claimed time proves nothing: a stolen, since revoked or expired key could backdate it
            validationTime = clock.instant();
        }
        Optional<String> weakness = CmsAlgorithms.weakness(signer.getDigestAlgOID(), signer.getEncryptionAlgOID(),
                cert.getPublicKey());
        List<X509Certificate> others = certificates.stream().filter(c -> !c.equals(cert)).toList();
        CertificateValidation validation = validator.validate(cert, others, validationTime);
        return ValidationReport.intact(id, cert, signingTime, validation, weakness, warnings);
    }

    private Optional<ValidationReport> verify(String id, SignerInformation signer, X509Certificate cert,
            Optional<Instant> claimed, List<String> warnings) {
        Optional<X509Certificate> who = Optional.of(cert);
        try {
            // built from the key, not the certificate: validity at signing time is the validator's decision
            if (signer.verify(Verifiers.forKey(cert.getPublicKey()))) {
                return Optional.empty();
            }
            return Optional.of(ValidationReport.failed(id, SubIndication.SIG_CRYPTO_FAILURE,
                    "the signature value does not verify with the signer certificate's key", who, claimed,
                    warnings));
        } catch (CMSSignerDigestMismatchException e) {
            return Optional.of(ValidationReport.failed(id, SubIndication.HASH_FAILURE,
                    "the content does not match the signed message digest (changed after signing, or not the "
                            + "content that was signed)", who, claimed, warnings));
        } catch (OperatorCreationException e) {
            return Optional.of(ValidationReport.failed(id, SubIndication.FORMAT_FAILURE,
                    "the signature algorithm " + signer.getEncryptionAlgOID() + " with digest "
                            + signer.getDigestAlgOID() + " is not supported", who, claimed, warnings));
        } catch (CMSException | RuntimeException e) {
            return Optional.of(ValidationReport.failed(id, SubIndication.FORMAT_FAILURE,
                    "the signature is not well formed: " + Causes.describe(e), who, claimed, warnings));
        }
    }

    private static Optional<Instant> signingTime(AttributeTable signed) {
        Attribute a = signed.get(CMSAttributes.signingTime);
        if (a == null) {
            return Optional.empty();
        }
        return Optional.of(Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant());
    }

    /** A problem with the ESS signing-certificate attribute, or empty when it matches (or is absent: a warning). */
    private static Optional<String> checkSigningCertificate(AttributeTable signed, X509Certificate cert,
            List<String> warnings) {
        try {
            byte[] encoded = cert.getEncoded();
            Attribute v2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            Attribute v1 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(single(v2)).getCerts()[0];
                String oid = id.getHashAlgorithm().getAlgorithm().getId();
                Optional<DigestAlgorithm> alg = DigestAlgorithm.fromOid(oid);
                if (alg.isEmpty()) {
                    return Optional.of("the signing-certificate attribute uses an unknown hash " + oid);
                }
                return compare(alg.get().digest(encoded), id.getCertHash(), id.getIssuerSerial(), cert);
            }
            if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(single(v1)).getCerts()[0];
                warnings.add("the signing-certificate attribute (v1) identifies the certificate with SHA-1");
                return compare(DigestAlgorithm.SHA1.digest(encoded), id.getCertHash(), id.getIssuerSerial(), cert);
            }
            warnings.add("no signing-certificate attribute: the signer certificate is not bound to the signature "
                    + "(not a CAdES signature)");
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("the signing-certificate attribute is malformed");
        }
    }

    private static ASN1Encodable single(Attribute a) {
        if (a.getAttrValues().size() != 1) {
            throw new IllegalArgumentException("one value expected");
        }
        return a.getAttrValues().getObjectAt(0);
    }

    private static Optional<String> compare(byte[] actual, byte[] expected, IssuerSerial issuerSerial,
            X509Certificate cert) throws Exception {
        String swapped = "the signing-certificate attribute names another certificate than the one whose key "
                + "verifies the signature (a swapped certificate)";
        if (!MessageDigest.isEqual(actual, expected)) {
            return Optional.of(swapped);
        }
        if (issuerSerial != null) {
            X500Name issuer = X500Name.getInstance(cert.getIssuerX500Principal().getEncoded());
            boolean nameMatches = false;
            for (GeneralName n : issuerSerial.getIssuer().getNames()) {
                if (n.getTagNo() == GeneralName.directoryName
                        && X500Name.getInstance(n.getName()).equals(issuer)) {
                    nameMatches = true;
                }
            }
            if (!nameMatches || !issuerSerial.getSerial().hasValue(cert.getSerialNumber())) {
                return Optional.of(swapped);
            }
        }
        return Optional.empty();
    }

    /** The trusted timestamp time, if a timestamp is present and its authority is trusted; throws if it is bad. */
    private Optional<Instant> timestamp(SignerInformation signer, Optional<Instant> claimed, List<String> warnings) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return Optional.empty();
        }
        Optional<Instant> earliest = Optional.empty();
        org.bouncycastle.asn1.ASN1EncodableVector all =
                unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        for (int i = 0; i < all.size(); i++) {
            for (ASN1Encodable value : Attribute.getInstance(all.get(i)).getAttrValues().toArray()) {
                TimestampToken token;
                try {
                    token = TimestampToken.verify(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
                } catch (java.io.IOException io) {
                    throw new VerificationException("the token cannot be encoded", VERIFICATION, io);
                }
                if (!token.covers(signer.getSignature())) {
                    throw new VerificationException("its message imprint is not the hash of this signature value",
                            VERIFICATION, null);
                }
                CmsAlgorithms.weakDigest(token.imprintAlgorithmOid())
                        .ifPresent(d -> warnings.add("the signature timestamp's imprint uses " + d));
                List<X509Certificate> others = token.certificates().stream()
                        .filter(c -> !c.equals(token.tsaCertificate())).toList();
                CertificateValidation tsa = validator.validate(token.tsaCertificate(), others, token.genTime());
                if (tsa.indication() != Indication.VALID) {
                    warnings.add("the signature timestamp's authority "
                            + token.tsaCertificate().getSubjectX500Principal().getName() + " is not trusted ("
                            + tsa.reason() + "); its time is not used");
                    continue;
                }
                if (claimed.isPresent() && claimed.get().isAfter(token.genTime().plus(SKEW))) {
                    warnings.add("the claimed signing time " + claimed.get() + " is after the timestamp "
                            + token.genTime());
                }
                if (earliest.isEmpty() || token.genTime().isBefore(earliest.get())) {
                    earliest = Optional.of(token.genTime());
                }
            }
        }
        return earliest;
    }
}
