package vn.egov.sdk.signing.internal.xml;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import vn.egov.sdk.signing.SignatureAlgorithm;

/**
 * A private {@link Provider} (never registered) whose {@code Signature} does not sign: it collects what it is given
 * into the {@link CaptureKey} it was initialised with and returns a placeholder. The JDK's XML-DSig signer, told to
 * use it through the {@code DOMSignContext} property {@value #CONTEXT_PROPERTY}, thereby computes the reference
 * digests and canonicalises {@code SignedInfo} exactly as it would for a real key, and hands us those bytes: step 1
 * of three-step signing with the JDK doing all the XML work.
 */
public final class CapturingSignatureProvider extends Provider {
    /** The {@code DOMSignContext} property naming the provider of the {@code Signature} the JDK uses. */
    public static final String CONTEXT_PROPERTY = "org.jcp.xml.dsig.internal.dom.SignatureProvider";

    private static final long serialVersionUID = 1L;
    private static final CapturingSignatureProvider INSTANCE = new CapturingSignatureProvider();
    /** DER {@code SEQUENCE {INTEGER 1, INTEGER 1}}: a well-formed ECDSA placeholder the JDK can reformat. */
    private static final byte[] EC_PLACEHOLDER = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01};
    private static final byte[] RSA_PLACEHOLDER = {0};

    private CapturingSignatureProvider() {
        super("EgovSdkSignedInfoCapture", "1.0", "captures canonical SignedInfo bytes; never signs");
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            putService(new Service(this, "Signature", a.jcaName(), CaptureSpi.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return new CaptureSpi();
                }
            });
        }
    }

    /** The shared instance (stateless: the captured bytes live in each {@link CaptureKey}). */
    public static CapturingSignatureProvider instance() {
        return INSTANCE;
    }

    /** The capturing {@code Signature} engine. */
    static final class CaptureSpi extends SignatureSpi {
        private CaptureKey key;

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            if (!(publicKey instanceof CaptureKey k)) {
                throw new InvalidKeyException("the capture provider only accepts a CaptureKey");
            }
            key = k;
            key.captured().reset();
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            if (!(privateKey instanceof CaptureKey k)) {
                throw new InvalidKeyException("the capture provider only accepts a CaptureKey");
            }
            key = k;
            key.captured().reset();
        }

        @Override
        protected void engineUpdate(byte b) {
            key.captured().write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            key.captured().write(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            if (key == null) {
                throw new SignatureException("not initialised");
            }
            return key instanceof CaptureKey.Ec ? EC_PLACEHOLDER.clone() : RSA_PLACEHOLDER.clone();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            if (key == null) {
                throw new SignatureException("not initialised");
            }
            return true;
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
