package vn.egov.sdk.testkit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.ClientAuthMethod;
import vn.egov.sdk.identity.CookiePendingLoginStore;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;
import vn.egov.sdk.identity.IdTokenVerification;
import vn.egov.sdk.identity.LoginProviderException;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.identity.LoginStateFailure;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.identity.TokenIntrospection;
import vn.egov.sdk.identity.TokenSet;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * Client authentication (post and basic), refresh, userinfo, introspection, the DVCQG token check, logout URLs, the
 * weaker modes of a provider without a JWKS, and the stateless cookie store, through the sandbox's SSO.
 */
class DvcqgOidcClientTokensTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void basicAndPostClientAuthenticationBothLogIn() {
        for (ClientAuthMethod method : ClientAuthMethod.values()) {
            try (DvcqgOidcClient client = SsoLogins.client(sandbox).clientAuthMethod(method).build()) {
                LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
                assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.subject(), login.identity().subject(), method.name());
            }
        }
    }

    @Test
    void aWrongClientSecretIsTheCallersFault() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).clientSecret(Secret.of("not-the-secret"))
                .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_BASIC).build()) {
            LoginProviderException e = assertThrows(LoginProviderException.class,
                    () -> SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2));
            assertEquals("invalid_client", e.error());
            assertEquals(LoginProviderException.Stage.TOKEN, e.stage());
            assertEquals(Fault.CALLER, e.fault());
            assertFalse(e.getMessage().contains("not-the-secret"));
        }
    }

    @Test
    void refreshGivesNewTokensAndASpentRefreshTokenIsInvalidGrant() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.ENTERPRISE);
            Secret first = login.tokens().refreshToken().orElseThrow();
            TokenSet fresh = client.refresh(first, login.idToken());
            assertTrue(fresh.idToken().isPresent(), "the simulator sends a refreshed ID token; it was checked");
            assertNotEquals(login.tokens().accessToken(), fresh.accessToken());
            assertEquals(SsoTestUser.ENTERPRISE.subject(), client.userInfo(fresh.accessToken()).subject());
            LoginProviderException e = assertThrows(LoginProviderException.class, () -> client.refresh(first));
            assertEquals("invalid_grant", e.error());
            assertEquals(Fault.CALLER, e.fault());
            assertEquals(1, e.attempts());
        }
    }

    @Test
    void introspectionValidationAndUserInfoSpeakForLiveAndDeadTokens() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            Secret access = login.tokens().accessToken();
            TokenIntrospection live = client.introspect(access);
            assertTrue(live.active());
            assertEquals(SsoSandbox.DEFAULT_CLIENT_ID, live.clientId().orElseThrow());
            assertTrue(client.validateToken(access));
            assertFalse(client.introspect(Secret.of("no-such-token")).active());
            assertFalse(client.validateToken(Secret.of("no-such-token")));
            LoginProviderException e = assertThrows(LoginProviderException.class,
                    () -> client.userInfo(Secret.of("no-such-token")));
            assertEquals("invalid_token", e.error());
            assertEquals(LoginProviderException.Stage.USERINFO, e.stage());
        }
    }

    @Test
    void logoutUrlsFromTheEndSessionEndpointOrATemplate() {
        try (DvcqgOidcClient client = SsoLogins.client(sandbox).build()) {
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
            String hint = login.tokens().idToken().orElseThrow().reveal();
            URI url = client.logoutUrl(hint, URI.create(SsoSandbox.DEFAULT_POST_LOGOUT_REDIRECT_URI), "bye");
            Map<String, String> q = DvcqgOidcClientSandboxTest.query(url);
            assertTrue(url.toString().startsWith(sandbox.sso().issuer() + "/oidc/logout?"));
            assertEquals(hint, q.get("id_token_hint"));
            assertEquals(SsoSandbox.DEFAULT_POST_LOGOUT_REDIRECT_URI, q.get("post_logout_redirect_uri"));
            assertEquals("bye", q.get("state"));
        }
        OidcProvider templated = SsoLogins.provider(sandbox).toBuilder().endSessionEndpoint(null)
                .logoutUrlTemplate("https://sso.example/logout?token={id_token_hint}&cb={post_logout_redirect_uri}")
                .build();
        try (DvcqgOidcClient client = SsoLogins.client(templated).build()) {
            assertEquals("https://sso.example/logout?token=a%20b&cb=https%3A%2F%2Fapp.example%2F",
                    client.logoutUrl("a b", URI.create("https://app.example/"), null).toString());
        }
        OidcProvider none = OidcProvider.dvcqgTest();
        try (DvcqgOidcClient client = SsoLogins.client(none).build()) {
            assertThrows(ValidationException.class, () -> client.logoutUrl(null, null, null));
        }
    }

    @Test
    void withoutAJwksTheProviderConfirmsTheTokenAndTheClaimsAreStillChecked() {
        OidcProvider noJwks = SsoLogins.provider(sandbox).toBuilder().jwksUri(null).build();
        try (DvcqgOidcClient client = SsoLogins.client(noJwks).build()) {
            assertEquals(IdTokenVerification.PROVIDER_CALL, client.verification());
            LoginResult login = SsoLogins.login(sandbox, client, SsoTestUser.ORGANISATION);
            assertEquals(IdTokenVerification.PROVIDER_CALL, login.verification());
            assertEquals(1, sandbox.requestsTo("/sso/oauth2/validatetoken"));
            sandbox.sso().nextIdToken(SsoMisbehaviour.WRONG_NONCE);
            IdTokenException e = assertThrows(IdTokenException.class,
                    () -> SsoLogins.login(sandbox, client, SsoTestUser.ORGANISATION));
            assertEquals(IdTokenFailure.WRONG_NONCE, e.failure());
            sandbox.sso().nextIdToken(SsoMisbehaviour.ALG_NONE);
            e = assertThrows(IdTokenException.class, () -> SsoLogins.login(sandbox, client, SsoTestUser.ORGANISATION));
            assertEquals(IdTokenFailure.ALGORITHM_NOT_ALLOWED, e.failure());
        }
        OidcProvider bare = noJwks.toBuilder().validateTokenEndpoint(null).introspectionEndpoint(null).build();
        try (DvcqgOidcClient client = SsoLogins.client(bare).build()) {
            assertEquals(IdTokenVerification.TLS_ONLY, SsoLogins.login(sandbox, client, SsoTestUser.ENTERPRISE)
                    .verification());
        }
    }

    @Test
    void theCookieStoreWorksAcrossClientsAndRefusesATamperedValue() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        OidcProvider provider = SsoLogins.provider(sandbox);
        try (DvcqgOidcClient node1 = SsoLogins.client(provider).pendingLoginStore(CookiePendingLoginStore.builder()
                .secret(secret).ttl(java.time.Duration.ofMinutes(5)).build()).build();
                DvcqgOidcClient node2 = SsoLogins.client(provider)
                        .pendingLoginStore(CookiePendingLoginStore.builder().secret(secret).build()).build()) {
            SsoLogins.Answered a = SsoLogins.answer(sandbox, node1, SsoTestUser.CITIZEN_VNEID_IAL2);
            String cookie = a.start().browserBinding();
            assertTrue(a.start().setCookieHeader().endsWith("; Max-Age=300"), a.start().setCookieHeader());
            char last = cookie.charAt(cookie.length() - 5);
            String tampered = cookie.substring(0, cookie.length() - 5) + (last == 'A' ? 'B' : 'A')
                    + cookie.substring(cookie.length() - 4);
            LoginStateException e = assertThrows(LoginStateException.class,
                    () -> node2.completeLogin(a.callback().toString(), tampered));
            assertEquals(LoginStateFailure.TAMPERED, e.failure());
            LoginResult login = node2.completeLogin(a.callback().toString(), cookie);
            assertEquals("/ho-so/cua-toi", login.returnPath());
        }
    }
}
