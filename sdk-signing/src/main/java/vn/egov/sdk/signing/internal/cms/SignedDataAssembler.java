package vn.egov.sdk.signing.internal.cms;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureAlgorithm;

/**
 * Builds the {@code ContentInfo { SignedData }} around one SignerInfo from its parts, so the signature value may
 * come from anywhere (three-step signing). The output is definite-length; the signed attributes are DER.
 */
public final class SignedDataAssembler {
    private SignedDataAssembler() {
    }

    /**
     * The encoded CMS.
     *
     * @param signedAttributes the DER signed attributes SET that was signed
     * @param digest the content digest algorithm
     * @param algorithm the signature algorithm
     * @param signatureValue the signature over {@code signedAttributes}
     * @param certificates the certificates to carry, signer first
     * @param content the encapsulated content (enveloping), or empty (detached)
     * @param timestampToken a signature timestamp token (DER ContentInfo) for the unsigned attributes, or empty
     */
    public static byte[] assemble(byte[] signedAttributes, DigestAlgorithm digest, SignatureAlgorithm algorithm,
            byte[] signatureValue, List<X509Certificate> certificates, Optional<byte[]> content,
            Optional<byte[]> timestampToken) {
        try {
            X509Certificate signer = certificates.get(0);
            Certificate signerCert = Certificate.getInstance(signer.getEncoded());
            ASN1Set unsigned = null;
            if (timestampToken.isPresent()) {
                ContentInfo token = ContentInfo.getInstance(timestampToken.get());
                unsigned = new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(token)));
            }
            SignerInfo info = new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(signerCert)),
                    CmsAlgorithms.digestId(digest), ASN1Set.getInstance(signedAttributes),
                    CmsAlgorithms.signatureId(algorithm), new DEROctetString(signatureValue), unsigned);
            ASN1EncodableVector certs = new ASN1EncodableVector();
            for (X509Certificate c : certificates) {
                certs.add(Certificate.getInstance(c.getEncoded()));
            }
            ContentInfo encap = new ContentInfo(CMSObjectIdentifiers.data,
                    content.<DEROctetString>map(DEROctetString::new).orElse(null));
            SignedData signedData = new SignedData(new DERSet(CmsAlgorithms.digestId(digest)), encap,
                    new DLSet(certs), null, new DERSet(info));
            return new ContentInfo(CMSObjectIdentifiers.signedData, signedData).getEncoded(ASN1Encoding.DL);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the CMS SignedData", e);
        }
    }
}
