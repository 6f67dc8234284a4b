package vn.egov.sdk.signing.internal.xml;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import vn.egov.sdk.core.ValidationException;

/**
 * A stand-in private key handed to the JDK's XML-DSig signer: it holds no secret, only the public parameters the
 * JDK reads (RSA modulus for its key-size check, EC curve for the signature format) and the buffer into which
 * {@link CapturingSignatureProvider} collects the canonical {@code SignedInfo} bytes. One per signing. It is both a
 * private key (the JDK signs with it) and a public key (the JDK "verifies" with it when the finished layout of a
 * signature is canonicalised again).
 */
public sealed interface CaptureKey extends PrivateKey, PublicKey permits CaptureKey.Rsa, CaptureKey.Ec {

    /** The buffer receiving the bytes the JDK asks to sign. */
    ByteArrayOutputStream captured();

    /** The bytes captured so far. */
    default byte[] capturedBytes() {
        return captured().toByteArray();
    }

    @Override
    default String getFormat() {
        return null;
    }

    @Override
    default byte[] getEncoded() {
        return null;
    }

    /**
     * A capture key shaped like the certificate's key.
     *
     * @param certificate the signer certificate
     * @return the capture key
     * @throws ValidationException if the key is neither RSA nor EC
     */
    static CaptureKey forCertificate(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return new Rsa(rsa.getModulus(), rsa.getPublicExponent(), new ByteArrayOutputStream(512));
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            return new Ec(ec.getParams(), ec.getW(), new ByteArrayOutputStream(512));
        }
        throw ValidationException.of("xmldsig.key.type", "SignatureSource.certificate",
                "the signer certificate holds a " + certificate.getPublicKey().getAlgorithm()
                        + " key; RSA and EC keys are supported");
    }

    /** The RSA shape. */
    record Rsa(BigInteger modulus, BigInteger publicExponent, ByteArrayOutputStream captured)
            implements CaptureKey, RSAPrivateKey, RSAPublicKey {
        private static final long serialVersionUID = 1L;

        @Override
        public BigInteger getModulus() {
            return modulus;
        }

        @Override
        public BigInteger getPublicExponent() {
            return publicExponent;
        }

        @Override
        public BigInteger getPrivateExponent() {
            return BigInteger.ONE;
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }
    }

    /** The EC shape. */
    record Ec(ECParameterSpec params, ECPoint w, ByteArrayOutputStream captured)
            implements CaptureKey, ECPrivateKey, ECPublicKey {
        private static final long serialVersionUID = 1L;

        @Override
        public ECParameterSpec getParams() {
            return params;
        }

        @Override
        public ECPoint getW() {
            return w;
        }

        @Override
        public BigInteger getS() {
            return BigInteger.ONE;
        }

        @Override
        public String getAlgorithm() {
            return "EC";
        }
    }
}
