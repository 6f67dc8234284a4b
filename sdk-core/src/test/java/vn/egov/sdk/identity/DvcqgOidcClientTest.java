package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;

/** The login client without a sandbox: its settings, the return-path check, and a token endpoint's bad answers. */
class DvcqgOidcClientTest {
    private static final ClientSettings HTTP = ClientSettings.builder().deadline(Duration.ofSeconds(5))
            .retryPolicy(RetryPolicy.none()).build();

    private static DvcqgOidcClientBuilder client(OidcProvider provider) {
        return DvcqgOidcClient.builder().settings(HTTP).provider(provider).clientId("portal")
                .clientSecret(Secret.of("s3cr3t-value")).redirectUri("https://portal.example/cb");
    }

    @Test
    void theBuilderListsEverySettingThatIsMissingOrWrong() {
        ValidationException e = assertThrows(ValidationException.class, () -> DvcqgOidcClient.builder()
                .scopes("profile", "bad scope").acrValues("Lo A1").clockSkew(Duration.ofMinutes(6)).build());
        assertEquals(8, e.errors().size(), e.getMessage());
        assertThrows(ValidationException.class, () -> client(OidcProvider.dvcqgTest())
                .redirectUri("https://portal.example/cb#x").build());
        assertThrows(ValidationException.class, () -> DvcqgOidcClient.builder().scopes((String[]) null));
        assertThrows(ValidationException.class, () -> client(OidcProvider.dvcqgTest().toBuilder()
                .jwksUri("https://testxacthuc.dichvucong.gov.vn/oauth2/jwks").build())
                .idTokenAlgorithms(java.util.Set.of("HS256")).build());
        assertThrows(ValidationException.class, () -> DvcqgOidcClient.builder().acrValues("LoA1", null));
    }

    @Test
    void theAuthorizationUrlKeepsTheProvidersQueryAndCarriesTheLoginParameters() {
        OidcProvider p = OidcProvider.dvcqgTest().toBuilder()
                .authorizationEndpoint("https://testxacthuc.dichvucong.gov.vn/oauth2/authorize?tenant=a").build();
        try (DvcqgOidcClient c = client(p).acrValues("LoA1", "LoA2").scopes("openid", "profile").build()) {
            assertEquals(IdTokenVerification.TLS_ONLY, c.verification());
            LoginStart start = c.startLogin("/");
            String url = start.authorizationUrl().toString();
            assertTrue(url.startsWith("https://testxacthuc.dichvucong.gov.vn/oauth2/authorize?tenant=a&response_type"
                    + "=code&client_id=portal&redirect_uri=https%3A%2F%2Fportal.example%2Fcb&scope=openid%20profile"
                    + "&state=" + start.state() + "&nonce="), url);
            assertTrue(url.contains("&code_challenge_method=S256&acr_values=LoA1%20LoA2"), url);
            assertTrue(start.setCookieHeader().contains("HttpOnly; Secure; SameSite=Lax"));
            assertFalse(start.toString().contains(start.browserBinding()));
            assertFalse(c.toString().contains("s3cr3t"));
        }
    }

    @Test
    void theBindingCookieLivesAsLongAsThePendingLogin() {
        try (DvcqgOidcClient c = client(OidcProvider.dvcqgTest()).build()) {
            LoginStart start = c.startLogin("/");
            assertEquals(Duration.ofMinutes(10), start.maxAge(), "the in-memory store's default");
            assertTrue(start.setCookieHeader().endsWith("; Max-Age=600"), start.setCookieHeader());
        }
        InMemoryPendingLoginStore memory = InMemoryPendingLoginStore.builder().ttl(Duration.ofMinutes(3)).build();
        assertEquals(Duration.ofMinutes(3), memory.ttl());
        try (DvcqgOidcClient c = client(OidcProvider.dvcqgTest()).pendingLoginStore(memory).build()) {
            LoginStart start = c.startLogin("/");
            assertEquals(Duration.ofMinutes(3), start.maxAge());
            assertTrue(start.setCookieHeader().endsWith("; Max-Age=180"), start.setCookieHeader());
        }
        CookiePendingLoginStore cookies = CookiePendingLoginStore.builder().secret(secret())
                .ttl(Duration.ofMinutes(5)).build();
        try (DvcqgOidcClient c = client(OidcProvider.dvcqgTest()).pendingLoginStore(cookies).build()) {
            assertEquals(Duration.ofMinutes(5), c.startLogin("/").maxAge());
        }
    }

