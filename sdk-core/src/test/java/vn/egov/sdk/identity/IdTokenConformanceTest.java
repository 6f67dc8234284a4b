package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.egov.sdk.identity.TestTokens.ATTACKER_EC;
import static vn.egov.sdk.identity.TestTokens.ATTACKER_RSA;
import static vn.egov.sdk.identity.TestTokens.CLIENT_ID;
import static vn.egov.sdk.identity.TestTokens.EC1;
import static vn.egov.sdk.identity.TestTokens.ISSUER;
import static vn.egov.sdk.identity.TestTokens.NONCE;
import static vn.egov.sdk.identity.TestTokens.NOW;
import static vn.egov.sdk.identity.TestTokens.RSA1;
import static vn.egov.sdk.identity.TestTokens.RSA2;
import static vn.egov.sdk.identity.TestTokens.sign;

import com.nimbusds.jose.util.Base64;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;

/**
 * The relying-party checks of the OpenID conformance suite's basic RP plan and its alg/key-confusion modules
 * (openid-certification/conformance-suite, {@code openid/client/}), mirrored against a local provider that serves
 * its JWKS over HTTP. Each test is named after the module it mirrors.
 */
class IdTokenConformanceTest {
    private final ManualClock clock = new ManualClock(NOW);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private JwksSource provider(String jwks) throws Exception {
        JwksServer server = new JwksServer(jwks);
        open.add(server);
        JwksSource source = JwksSource.builder().url(server.url())
                .settings(ClientSettings.builder().retryPolicy(RetryPolicy.none()).build()).clock(clock).build();
        open.add(source);
        return source;
    }

