package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.egov.sdk.identity.TestTokens.CLIENT_ID;
import static vn.egov.sdk.identity.TestTokens.EC1;
import static vn.egov.sdk.identity.TestTokens.ISSUER;
import static vn.egov.sdk.identity.TestTokens.NONCE;
import static vn.egov.sdk.identity.TestTokens.NOW;
import static vn.egov.sdk.identity.TestTokens.RSA1;
import static vn.egov.sdk.identity.TestTokens.RSA2;
import static vn.egov.sdk.identity.TestTokens.sign;

import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/**
 * {@link IdTokenValidator#validateRefreshed}: a refresh response's ID token (OpenID Connect Core §12.2) gets the
 * signature, algorithm, key and time checks of a login's, and the login's subject and nonce rules.
 */
class IdTokenRefreshedValidationTest {
    private static final long AUTH_TIME = NOW.minusSeconds(600).getEpochSecond();

    private final ManualClock clock = new ManualClock(NOW);
    private final IdTokenValidator validator = IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID)
            .jwks(JwksSource.of(TestTokens.jwks(RSA1, RSA2, EC1))).clock(clock).build();
    private final IdTokenClaims login = validator.validate(sign(RSA1, b -> b.claim("auth_time", AUTH_TIME)), NONCE);

    private IdTokenException refused(String token, IdTokenFailure failure) {
        IdTokenException e = assertThrows(IdTokenException.class, () -> validator.validateRefreshed(token, login));
        assertEquals(failure, e.failure(), e.getMessage());
        assertFalse(e.getMessage().contains(token), "the message shows the token");
        assertFalse(e.getMessage().contains(NONCE), "the message shows the nonce");
        return e;
    }

    @Test
    void aRefreshedTokenWithoutANonceIsAccepted() {
        IdTokenClaims c = validator.validateRefreshed(sign(RSA2, b -> b.claim("nonce", null)
                .issueTime(Date.from(NOW)).claim("auth_time", AUTH_TIME)), login);
        assertEquals("user-0001", c.subject());
        assertEquals(NOW, c.issuedAt());
        assertEquals(NONCE, c.nonce(), "the login's nonce stands in");
        assertFalse(c.claims().containsKey("nonce"), "the claims are the token's");
    }

    @Test
    void aSecondRefreshIsCheckedAgainstTheFirstRefreshedToken() {
        IdTokenClaims first = validator.validateRefreshed(sign(RSA1, b -> b.claim("nonce", null)), login);
        assertEquals("user-0001", validator.validateRefreshed(sign(RSA1, b -> b.claim("nonce", null)), first)
                .subject());
        assertEquals(NONCE, validator.validateRefreshed(sign(RSA1, b -> b), first).nonce());
        IdTokenException e = assertThrows(IdTokenException.class, () -> validator.validateRefreshed(
                sign(RSA1, b -> b.claim("nonce", "another-nonce")), first));
        assertEquals(IdTokenFailure.WRONG_NONCE, e.failure());
    }

    @Test
    void aRefreshedTokenWithTheLoginsNonceIsAccepted() {
        assertEquals(NONCE, validator.validateRefreshed(sign(EC1, b -> b), login).nonce());
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() {
        refused(sign(TestTokens.rsa("rsa-9"), b -> b.claim("nonce", null)), IdTokenFailure.UNKNOWN_KEY);
        refused(sign(TestTokens.ATTACKER_RSA, b -> b.claim("nonce", null)), IdTokenFailure.BAD_SIGNATURE);
    }

    @Test
    void algNoneIsRefused() {
        IdTokenException e = refused(TestTokens.raw("{\"alg\":\"none\"}", TestTokens.claimsJson(), ""),
                IdTokenFailure.ALGORITHM_NOT_ALLOWED);
        assertEquals("alg", e.claim().orElseThrow());
    }

    @Test
    void anotherSubjectIsWrongSubject() {
        IdTokenException e = refused(sign(RSA1, b -> b.subject("user-0002").claim("nonce", null)),
                IdTokenFailure.WRONG_SUBJECT);
        assertEquals("sub", e.claim().orElseThrow());
    }

    @Test
    void anotherAuthenticationTimeIsWrongSubject() {
        IdTokenException e = refused(sign(RSA1, b -> b.claim("auth_time", AUTH_TIME + 60)),
                IdTokenFailure.WRONG_SUBJECT);
        assertEquals("auth_time", e.claim().orElseThrow());
    }

    @Test
    void aChangedNonceIsWrongNonce() {
        IdTokenException e = refused(sign(RSA1, b -> b.claim("nonce", "another-nonce")), IdTokenFailure.WRONG_NONCE);
        assertEquals("nonce", e.claim().orElseThrow());
    }

    @Test
    void theLoginRulesOfIssuerAudienceAuthorizedPartyAndTimeStillHold() {
        refused(sign(RSA1, b -> b.issuer("https://attacker.example")), IdTokenFailure.WRONG_ISSUER);
        refused(sign(RSA1, b -> b.audience("another-client")), IdTokenFailure.WRONG_AUDIENCE);
        refused(sign(RSA1, b -> b.audience(List.of(CLIENT_ID, "other"))), IdTokenFailure.WRONG_AUTHORIZED_PARTY);
        refused(sign(RSA1, b -> b.claim("azp", "another-client")), IdTokenFailure.WRONG_AUTHORIZED_PARTY);
        refused(sign(RSA1, b -> b.expirationTime(Date.from(NOW.minusSeconds(120)))), IdTokenFailure.EXPIRED);
        refused(sign(RSA1, b -> b.expirationTime(null)), IdTokenFailure.MISSING_CLAIM);
    }

    @Test
    void nullArgumentsAreValidationErrors() {
        assertThrows(ValidationException.class, () -> validator.validateRefreshed(null, login));
        assertThrows(ValidationException.class, () -> validator.validateRefreshed(sign(RSA1, b -> b), null));
    }
}
