package vn.egov.sdk.identity.internal;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.PlainJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;

/**
 * The claim rules of {@link IdTokenClaimsCheck} on an ID token whose signature cannot be checked (no JWKS known),
 * for a token received directly from the token endpoint over TLS (OpenID Connect Core 1.0 §3.1.3.7 point 6).
 * Parsing is Nimbus'; an encrypted or unsigned ({@code alg} {@code none}) token is refused.
 */
public final class UnsignedIdTokenCheck {
    private final IdTokenClaimsCheck claims;
    private final int maxLength;

    /**
     * @param issuer the exact {@code iss}
     * @param clientId the client id
     * @param skew the clock skew
     * @param clock the clock
     * @param maxLength the longest token parsed
     */
    public UnsignedIdTokenCheck(String issuer, String clientId, Duration skew, Clock clock, int maxLength) {
        this.claims = new IdTokenClaimsCheck(issuer, clientId, skew.toMillis(), clock);
        this.maxLength = maxLength;
    }

    /**
     * Checks the claims.
     *
     * @param idToken the compact token
     * @param expectedNonce the login's nonce
     * @return the claims
     * @throws IdTokenException when a rule fails
     */
    public JWTClaimsSet check(String idToken, String expectedNonce) {
        if (idToken.length() > maxLength) {
            throw IdTokenException.of(IdTokenFailure.TOO_LARGE, null, "the ID token is longer than " + maxLength
                    + " characters");
        }
        JWTClaimsSet set;
        try {
            JWT jwt = JWTParser.parse(idToken);
            if (jwt instanceof EncryptedJWT) {
                throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token is encrypted (JWE); only "
                        + "signed ID tokens are accepted");
            }
            if (jwt instanceof PlainJWT) {
                throw IdTokenException.of(IdTokenFailure.ALGORITHM_NOT_ALLOWED, "alg", "the ID token is not signed "
                        + "(alg none), which is never accepted");
            }
            set = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the ID token is not a JWT");
        }
        claims.verify(set, new ValidationContext(expectedNonce));
        return set;
    }
}
