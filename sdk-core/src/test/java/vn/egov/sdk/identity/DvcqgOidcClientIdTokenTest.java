package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;

/**
 * How the login client checks the ID token: by signature with a given JWKS, or, without one, by its claims and the
 * provider's token-validation call, which must confirm the access token for this client.
 */
class DvcqgOidcClientIdTokenTest {
    private static final Instant NOW = TestTokens.NOW;
    private static final String USERINFO = "{\"sub\":\"user-0001\",\"LoaiTaiKhoan\":\"1\","
            + "\"SoDinhDanh\":\"001099012345\",\"TechID\":\"tech-1\"}";

    private OpServer op;
    private OidcProvider provider;

    @BeforeEach
    void start() throws Exception {
        op = new OpServer();
        provider = OidcProvider.builder().issuer(TestTokens.ISSUER).authorizationEndpoint(op.url("/authorize"))
                .tokenEndpoint(op.url("/token")).userInfoEndpoint(op.url("/userinfo"))
                .validateTokenEndpoint(op.url("/validate")).build();
        op.answer("/userinfo", 200, USERINFO);
    }

    @AfterEach
    void stop() {
        op.close();
    }

    private DvcqgOidcClientBuilder client() {
        return DvcqgOidcClient.builder().provider(provider).clientId(TestTokens.CLIENT_ID)
                .clientSecret(Secret.of("secret")).redirectUri("https://portal.example/cb")
                .clock(new ManualClock(NOW))
                .settings(ClientSettings.builder().deadline(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none())
                        .build());
    }

    /** Starts a login, lets the token endpoint answer an ID token signed by {@code key} with the login's nonce. */
    private LoginResult login(DvcqgOidcClient c, com.nimbusds.jose.jwk.JWK key, String nonceOverride) {
        return login(c, key, nonceOverride, null);
    }

    private LoginResult login(DvcqgOidcClient c, com.nimbusds.jose.jwk.JWK key, String nonceOverride, String atHash) {
        LoginStart s = c.startLogin("/");
        String nonce = nonceOverride != null ? nonceOverride : param(s.authorizationUrl(), "nonce");
        String idToken = TestTokens.sign(key, b -> b.claim("nonce", nonce).claim("at_hash", atHash));
        op.answer("/token", 200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"id_token\":\"" + idToken + "\"}");
        return c.completeLogin("?code=c1&state=" + s.state(), s.browserBinding());
    }

    @Test
    void withAJwksTheSignatureDecides() {
        try (DvcqgOidcClient c = client().jwks(JwksSource.of(TestTokens.jwks(TestTokens.RSA1))).build()) {
            LoginResult r = login(c, TestTokens.RSA1, null);
            assertEquals(IdTokenVerification.SIGNATURE, r.verification());
            assertEquals("user-0001", r.idToken().subject());
            assertEquals(NOW.plusSeconds(3600), r.tokens().expiresAt().orElseThrow());
            assertEquals(0, op.requests("/validate"));
            IdTokenException e = assertThrows(IdTokenException.class, () -> login(c, TestTokens.ATTACKER_RSA, null));
            assertEquals(IdTokenFailure.BAD_SIGNATURE, e.failure());
            e = assertThrows(IdTokenException.class, () -> login(c, TestTokens.RSA1, "another-nonce"));
            assertEquals(IdTokenFailure.WRONG_NONCE, e.failure());
        }
    }

    @Test
    void withoutAJwksTheProviderMustConfirmTheAccessTokenForThisClient() {
        try (DvcqgOidcClient c = client().build()) {
            assertEquals(IdTokenVerification.PROVIDER_CALL, c.verification());
            op.answer("/validate", 200, "{\"client_id\":\"" + TestTokens.CLIENT_ID + "\",\"exp\":"
                    + NOW.plusSeconds(600).getEpochSecond() + "}");
            LoginResult r = login(c, TestTokens.ATTACKER_RSA, null); // any key: the signature is not checked
            assertEquals(IdTokenVerification.PROVIDER_CALL, r.verification());
            assertEquals(AccountType.CITIZEN, r.identity().accountType());

            for (String refusal : new String[] {"{\"active\":false}", "{\"client_id\":\"someone-else\",\"exp\":"
                    + NOW.plusSeconds(600).getEpochSecond() + "}", "{\"client_id\":\"" + TestTokens.CLIENT_ID
                    + "\",\"exp\":" + NOW.minusSeconds(1).getEpochSecond() + "}"}) {
                op.answer("/validate", 200, refusal);
                IdTokenException e = assertThrows(IdTokenException.class, () -> login(c, TestTokens.RSA1, null),
                        refusal);
                assertEquals(IdTokenFailure.BAD_SIGNATURE, e.failure());
            }
            op.answer("/validate", 401, "{\"error\":\"invalid_token\"}");
            assertEquals(IdTokenFailure.BAD_SIGNATURE, assertThrows(IdTokenException.class,
                    () -> login(c, TestTokens.RSA1, null)).failure());
            assertEquals(IdTokenFailure.WRONG_NONCE, assertThrows(IdTokenException.class,
                    () -> login(c, TestTokens.RSA1, "another-nonce")).failure());
            assertEquals(1, op.requests("/userinfo"), "userinfo is asked only after the token is accepted");
        }
    }

