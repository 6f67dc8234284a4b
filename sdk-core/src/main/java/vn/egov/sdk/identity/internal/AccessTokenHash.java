package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;

/**
 * The {@code at_hash} rule of OpenID Connect Core 1.0 §3.1.3.8 for an ID token that carries one: the left half of
 * the hash of the access token (SHA-256, -384 or -512 after the {@code alg} of the ID token's header), base64url, must
 * equal it. It ties the access token to the ID token, so that one cannot be swapped for another login's.
 */
public final class AccessTokenHash {
    private AccessTokenHash() {
    }

    /**
     * Checks the claim.
     *
     * @param idToken the compact ID token (already accepted), for its header's {@code alg}
     * @param atHash the {@code at_hash} claim
     * @param accessToken the access token of the same response
     * @throws IdTokenException ({@link IdTokenFailure#BAD_SIGNATURE}, claim {@code at_hash}) when it does not match
     */
    public static void check(String idToken, String atHash, String accessToken) {
        String digest;
        try {
            String header = idToken.substring(0, Math.max(0, idToken.indexOf('.')));
            JWSAlgorithm alg = JWSHeader.parse(com.nimbusds.jose.util.Base64URL.from(header)).getAlgorithm();
            String name = alg.getName();
            digest = name.endsWith("384") ? "SHA-384" : name.endsWith("512") ? "SHA-512" : "SHA-256";
        } catch (ParseException | RuntimeException e) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, "alg", "the ID token's header cannot be read to check "
                    + "at_hash");
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has " + digest, e);
        }
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash,
                hash.length / 2));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                atHash.getBytes(StandardCharsets.UTF_8))) {
            throw IdTokenException.of(IdTokenFailure.BAD_SIGNATURE, "at_hash", "the ID token's at_hash does not match "
                    + "the access token of the same response (a substituted token)");
        }
    }
}
