package vn.egov.sdk.signing.internal.cms;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;

/**
 * The CAdES-B signed attributes: content type, message digest, signing time, signing certificate v2 (ESSCertIDv2,
 * SHA-256 of the signer certificate with its issuer and serial) and CMS algorithm protection (RFC 6211), as the DER
 * {@code SET} that is signed.
 */
public final class SignedAttributesFactory {
    private SignedAttributesFactory() {
    }

    /**
     * The DER encoding of the signed attributes SET.
     *
     * @param contentDigest the digest of the content with {@code digest}
     * @param digest the content digest algorithm
     * @param signature the signature algorithm
     * @param signer the signer certificate
     * @param signingTime the claimed signing time (second precision), or {@code null} to leave the attribute out
     *     (PAdES puts it in the signature dictionary instead)
     */
    public static byte[] encode(byte[] contentDigest, DigestAlgorithm digest, SignatureAlgorithm signature,
            X509Certificate signer, Instant signingTime) {
        try {
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(attribute(CMSAttributes.contentType, CMSObjectIdentifiers.data));
            if (signingTime != null) {
                attrs.add(attribute(CMSAttributes.signingTime, new Time(Date.from(signingTime))));
            }
            attrs.add(attribute(CMSAttributes.messageDigest, new DEROctetString(contentDigest)));
            attrs.add(attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificate(signer)));
            attrs.add(attribute(CMSAttributes.cmsAlgorithmProtect, new CMSAlgorithmProtection(
                    CmsAlgorithms.digestId(digest), CMSAlgorithmProtection.SIGNATURE,
                    CmsAlgorithms.signatureId(signature))));
            return new DERSet(attrs).getEncoded(ASN1Encoding.DER);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the CMS signed attributes", e);
        }
    }

    private static SigningCertificateV2 signingCertificate(X509Certificate signer)
            throws CertificateEncodingException {
        byte[] hash = DigestAlgorithm.SHA256.digest(signer.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
                signer.getSerialNumber());
        return new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)});
    }

    private static Attribute attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new Attribute(type, new DERSet(value));
    }
}