    @Test
    void anAtHashMustMatchTheAccessToken() throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                .digest("at-1".getBytes(StandardCharsets.US_ASCII));
        String right = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(sha, 16));
        try (DvcqgOidcClient c = client().jwks(JwksSource.of(TestTokens.jwks(TestTokens.RSA1))).build()) {
            assertEquals(right, login(c, TestTokens.RSA1, null, right).idToken().stringClaim("at_hash").orElseThrow());
            IdTokenException e = assertThrows(IdTokenException.class,
                    () -> login(c, TestTokens.RSA1, null, "AAAAAAAAAAAAAAAAAAAAAA"));
            assertEquals("at_hash", e.claim().orElseThrow());
            assertEquals(1, op.requests("/userinfo"), "userinfo only for the accepted login");
        }
    }

    @Test
    void aRefreshedIdTokenMustBelongToTheSameLogin() {
        try (DvcqgOidcClient c = client().jwks(JwksSource.of(TestTokens.jwks(TestTokens.RSA1))).build()) {
            IdTokenClaims login = login(c, TestTokens.RSA1, null).idToken();
            String base = "{\"access_token\":\"at-2\",\"token_type\":\"Bearer\",\"refresh_token\":\"rt-2\"";
            op.answer("/token", 200, base + "}");
            assertEquals("rt-2", c.refresh(Secret.of("rt-1"), login).refreshToken().orElseThrow().reveal());
            String same = TestTokens.sign(TestTokens.RSA1, b -> b.claim("nonce", null));
            op.answer("/token", 200, base + ",\"id_token\":\"" + same + "\"}");
            assertEquals("at-2", c.refresh(Secret.of("rt-1"), login).accessToken().reveal());
            Object[][] wrong = {
                {TestTokens.sign(TestTokens.RSA1, b -> b.subject("user-0002")), "sub"},
                {TestTokens.sign(TestTokens.RSA1, b -> b.issuer("https://attacker.example")), "iss"},
                {TestTokens.sign(TestTokens.RSA1, b -> b.audience("another-client")), "aud"},
                {TestTokens.sign(TestTokens.RSA1, b -> b.claim("nonce", "another-nonce")), "nonce"},
                {TestTokens.raw("{\"alg\":\"none\"}", TestTokens.claimsJson(), ""), "alg"}};
            for (Object[] w : wrong) {
                op.answer("/token", 200, base + ",\"id_token\":\"" + w[0] + "\"}");
                IdTokenException e = assertThrows(IdTokenException.class, () -> c.refresh(Secret.of("rt-1"), login),
                        (String) w[1]);
                assertEquals(w[1], e.claim().orElseThrow());
                if ("sub".equals(w[1])) {
                    assertEquals(IdTokenFailure.WRONG_SUBJECT, e.failure());
                }
            }
            String forged = TestTokens.sign(TestTokens.ATTACKER_RSA, b -> b.claim("nonce", null));
            op.answer("/token", 200, base + ",\"id_token\":\"" + forged + "\"}");
            assertEquals(IdTokenFailure.BAD_SIGNATURE, assertThrows(IdTokenException.class,
                    () -> c.refresh(Secret.of("rt-1"), login), "the signature is verified with a JWKS").failure());
            assertThrows(vn.egov.sdk.core.ValidationException.class, () -> c.refresh(Secret.of("rt-1"), null));
        }
    }

    @Test
    void userInfoAboutAnotherSubjectIsRefused() {
        op.answer("/userinfo", 200, USERINFO.replace("user-0001", "user-0002"));
        try (DvcqgOidcClient c = client().jwks(JwksSource.of(TestTokens.jwks(TestTokens.RSA1))).build()) {
            UserInfoFormatException e = assertThrows(UserInfoFormatException.class,
                    () -> login(c, TestTokens.RSA1, null));
            assertEquals("sub", e.claim());
        }
    }

    private static String param(URI url, String name) {
        for (String pair : url.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
