package vn.egov.sdk.signing.validation;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test-only forged OCSP material: what an attacker between the validator and the CA could send. */
final class Forgeries {
    private static final KeyPair ATTACKER = rsa();

    private Forgeries() {
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A response saying GOOD for every certificate asked about, naming the real responder and carrying its real
     * certificate, but signed with the attacker's key. The nonce is echoed.
     */
    static byte[] goodSignedByAttacker(byte[] request, X509Certificate realResponder) {
        try {
            OCSPReq req = new OCSPReq(request);
            X509CertificateHolder responder = new X509CertificateHolder(realResponder.getEncoded());
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(responder.getSubject()));
            Date now = new Date();
            for (Req r : req.getRequestList()) {
                b.addResponse(r.getCertID(), CertificateStatus.GOOD, now, new Date(now.getTime() + 86_400_000L));
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, b.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(ATTACKER.getPrivate()),
                    new X509CertificateHolder[] {responder}, now)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same request with its nonce replaced ({@code null} to drop it) and, when {@code serial} is not null, its
     * serial replaced: ask the real responder this, and its honest answer no longer fits the original request.
     */
    static byte[] rewrite(byte[] request, byte[] nonce, BigInteger serial) {
        try {
            OCSPReq req = new OCSPReq(request);
            OCSPReqBuilder b = new OCSPReqBuilder();
            for (Req r : req.getRequestList()) {
                CertificateID id = r.getCertID();
                b.addRequest(serial == null ? id : CertificateID.deriveCertificateID(id, serial));
            }
            if (nonce != null) {
                b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(new DEROctetString(nonce)))));
            }
            return b.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Some random bytes (a different nonce). */
    static byte[] randomNonce() {
        byte[] n = new byte[16];
        new SecureRandom().nextBytes(n);
        return n;
    }

    /** An OCSP response with a non-successful status. */
    static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
