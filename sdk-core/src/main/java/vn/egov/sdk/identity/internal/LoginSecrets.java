package vn.egov.sdk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The random values of a login (state, nonce, PKCE verifier) and the PKCE S256 challenge (RFC 7636 §4). */
public final class LoginSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private LoginSecrets() {
    }

    /**
     * A fresh random value.
     *
     * @param bytes how many random bytes
     * @return them, base64url without padding
     */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL.encodeToString(b);
    }

    /**
     * The S256 code challenge of a verifier.
     *
     * @param verifier the code verifier
     * @return {@code BASE64URL(SHA-256(ASCII(verifier)))}
     */
    public static String challenge(String verifier) {
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }
}