    private static byte[] secret() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return secret;
    }

    @Test
    void anOpenRedirectIsRefusedBeforeAnythingIsStored() {
        InMemoryPendingLoginStore store = InMemoryPendingLoginStore.builder().build();
        try (DvcqgOidcClient c = client(OidcProvider.dvcqgTest()).pendingLoginStore(store).build()) {
            for (String evil : new String[] {"//evil.example", "https://evil.example/", "/\\evil", "javascript:x"}) {
                assertThrows(ValidationException.class, () -> c.startLogin(evil), evil);
            }
            assertEquals(0, store.size());
        }
    }

    @Test
    void theTokenEndpointsAnswersBecomeTypedErrors() throws Exception {
        try (JwksServer server = new JwksServer("{}")) {
            String op = OidcProviderTest.base(server) + "/op";
            OidcProvider p = OidcProvider.builder().issuer(op).authorizationEndpoint(op + "/authorize")
                    .tokenEndpoint(op + "/token").userInfoEndpoint(op + "/userinfo").build();
            try (DvcqgOidcClient c = client(p).build()) {
                server.serve(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}");
                LoginProviderException grant = assertThrows(LoginProviderException.class, () -> complete(c));
                assertEquals("invalid_grant", grant.error());
                assertEquals(Fault.CALLER, grant.fault());
                assertEquals("code expired", grant.errorDescription().orElseThrow());
                server.serve(401, "{\"error\":\"invalid_client\"}");
                assertEquals(Fault.CALLER, assertThrows(LoginProviderException.class, () -> complete(c)).fault());
                server.serve(500, "<html>oops</html>");
                LoginProviderException down = assertThrows(LoginProviderException.class, () -> complete(c));
                assertEquals(Fault.PLATFORM, down.fault());
                assertEquals(1, down.attempts(), "a code exchange is never repeated");
                assertEquals("", down.error());
                assertEquals(500, down.httpStatus().getAsInt());
                server.serve(200, "not json");
                assertThrows(PlatformException.class, () -> complete(c));
                server.serve(200, "{\"access_token\":\"a\",\"token_type\":\"mac\",\"id_token\":\"x.y.z\"}");
                assertThrows(PlatformException.class, () -> complete(c));
                server.serve(200, "{\"access_token\":\"a b\",\"token_type\":\"Bearer\"}");
                assertThrows(PlatformException.class, () -> complete(c));
                server.serve(200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":-5}");
                assertThrows(PlatformException.class, () -> complete(c));
                server.serve(200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\"}");
                IdTokenException none = assertThrows(IdTokenException.class, () -> complete(c));
                assertEquals(IdTokenFailure.MALFORMED, none.failure());
                server.serve(200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"id_token\":\"eyJhbGciOiJub25l"
                        + "In0.eyJzdWIiOiJ4In0.\"}");
                assertEquals(IdTokenFailure.ALGORITHM_NOT_ALLOWED, assertThrows(IdTokenException.class,
                        () -> complete(c)).failure());
            }
        }
    }

    @Test
    void aProviderErrorInTheRedirectIsTypedAndSaysWhoseFault() {
        try (DvcqgOidcClient c = client(OidcProvider.dvcqgTest()).build()) {
            LoginStart s = c.startLogin("/");
            LoginProviderException e = assertThrows(LoginProviderException.class, () -> c.completeLogin(
                    "?error=invalid_scope&error_description=%0Abad&state=" + s.state(), s.browserBinding()));
            assertEquals(Fault.CALLER, e.fault());
            assertFalse(e.accessDenied());
            assertFalse(e.getMessage().contains("\n"));
            LoginStart t = c.startLogin("/");
            assertTrue(assertThrows(LoginProviderException.class, () -> c.completeLogin(
                    "?error=temporarily_unavailable&state=" + t.state(), t.browserBinding())).retryable());
            assertThrows(ValidationException.class, () -> c.completeLogin(null, "x"));
            assertThrows(ValidationException.class, () -> c.introspect(Secret.of("t")));
            assertThrows(ValidationException.class, () -> c.validateToken(Secret.of("t")));
        }
    }

    private static void complete(DvcqgOidcClient c) {
        LoginStart s = c.startLogin("/");
        try {
            c.completeLogin("?code=the-code&state=" + s.state(), s.browserBinding());
        } catch (EgovException e) {
            assertFalse(e.getMessage().contains("the-code"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
            throw e;
        }
    }
}
