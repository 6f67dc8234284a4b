package vn.egov.sdk.signing.cms;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.egov.sdk.signing.SigningKey;

/** Test helpers that take CMS signatures apart and put them together wrongly, as an attacker would. */
final class CmsForgery {
    private CmsForgery() {
    }

    /** The SignedData of a CMS. */
    static SignedData signedData(byte[] cms) {
        return SignedData.getInstance(ContentInfo.getInstance(cms).getContent());
    }

    /** A CMS with the SignedData replaced. */
    static byte[] encode(SignedData sd) throws Exception {
        return new ContentInfo(CMSObjectIdentifiers.signedData, sd).getEncoded(ASN1Encoding.DL);
    }

    /** The same CMS with other certificates. */
    static byte[] withCertificates(byte[] cms, List<X509Certificate> certs) throws Exception {
        SignedData sd = signedData(cms);
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (X509Certificate c : certs) {
            v.add(Certificate.getInstance(c.getEncoded()));
        }
        return encode(new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), new DLSet(v), sd.getCRLs(),
                sd.getSignerInfos()));
    }

    /** The same CMS with each SignerInfo transformed. */
    static byte[] withSignerInfos(byte[] cms, UnaryOperator<SignerInfo> change) throws Exception {
        SignedData sd = signedData(cms);
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (int i = 0; i < sd.getSignerInfos().size(); i++) {
            v.add(change.apply(SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(i))));
        }
        return encode(new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(),
                sd.getCRLs(), new DLSet(v)));
    }

    /** A SignerInfo with another signer identifier. */
    static SignerInfo withSid(SignerInfo s, X509Certificate named) {
        try {
            return new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(Certificate.getInstance(
                    named.getEncoded()))), s.getDigestAlgorithm(), s.getAuthenticatedAttributes(),
                    s.getDigestEncryptionAlgorithm(), s.getEncryptedDigest(), s.getUnauthenticatedAttributes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SignerInfo whose signature value has one bit flipped. */
    static SignerInfo withFlippedSignature(SignerInfo s) {
        byte[] sig = s.getEncryptedDigest().getOctets();
        sig[sig.length / 2] ^= 0x01;
        return new SignerInfo(s.getSID(), s.getDigestAlgorithm(), s.getAuthenticatedAttributes(),
                s.getDigestEncryptionAlgorithm(), new DEROctetString(sig), s.getUnauthenticatedAttributes());
    }

    /** The same CMS with each SignerInfo's unsigned attributes replaced by one signature timestamp token. */
    static byte[] withTimestamp(byte[] cms, byte[] tokenDer) throws Exception {
        return withSignerInfos(cms, s -> new SignerInfo(s.getSID(), s.getDigestAlgorithm(),
                s.getAuthenticatedAttributes(), s.getDigestEncryptionAlgorithm(), s.getEncryptedDigest(),
                new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.cms.Attribute(
                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new org.bouncycastle.asn1.DERSet(ContentInfo.getInstance(tokenDer))))));
    }

    /** The signature value of the first SignerInfo. */
    static byte[] signatureValue(byte[] cms) {
        return SignerInfo.getInstance(signedData(cms).getSignerInfos().getObjectAt(0)).getEncryptedDigest()
                .getOctets();
    }

    /** Two CMS over the same content merged into one with both SignerInfos and both certificate sets. */
    static byte[] merge(byte[] first, byte[] second) throws Exception {
        SignedData a = signedData(first);
        SignedData b = signedData(second);
        ASN1EncodableVector certs = new ASN1EncodableVector();
        for (ASN1Set set : new ASN1Set[] {a.getCertificates(), b.getCertificates()}) {
            for (int i = 0; i < set.size(); i++) {
                certs.add(set.getObjectAt(i));
            }
        }
        ASN1EncodableVector infos = new ASN1EncodableVector();
        infos.add(a.getSignerInfos().getObjectAt(0));
        infos.add(b.getSignerInfos().getObjectAt(0));
        return encode(new SignedData(a.getDigestAlgorithms(), a.getEncapContentInfo(), new DLSet(certs), null,
                new DLSet(infos)));
    }

    /** A CMS made by Bouncy Castle's generator: any algorithm, with or without signed attributes. */
    static byte[] bcSigned(SigningKey key, String algorithm, byte[] content, boolean encapsulate,
            boolean signedAttributes) throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setDirectSignature(!signedAttributes)
                .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), key.certificate()));
        g.addCertificates(new JcaCertStore(key.certificateChain()));
        return g.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    }

    /** A certificate for {@code publicKey}, signed by {@code signingKey}, with the given names and serial. */
    static X509Certificate certificate(String issuer, BigInteger serial, String subject, PublicKey publicKey,
            PrivateKey signingKey) throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name(issuer),
                serial, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name(subject), publicKey).build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
    }

    /** A fresh RSA-2048 key pair. */
    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** {@code data} with the bytes of {@code part} (found once) replaced by {@code replacement}. */
    static byte[] replace(byte[] data, byte[] part, byte[] replacement) {
        int at = indexOf(data, part);
        if (at < 0 || part.length != replacement.length) {
            throw new IllegalArgumentException("part not found or lengths differ");
        }
        byte[] out = data.clone();
        System.arraycopy(replacement, 0, out, at, replacement.length);
        return out;
    }

    static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