    private IdTokenValidator rp(JwksSource jwks) {
        return IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID).jwks(jwks).clock(clock).build();
    }

    private IdTokenValidator rp() throws Exception {
        return rp(provider(TestTokens.jwks(RSA1, EC1)));
    }

    private static void loginFails(IdTokenValidator rp, String token, IdTokenFailure failure) {
        assertEquals(failure, assertThrows(IdTokenException.class, () -> rp.validate(token, NONCE)).failure());
    }

    @Test
    @DisplayName("oidcc-client-test")
    void happyPath() throws Exception {
        assertEquals("user-0001", rp().validate(sign(RSA1, b -> b), NONCE).subject());
    }

    @Test
    @DisplayName("oidcc-client-test-invalid-iss")
    void invalidIss() throws Exception {
        loginFails(rp(), sign(RSA1, b -> b.issuer("https://evil.example/sso")), IdTokenFailure.WRONG_ISSUER);
    }

    @Test
    @DisplayName("oidcc-client-test-missing-sub")
    void missingSub() throws Exception {
        loginFails(rp(), sign(RSA1, b -> b.subject(null)), IdTokenFailure.MISSING_CLAIM);
    }

    @Test
    @DisplayName("oidcc-client-test-invalid-aud")
    void invalidAud() throws Exception {
        loginFails(rp(), sign(RSA1, b -> b.audience("some-other-client")), IdTokenFailure.WRONG_AUDIENCE);
    }

    @Test
    @DisplayName("oidcc-client-test-missing-aud")
    void missingAud() throws Exception {
        loginFails(rp(), sign(RSA1, b -> b.audience((String) null)), IdTokenFailure.MISSING_CLAIM);
    }

    @Test
    @DisplayName("oidcc-client-test-missing-iat")
    void missingIat() throws Exception {
        loginFails(rp(), sign(RSA1, b -> b.issueTime(null)), IdTokenFailure.MISSING_CLAIM);
    }

    @Test
    @DisplayName("oidcc-client-test-kid-absent-single-jwks")
    void kidAbsentSingleJwks() throws Exception {
        IdTokenValidator rp = rp(provider(TestTokens.jwks(RSA1)));
        String token = sign(RSA1, TestTokens.claims().build(), h -> h.keyID(null));
        assertEquals("user-0001", rp.validate(token, NONCE).subject());
    }

    @Test
    @DisplayName("oidcc-client-test-kid-absent-multiple-jwks")
    void kidAbsentMultipleJwks() throws Exception {
        IdTokenValidator rp = rp(provider(TestTokens.jwks(RSA2, EC1, RSA1)));
        String token = sign(RSA1, TestTokens.claims().build(), h -> h.keyID(null));
        assertEquals("user-0001", rp.validate(token, NONCE).subject(), "each RSA key is tried");
        loginFails(rp, sign(ATTACKER_RSA, TestTokens.claims().build(), h -> h.keyID(null)),
                IdTokenFailure.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("oidcc-client-test-idtoken-sig-rs256")
    void idtokenSigRs256() throws Exception {
        assertEquals("LoA1", rp().validate(sign(RSA1, b -> b), NONCE).acr().orElseThrow());
    }

    @Test
    @DisplayName("oidcc-client-test-idtoken-sig-none")
    void idtokenSigNone() throws Exception {
        String unsigned = TestTokens.raw("{\"alg\":\"none\",\"typ\":\"JWT\"}", TestTokens.claimsJson(), "");
        loginFails(rp(), unsigned, IdTokenFailure.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    @DisplayName("oidcc-client-test-invalid-sig-rs256")
    void invalidSigRs256() throws Exception {
        loginFails(rp(), sign(ATTACKER_RSA, b -> b), IdTokenFailure.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("oidcc-client-test-invalid-sig-hs256 (HMAC keyed with the provider's RSA public key)")
    void invalidSigHs256() throws Exception {
        JwksSource jwks = provider(TestTokens.jwks(RSA1));
        IdTokenValidator rp = rp(jwks);
        String header = "{\"alg\":\"HS256\",\"kid\":\"" + RSA1.getKeyID() + "\"}";
        List<byte[]> publicKeyBytes = List.of(RSA1.toRSAPublicKey().getEncoded(),
                ("-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                        RSA1.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n")
                        .getBytes(StandardCharsets.US_ASCII),
                RSA1.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                RSA1.getModulus().decode());
        for (byte[] secret : publicKeyBytes) {
            loginFails(rp, TestTokens.hs256(header, TestTokens.claimsJson(), secret),
                    IdTokenFailure.ALGORITHM_NOT_ALLOWED);
        }
        assertEquals(0, jwks.fetches(), "refused before any key is looked up");
    }

    @Test
    @DisplayName("oidcc-client-test-invalid-sig-es256 (key not in the JWKS)")
    void invalidSigEs256() throws Exception {
        IdTokenValidator rp = rp();
        loginFails(rp, sign(ATTACKER_EC, b -> b), IdTokenFailure.UNKNOWN_KEY);
        loginFails(rp, sign(ATTACKER_EC, TestTokens.claims().build(), h -> h.keyID(EC1.getKeyID())),
                IdTokenFailure.BAD_SIGNATURE);
        loginFails(rp, sign(ATTACKER_EC, TestTokens.claims().build(), h -> h.keyID(null)),
                IdTokenFailure.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("oidcc-client-test-nonce-invalid")
    void nonceInvalid() throws Exception {
        loginFails(rp(), sign(RSA1, b -> b.claim("nonce", "another-login")), IdTokenFailure.WRONG_NONCE);
    }

    @Test
    @DisplayName("oidcc-client-test-ignores-unparseable-key-in-jwks")
    void ignoresUnparseableKeyInJwks() throws Exception {
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"bad\",\"x\":\"AAAA\",\"y\":\"AAAA\"},"
                + "{\"kty\":\"RSA\",\"kid\":\"rsa-1\",\"e\":\"AQAB\"}," + RSA1.toPublicJWK().toJSONString() + "]}";
        assertEquals("user-0001", rp(provider(jwks)).validate(sign(RSA1, b -> b), NONCE).subject());
    }

    @Test
    @DisplayName("oidcc-client-test-signing-key-rotation")
    void signingKeyRotation() throws Exception {
        JwksServer server = new JwksServer(TestTokens.jwks(RSA1));
        open.add(server);
        JwksSource jwks = JwksSource.builder().url(server.url()).clock(clock).build();
        open.add(jwks);
        IdTokenValidator rp = rp(jwks);
        rp.validate(sign(RSA1, b -> b), NONCE);
        server.serve(TestTokens.jwks(RSA1, RSA2));
        clock.advance(Duration.ofSeconds(30));
        assertEquals("user-0001", rp.validate(sign(RSA2, b -> b), NONCE).subject());
        assertEquals(2, server.requests());
    }

    @Test
    @DisplayName("jku, x5u, jwk and x5c headers never choose the key")
    void keysComeOnlyFromTheConfiguredJwks() throws Exception {
        JwksServer attackerJwks = new JwksServer(TestTokens.jwks(ATTACKER_RSA));
        open.add(attackerJwks);
        JwksSource jwks = provider(TestTokens.jwks(RSA1));
        IdTokenValidator rp = rp(jwks);
        Base64 fakeCert = Base64.encode("not a real certificate".getBytes(StandardCharsets.US_ASCII));
        for (String kid : new String[] {RSA1.getKeyID(), null}) {
            String token = sign(ATTACKER_RSA, TestTokens.claims().build(), h -> h.keyID(kid)
                    .jwkURL(URI.create(attackerJwks.url()))
                    .x509CertURL(URI.create(attackerJwks.url()))
                    .jwk(ATTACKER_RSA.toPublicJWK())
                    .x509CertChain(List.of(fakeCert)));
            loginFails(rp, token, IdTokenFailure.BAD_SIGNATURE);
        }
        String unknownKid = sign(ATTACKER_RSA, TestTokens.claims().build(), h -> h.keyID("attacker")
                .jwkURL(URI.create(attackerJwks.url())).jwk(ATTACKER_RSA.toPublicJWK()));
        loginFails(rp, unknownKid, IdTokenFailure.UNKNOWN_KEY);
        assertEquals(0, attackerJwks.requests(), "the jku / x5u URL was fetched");
    }
}
