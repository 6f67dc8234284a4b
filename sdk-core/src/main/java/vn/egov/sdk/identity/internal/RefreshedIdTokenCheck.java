package vn.egov.sdk.identity.internal;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import java.text.ParseException;
import java.util.List;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;

/**
 * The rules of OpenID Connect Core 1.0 §12.2 for an ID token returned by a refresh when no JWKS is known (the
 * {@code PROVIDER_CALL} and {@code TLS_ONLY} modes), received directly from the token endpoint over TLS: signed
 * (not {@code alg none}, not encrypted), the same {@code iss} and {@code sub} as the login's ID token, {@code aud}
 * containing the client id, and a {@code nonce}, when present, equal to the login's. With a JWKS,
 * {@code IdTokenValidator.validateRefreshed} applies instead.
 */
public final class RefreshedIdTokenCheck {
    private RefreshedIdTokenCheck() {
    }

    /**
     * Checks the refreshed token.
     *
     * @param idToken the compact ID token of the refresh response
     * @param issuer the provider's issuer
     * @param clientId the client id
     * @param subject the login's subject
     * @param nonce the login's nonce
     * @param maxLength the longest token parsed
     * @throws IdTokenException when a rule fails
     */
    public static void check(String idToken, String issuer, String clientId, String subject, String nonce,
            int maxLength) {
        if (idToken.length() > maxLength) {
            throw IdTokenException.of(IdTokenFailure.TOO_LARGE, null, "the refreshed ID token is longer than "
                    + maxLength + " characters");
        }
        JWTClaimsSet claims;
        try {
            JWT jwt = JWTParser.parse(idToken);
            if (jwt instanceof PlainJWT || jwt instanceof EncryptedJWT) {
                throw IdTokenException.of(IdTokenFailure.ALGORITHM_NOT_ALLOWED, "alg", "the refreshed ID token is "
                        + "unsigned or encrypted");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw IdTokenException.of(IdTokenFailure.MALFORMED, null, "the refreshed ID token is not a JWT");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw IdTokenException.of(IdTokenFailure.WRONG_ISSUER, "iss", "the refreshed ID token's issuer is not "
                    + "the login's '" + issuer + "'");
        }
        if (!subject.equals(claims.getSubject())) {
            throw IdTokenException.of(IdTokenFailure.WRONG_SUBJECT, "sub", "the refreshed ID token is about another "
                    + "subject than the login's (OpenID Connect Core §12.2)");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(clientId)) {
            throw IdTokenException.of(IdTokenFailure.WRONG_AUDIENCE, "aud", "the refreshed ID token's audience does "
                    + "not contain the client id '" + clientId + "'");
        }
        Object n = claims.getClaim("nonce");
        if (n != null && !nonce.equals(n)) {
            throw IdTokenException.of(IdTokenFailure.WRONG_NONCE, "nonce", "the refreshed ID token's nonce is not "
                    + "the login's");
        }
    }
}
