package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.identity.TestTokens.CLIENT_ID;
import static vn.egov.sdk.identity.TestTokens.EC1;
import static vn.egov.sdk.identity.TestTokens.ISSUER;
import static vn.egov.sdk.identity.TestTokens.NONCE;
import static vn.egov.sdk.identity.TestTokens.NOW;
import static vn.egov.sdk.identity.TestTokens.RSA1;
import static vn.egov.sdk.identity.TestTokens.RSA2;
import static vn.egov.sdk.identity.TestTokens.sign;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/** One test per {@link IdTokenFailure} that a token's content causes, and the happy path, on a fixed JWKS. */
class IdTokenValidatorTest {
    private final ManualClock clock = new ManualClock(NOW);
    private final IdTokenValidator validator = validator(JwksSource.of(TestTokens.jwks(RSA1, RSA2, EC1)));

    private IdTokenValidator validator(JwksSource jwks) {
        return IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID).jwks(jwks).clock(clock).build();
    }

    private IdTokenException refused(String token, IdTokenFailure failure) {
        IdTokenException e = assertThrows(IdTokenException.class, () -> validator.validate(token, NONCE));
        assertEquals(failure, e.failure(), e.getMessage());
        assertEquals(Fault.VERIFICATION, e.fault());
        assertFalse(e.retryable());
        assertFalse(e.getMessage().contains(token), "the message shows the token");
        assertFalse(e.getMessage().contains(NONCE), "the message shows the nonce");
        return e;
    }

    @Test
    void aValidTokenGivesItsClaims() {
        IdTokenClaims c = validator.validate(sign(RSA1, b -> b.claim("nbf", Date.from(NOW.minusSeconds(5)))), NONCE);
        assertEquals("user-0001", c.subject());
        assertEquals(ISSUER, c.issuer());
        assertEquals(List.of(CLIENT_ID), c.audience());
        assertEquals(NOW.plusSeconds(300), c.expiresAt());
        assertEquals(NOW.minusSeconds(5), c.issuedAt());
        assertEquals(NOW.minusSeconds(5), c.notBefore().orElseThrow());
        assertEquals(NONCE, c.nonce());
        assertEquals("LoA1", c.acr().orElseThrow());
        assertTrue(c.authorizedParty().isEmpty());
        assertEquals("1", c.stringClaim("LoaiTaiKhoan").orElseThrow(), "a number claim as text");
        assertTrue(c.stringClaim("absent").isEmpty());
        Map<String, Object> all = c.claims();
        assertEquals(NOW.plusSeconds(300).getEpochSecond(), all.get("exp"));
        assertThrows(UnsupportedOperationException.class, () -> all.put("sub", "other"));
        assertEquals("IdTokenClaims[iss=" + ISSUER + ", sub=user-0001, aud=[" + CLIENT_ID + "], exp="
                + NOW.plusSeconds(300) + "]", c.toString());
        assertFalse(c.toString().contains("001099012345"), "toString shows the citizen ID number");
        assertThrows(ValidationException.class, () -> c.stringClaim(null));
    }

    @Test
    void ps256AndEs256TokensOfTheDefaultAllowListAreValid() {
        String ps = sign(RSA2, TestTokens.claims().build(), h -> new com.nimbusds.jose.JWSHeader.Builder(
                JWSAlgorithm.PS256).keyID(RSA2.getKeyID()));
        assertEquals("user-0001", validator.validate(ps, NONCE).subject());
        assertEquals("user-0001", validator.validate(sign(EC1, b -> b), NONCE).subject());
    }

    @Test
    void tooLarge() {
        String token = sign(RSA1, b -> b.claim("pad", "x".repeat(IdTokenValidator.MAX_TOKEN_LENGTH)));
        refused(token, IdTokenFailure.TOO_LARGE);
    }

    @Test
    void malformed() {
        assertEquals(IdTokenFailure.MALFORMED, refused("not-a-jwt", IdTokenFailure.MALFORMED).failure());
    }

    @Test
    void algorithmOutsideTheAllowList() {
        IdTokenValidator rs256Only = IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID)
                .jwks(JwksSource.of(TestTokens.jwks(RSA1, EC1))).allowedAlgorithms(Set.of("RS256")).clock(clock)
                .build();
        IdTokenException e = assertThrows(IdTokenException.class,
                () -> rs256Only.validate(sign(EC1, b -> b), NONCE));
        assertEquals(IdTokenFailure.ALGORITHM_NOT_ALLOWED, e.failure());
        assertEquals("alg", e.claim().orElseThrow());
        assertTrue(e.getMessage().contains("ES256") && e.getMessage().contains("RS256"), e.getMessage());
    }

    @Test
    void unknownKey() {
        IdTokenException e = refused(sign(TestTokens.rsa("rsa-9"), b -> b), IdTokenFailure.UNKNOWN_KEY);
        assertEquals("kid", e.claim().orElseThrow());
        assertTrue(e.getMessage().contains("rsa-9"), e.getMessage());
    }

    @Test
    void badSignature() {
        String token = sign(RSA1, b -> b);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + TestTokens.b64(TestTokens.claims().subject("user-0002").build()
                .toString()) + "." + parts[2];
        refused(tampered, IdTokenFailure.BAD_SIGNATURE);
        refused(sign(TestTokens.ATTACKER_RSA, b -> b), IdTokenFailure.BAD_SIGNATURE); // same kid, another key
    }

    @Test
    void wrongIssuer() {
        IdTokenException e = refused(sign(RSA1, b -> b.issuer(ISSUER + "/")), IdTokenFailure.WRONG_ISSUER);
        assertEquals("iss", e.claim().orElseThrow());
    }

    @Test
    void wrongAudience() {
        refused(sign(RSA1, b -> b.audience("another-client")), IdTokenFailure.WRONG_AUDIENCE);
    }

    @Test
    void wrongAuthorizedParty() {
        refused(sign(RSA1, b -> b.audience(List.of(CLIENT_ID, "other"))), IdTokenFailure.WRONG_AUTHORIZED_PARTY);
        refused(sign(RSA1, b -> b.audience(List.of(CLIENT_ID, "other")).claim("azp", "other")),
                IdTokenFailure.WRONG_AUTHORIZED_PARTY);
        refused(sign(RSA1, b -> b.claim("azp", "other")), IdTokenFailure.WRONG_AUTHORIZED_PARTY);
        IdTokenClaims ok = validator.validate(sign(RSA1, b -> b.audience(List.of(CLIENT_ID, "other"))
                .claim("azp", CLIENT_ID)), NONCE);
        assertEquals(CLIENT_ID, ok.authorizedParty().orElseThrow());
    }

    @Test
    void missingClaims() {
        for (String claim : List.of("iss", "sub", "aud", "exp", "iat", "nonce")) {
            IdTokenException e = refused(sign(RSA1, b -> b.claim(claim, null)), IdTokenFailure.MISSING_CLAIM);
            assertEquals(claim, e.claim().orElseThrow());
        }
        refused(sign(RSA1, b -> b.subject("  ")), IdTokenFailure.MISSING_CLAIM);
    }

    @Test
    void expiredBeyondTheSkew() {
        refused(sign(RSA1, b -> b.expirationTime(Date.from(NOW.minusSeconds(61)))), IdTokenFailure.EXPIRED);
        assertEquals("user-0001", validator.validate(sign(RSA1, b -> b.expirationTime(Date.from(NOW.minusSeconds(59)))),
                NONCE).subject(), "within the 60 s skew");
    }

    @Test
    void notYetValid() {
        refused(sign(RSA1, b -> b.notBeforeTime(Date.from(NOW.plusSeconds(61)))), IdTokenFailure.NOT_YET_VALID);
        validator.validate(sign(RSA1, b -> b.notBeforeTime(Date.from(NOW.plusSeconds(59)))), NONCE);
    }

    @Test
    void issuedInTheFuture() {
        refused(sign(RSA1, b -> b.issueTime(Date.from(NOW.plusSeconds(61)))), IdTokenFailure.ISSUED_IN_FUTURE);
        validator.validate(sign(RSA1, b -> b.issueTime(Date.from(NOW.plusSeconds(59)))), NONCE);
    }

    @Test
    void aConfiguredSkewIsUsed() {
        IdTokenValidator strict = IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID)
                .jwks(JwksSource.of(TestTokens.jwks(RSA1))).clockSkew(Duration.ZERO).clock(clock).build();
        String token = sign(RSA1, b -> b.expirationTime(Date.from(NOW)));
        assertEquals(IdTokenFailure.EXPIRED,
                assertThrows(IdTokenException.class, () -> strict.validate(token, NONCE)).failure());
    }

    @Test
    void wrongNonce() {
        String token = sign(RSA1, b -> b);
        IdTokenException e = assertThrows(IdTokenException.class, () -> validator.validate(token, NONCE + "x"));
        assertEquals(IdTokenFailure.WRONG_NONCE, e.failure());
        refused(sign(RSA1, b -> b.claim("nonce", 12345)), IdTokenFailure.WRONG_NONCE);
    }

    @Test
    void aKeyForEncryptionIsNotUsedForSignatures() throws Exception {
        RSAKey enc = new RSAKey.Builder(RSA1.toRSAPublicKey()).keyID(RSA1.getKeyID()).keyUse(KeyUse.ENCRYPTION)
                .build();
        IdTokenValidator v = validator(JwksSource.of(TestTokens.jwks(enc)));
        IdTokenException e = assertThrows(IdTokenException.class, () -> v.validate(sign(RSA1, b -> b), NONCE));
        assertEquals(IdTokenFailure.UNKNOWN_KEY, e.failure());
    }

    @Test
    void anRsaKeyBelow2048BitsIsNotUsed() throws Exception {
        RSAKey weak = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(1024, true).keyID("weak").generate();
        IdTokenValidator v = validator(JwksSource.of(TestTokens.jwks(weak)));
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                JWSAlgorithm.RS256).keyID("weak").build(), TestTokens.claims().build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(weak.toPrivateKey(), true));
        String token = jwt.serialize();
        IdTokenException e = assertThrows(IdTokenException.class, () -> v.validate(token, NONCE));
        assertEquals(IdTokenFailure.UNKNOWN_KEY, e.failure());
    }

    @Test
    void theCallersMistakesAreValidationErrors() {
        String token = sign(RSA1, b -> b);
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(token, null));
        assertEquals("IdTokenValidator.expectedNonce", e.errors().get(0).path());
        assertThrows(ValidationException.class, () -> validator.validate(token, " "));
        assertEquals("IdTokenValidator.idToken",
                assertThrows(ValidationException.class, () -> validator.validate(null, NONCE)).errors().get(0).path());
    }

    @Test
    void theBuilderRefusesWhatItCannotEnforce() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> IdTokenValidator.builder().build());
        assertEquals(List.of("IdTokenValidator.issuer", "IdTokenValidator.clientId", "IdTokenValidator.jwks"),
                missing.errors().stream().map(f -> f.path()).toList());
        JwksSource jwks = JwksSource.of(TestTokens.jwks(RSA1));
        for (Set<String> algs : List.of(Set.of("HS256"), Set.of("none"), Set.of("RS256", "EdDSA"), Set.<String>of())) {
            ValidationException e = assertThrows(ValidationException.class, () -> IdTokenValidator.builder()
                    .issuer(ISSUER).clientId(CLIENT_ID).jwks(jwks).allowedAlgorithms(algs).build(), algs.toString());
            assertEquals("IdTokenValidator.allowedAlgorithms", e.errors().get(0).path());
        }
        for (Duration skew : List.of(Duration.ofMinutes(5).plusSeconds(1), Duration.ofSeconds(-1))) {
            ValidationException e = assertThrows(ValidationException.class, () -> IdTokenValidator.builder()
                    .issuer(ISSUER).clientId(CLIENT_ID).jwks(jwks).clockSkew(skew).build());
            assertEquals("IdTokenValidator.clockSkew", e.errors().get(0).path());
        }
        IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID).jwks(jwks).clockSkew(Duration.ofMinutes(5))
                .build();
        assertThrows(ValidationException.class, () -> IdTokenValidator.builder().issuer(null));
        assertThrows(ValidationException.class, () -> IdTokenValidator.builder().clientId(""));
        assertThrows(ValidationException.class, () -> IdTokenValidator.builder().jwks(null));
        assertThrows(ValidationException.class, () -> IdTokenValidator.builder().allowedAlgorithms(null));
        assertThrows(ValidationException.class, () -> IdTokenValidator.builder().clock(null));
        assertThrows(ValidationException.class, () -> IdTokenValidator.builder().clockSkew(null));
    }

    @Test
    void validationIsTimeDependentOnlyThroughTheGivenClock() {
        String token = sign(RSA1, b -> b);
        validator.validate(token, NONCE);
        clock.set(Instant.parse("2026-03-01T02:06:01Z"));
        refused(token, IdTokenFailure.EXPIRED);
    }
}
