package vn.egov.sdk.identity.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import vn.egov.sdk.core.internal.Redactor;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;

/**
 * The ID-token claim rules of OpenID Connect Core 1.0 §3.1.3.7, run by Nimbus' processor after the signature
 * verified: {@code iss} exact; {@code aud} contains the client id; several audiences require {@code azp}, and an
 * {@code azp} must be the client id; {@code sub}, {@code exp}, {@code iat} and {@code nonce} required; {@code exp},
 * {@code nbf} and {@code iat} against the clock with a skew; the nonce compared in constant time. For a refreshed
 * ID token (§12.2), the login's {@code sub} and {@code auth_time} instead of a required nonce; a {@code nonce}, when
 * present, must still be the login's. Each failure is an
 * {@link IdTokenException} naming the claim; no message shows the nonce.
 */
final class IdTokenClaimsCheck implements JWTClaimsSetVerifier<ValidationContext> {
    private final String issuer;
    private final String clientId;
    private final long skewMillis;
    private final Clock clock;

    IdTokenClaimsCheck(String issuer, String clientId, long skewMillis, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.skewMillis = skewMillis;
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, ValidationContext context) {
        checkIssuer(claims.getIssuer());
        checkAudience(claims.getAudience(), claims.getClaim("azp"));
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank()) {
            throw missing("sub");
        }
        long now = clock.millis();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw missing("exp");
        }
        if (now >= exp.getTime() + skewMillis) {
            throw IdTokenException.of(IdTokenFailure.EXPIRED, "exp", "the ID token expired at " + exp.toInstant()
                    + " (now " + clock.instant() + ", clock skew " + skewMillis / 1000 + " s)");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw missing("iat");
        }
        if (iat.getTime() > now + skewMillis) {
            throw IdTokenException.of(IdTokenFailure.ISSUED_IN_FUTURE, "iat", "the ID token says it was issued at "
                    + iat.toInstant() + ", in the future (now " + clock.instant() + ", clock skew "
                    + skewMillis / 1000 + " s)");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.getTime() > now + skewMillis) {
            throw IdTokenException.of(IdTokenFailure.NOT_YET_VALID, "nbf", "the ID token is not valid before "
                    + nbf.toInstant() + " (now " + clock.instant() + ", clock skew " + skewMillis / 1000 + " s)");
        }
        if (context.refreshed()) {
            checkRefreshed(claims, context);
        } else {
            checkNonce(claims.getClaim("nonce"), context.expectedNonce);
        }
    }

    /** OpenID Connect Core §12.2: the login's {@code sub} and {@code auth_time}; a {@code nonce} only if present. */
    private static void checkRefreshed(JWTClaimsSet claims, ValidationContext context) {
        if (!context.originalSubject.equals(claims.getSubject())) {
            throw IdTokenException.of(IdTokenFailure.WRONG_SUBJECT, "sub", "the refreshed ID token is about another "
                    + "subject than the login's (OpenID Connect Core §12.2)");
        }
        Object authTime = claims.getClaim("auth_time");
        if (context.originalAuthTime != null && authTime != null && !sameTime(context.originalAuthTime, authTime)) {
            throw IdTokenException.of(IdTokenFailure.WRONG_SUBJECT, "auth_time", "the refreshed ID token's "
                    + "auth_time is not the login's: it is about another authentication (OpenID Connect Core §12.2)");
        }
        Object nonce = claims.getClaim("nonce");
        if (nonce != null) {
            checkNonce(nonce, context.expectedNonce);
        }
    }

    private static boolean sameTime(Object a, Object b) {
        Long seconds = epochSeconds(a);
        return seconds != null ? seconds.equals(epochSeconds(b)) : a.equals(b);
    }

    private static Long epochSeconds(Object value) {
        if (value instanceof Date) {
            return ((Date) value).getTime() / 1000;
        }
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        return null;
    }

    private void checkIssuer(String iss) {
        if (iss == null || iss.isEmpty()) {
            throw missing("iss");
        }
        if (!issuer.equals(iss)) {
            throw IdTokenException.of(IdTokenFailure.WRONG_ISSUER, "iss", "the ID token's issuer '"
                    + Redactor.printable(iss, 200) + "' is not the configured issuer '" + issuer + "'");
        }
    }

    private void checkAudience(List<String> aud, Object azp) {
        if (aud == null || aud.isEmpty()) {
            throw missing("aud");
        }
        if (!aud.contains(clientId)) {
            throw IdTokenException.of(IdTokenFailure.WRONG_AUDIENCE, "aud", "the ID token's audience "
                    + Redactor.printable(aud.toString(), 200) + " does not contain the client id '" + clientId + "'");
        }
        if (azp == null) {
            if (aud.size() > 1) {
                throw IdTokenException.of(IdTokenFailure.WRONG_AUTHORIZED_PARTY, "azp", "the ID token names "
                        + aud.size() + " audiences but no authorized party (azp); it must be the client id '"
                        + clientId + "'");
            }
            return;
        }
        if (!clientId.equals(azp)) {
            throw IdTokenException.of(IdTokenFailure.WRONG_AUTHORIZED_PARTY, "azp", "the ID token's authorized "
                    + "party (azp) '" + Redactor.printable(String.valueOf(azp), 200) + "' is not the client id '"
                    + clientId + "'");
        }
    }

    private static void checkNonce(Object nonce, String expected) {
        if (nonce == null || "".equals(nonce)) {
            throw missing("nonce");
        }
        if (!(nonce instanceof String) || expected == null || !MessageDigest.isEqual(((String) nonce).getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw IdTokenException.of(IdTokenFailure.WRONG_NONCE, "nonce", "the ID token's nonce is not the one sent"
                    + " with this login's authorization request (a replayed token, or another login's)");
        }
    }

    private static IdTokenException missing(String claim) {
        return IdTokenException.of(IdTokenFailure.MISSING_CLAIM, claim, "the ID token has no '" + claim
                + "' claim, which is required");
    }
}
