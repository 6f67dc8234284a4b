package vn.egov.sdk.testkit.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues the test PKI's certificates with Bouncy Castle (no provider registered). */
public final class PkiIssuer {
    /** A key pair and its certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private final SecureRandom random;
    private final String ocspUrl;
    private final String crlUrl;

    /**
     * @param random serial numbers
     * @param ocspUrl written into end-entity certificates' AIA
     * @param crlUrl written into end-entity certificates' CRL distribution points
     */
    public PkiIssuer(SecureRandom random, String ocspUrl, String crlUrl) {
        this.random = random;
        this.ocspUrl = ocspUrl;
        this.crlUrl = crlUrl;
    }

    /** A self-signed root. */
    public Issued root(String dn, KeyPair keys, Instant from, Instant to) {
        return build(dn, keys, null, from, to, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    /** An intermediate CA under {@code issuer}, path length 0, without revocation pointers. */
    public Issued ca(String dn, KeyPair keys, Issued issuer, Instant from, Instant to) {
        return ca(dn, keys, issuer, from, to, null);
    }

    /**
     * An intermediate CA under {@code issuer}, path length 0, whose revocation is published on the issuer's CRL at
     * {@code issuerCrlUrl} (as a licensed CA's status is published on the national root's CRL); none when null.
     */
    public Issued ca(String dn, KeyPair keys, Issued issuer, Instant from, Instant to, String issuerCrlUrl) {
        return build(dn, keys, issuer, from, to, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            if (issuerCrlUrl != null) {
                b.addExtension(Extension.cRLDistributionPoints, false, crlPoints(issuerCrlUrl));
            }
        });
    }

    /** A timestamp authority: extended key usage {@code timeStamping} (critical). */
    public Issued tsa(String dn, KeyPair keys, Issued issuer, Instant from, Instant to) {
        return build(dn, keys, issuer, from, to, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            b.addExtension(Extension.cRLDistributionPoints, false, crlPoints());
        });
    }

    /** A delegated OCSP responder: {@code OCSPSigning} and {@code id-pkix-ocsp-nocheck}. */
    public Issued ocspResponder(String dn, KeyPair keys, Issued issuer, Instant from, Instant to) {
        return build(dn, keys, issuer, from, to, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        });
    }

    /**
     * A certificate shaped like a delegated OCSP responder's ({@code digitalSignature},
     * {@code id-pkix-ocsp-nocheck}) but without the extended key usage {@code OCSPSigning}: the issuer never
     * authorised it to answer for its certificates (RFC 6960 §4.2.2.2). For attack tests.
     */
    public Issued unauthorisedOcspResponder(String dn, KeyPair keys, Issued issuer, Instant from, Instant to) {
        return build(dn, keys, issuer, from, to, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        });
    }

    /**
     * An end-entity signer with AIA (OCSP) and CRL distribution points.
     *
     * @param forSigning digitalSignature + nonRepudiation when true, keyEncipherment only when false
     */
    public Issued signer(String dn, KeyPair keys, Issued issuer, Instant from, Instant to, boolean forSigning) {
        return build(dn, keys, issuer, from, to, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(forSigning
                    ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : KeyUsage.keyEncipherment));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
            b.addExtension(Extension.cRLDistributionPoints, false, crlPoints());
        });
    }

    private CRLDistPoint crlPoints() {
        return crlPoints(crlUrl);
    }

    private static CRLDistPoint crlPoints(String url) {
        DistributionPointName name = new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder b) throws Exception;
    }

    private Issued build(String dn, KeyPair keys, Issued issuer, Instant from, Instant to, Extensions extensions) {
        try {
            X500Name subject = new X500Name(dn);
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial, Date.from(from),
                    Date.from(to), subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? utils.createAuthorityKeyIdentifier(keys.getPublic())
                    : utils.createAuthorityKeyIdentifier(issuer.certificate()));
            extensions.add(b);
            KeyPair signing = issuer == null ? keys : issuer.keys();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(signing.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
            return new Issued(keys, cert);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the test certificate " + dn, e);
        }
    }
}
