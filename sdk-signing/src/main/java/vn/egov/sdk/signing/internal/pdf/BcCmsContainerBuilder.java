package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import vn.egov.sdk.signing.DigestAlgorithm;
import vn.egov.sdk.signing.SignatureValue;

/** {@link CmsContainerBuilder} on Bouncy Castle's ASN.1 classes (no provider needed: nothing is computed here). */
public final class BcCmsContainerBuilder implements CmsContainerBuilder {

    @Override
    public byte[] signedAttributes(byte[] contentDigest, DigestAlgorithm digest, X509Certificate signer) {
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        attrs.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        attrs.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(contentDigest))));
        attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(signingCertificateV2(signer))));
        return encode(new DERSet(attrs));
    }

    @Override
    public byte[] assemble(byte[] signedAttributes, SignatureValue value, List<X509Certificate> chain,
            Optional<byte[]> timestampToken) {
        try {
            X509Certificate signer = chain.get(0);
            AlgorithmIdentifier digestId = digestId(value.algorithm().digest());
            ASN1Set signed = ASN1Set.getInstance(ASN1Primitive.fromByteArray(signedAttributes));
            ASN1Set unsigned = null;
            if (timestampToken.isPresent()) {
                ASN1Primitive token = ASN1Primitive.fromByteArray(timestampToken.get());
                unsigned = new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(token)));
            }
            Certificate holder = Certificate.getInstance(signer.getEncoded());
            SignerIdentifier sid = new SignerIdentifier(new IssuerAndSerialNumber(holder.getIssuer(),
                    holder.getSerialNumber().getValue()));
            SignerInfo info = new SignerInfo(sid, digestId, signed, signatureId(value),
                    new DEROctetString(value.value()), unsigned);
            ASN1EncodableVector certs = new ASN1EncodableVector();
            for (X509Certificate c : chain) {
                certs.add(Certificate.getInstance(c.getEncoded()));
            }
            SignedData sd = new SignedData(new DERSet(digestId), new ContentInfo(CMSObjectIdentifiers.data, null),
                    new DERSet(certs), null, new DERSet(info));
            return encode(new ContentInfo(CMSObjectIdentifiers.signedData, sd));
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the CMS container", e);
        }
    }

    private static ASN1Encodable signingCertificateV2(X509Certificate signer) {
        try {
            byte[] hash = DigestAlgorithm.SHA256.digest(signer.getEncoded());
            Certificate holder = Certificate.getInstance(signer.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(holder.getIssuer()))), holder.getSerialNumber().getValue());
            // SHA-256 is the DEFAULT hash of ESSCertIDv2, so its AlgorithmIdentifier is left out (DER)
            ESSCertIDv2 id = new ESSCertIDv2(null, hash, issuerSerial);
            return new SigningCertificateV2(new ESSCertIDv2[] {id});
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the signer certificate", e);
        }
    }

    private static AlgorithmIdentifier digestId(DigestAlgorithm digest) {
        return new AlgorithmIdentifier(new ASN1ObjectIdentifier(digest.oid()));
    }

    private static AlgorithmIdentifier signatureId(SignatureValue value) {
        ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(value.algorithm().oid());
        return "RSA".equals(value.algorithm().keyAlgorithm())
                ? new AlgorithmIdentifier(oid, DERNull.INSTANCE) : new AlgorithmIdentifier(oid);
    }

    private static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot DER-encode", e);
        }
    }

}
