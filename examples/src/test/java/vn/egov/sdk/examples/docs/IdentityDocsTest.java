package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.identity.AccountKey;
import vn.egov.sdk.identity.AccountType;
import vn.egov.sdk.identity.CookiePendingLoginStore;
import vn.egov.sdk.identity.DvcqgDeepLink;
import vn.egov.sdk.identity.DvcqgIdentity;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdTokenClaims;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdTokenFailure;
import vn.egov.sdk.identity.IdTokenValidator;
import vn.egov.sdk.identity.IdentityPolicy;
import vn.egov.sdk.identity.IdentityPolicyException;
import vn.egov.sdk.identity.JwksSource;
import vn.egov.sdk.identity.LoginProviderException;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStart;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

/** The snippets of docs/IDENTITY.md, run against the sandbox's national SSO. */
class IdentityDocsTest {
    private String lastReturnPath;
    private AccountKey lastKey;

    private void letIn(AccountKey key, String returnPath) {
        lastKey = key;
        lastReturnPath = returnPath;
    }

    @Test
    void startCallbackIdentityAndTheValidatorAlone() {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            String issuer = sandbox.sso().issuer();
            String clientId = SsoSandbox.DEFAULT_CLIENT_ID;
            String clientSecret = SsoSandbox.DEFAULT_CLIENT_SECRET;
            String redirectUri = SsoSandbox.DEFAULT_REDIRECT_URI;
            // snippet:identity-client
            ClientSettings http = ClientSettings.builder().build();
            DvcqgOidcClient sso = DvcqgOidcClient.builder()
                    .settings(http)
                    .provider(OidcProvider.discover(issuer, http))   // or OidcProvider.dvcqgProduction()
                    .clientId(clientId)
                    .clientSecret(Secret.of(clientSecret))
                    .redirectUri(redirectUri)                        // registered with the provider, exactly
                    .identityPolicy(IdentityPolicy.builder().minimumIal(2).build())
                    .build();
            // end:identity-client
            try (sso) {
                // snippet:identity-start
                LoginStart start = sso.startLogin("/ho-so/cua-toi");  // the return path stays on the server
                String setCookie = start.setCookieHeader();           // the browser binding: HttpOnly, Secure, Lax
                URI sendTheBrowserTo = start.authorizationUrl();      // state, nonce, PKCE S256, acr_values=LoA1
                // end:identity-start
                assertTrue(setCookie.startsWith(LoginStart.COOKIE_NAME + "=") && setCookie.contains("HttpOnly"));
                assertTrue(sendTheBrowserTo.getQuery().contains("code_challenge_method=S256"));

                // snippet:identity-sandbox-login
                URI callback = sandbox.sso().login(sendTheBrowserTo.toString(), SsoTestUser.CITIZEN_VNEID_IAL2);
                // end:identity-sandbox-login
                String callbackQuery = callback.getRawQuery();
                String bindingCookie = start.browserBinding();
                // snippet:identity-callback
                LoginResult login = sso.completeLogin(callbackQuery, bindingCookie);
                DvcqgIdentity who = login.identity();       // typed; toString masks ID numbers
                AccountKey key = who.accountKey();          // TechID first, then the ID number
                letIn(key, login.returnPath());
                // end:identity-callback
                assertEquals(AccountType.CITIZEN, who.accountType());
                assertEquals(2, who.ial().getAsInt());
                assertEquals(AccountKey.Kind.TECH_ID, lastKey.kind());
                assertEquals("/ho-so/cua-toi", lastReturnPath);
                assertThrows(LoginStateException.class, () -> sso.completeLogin(callbackQuery, bindingCookie),
                        "the pending login works once");

                String idToken = login.tokens().idToken().orElseThrow().reveal();
                String expectedNonce = queryParameter(sendTheBrowserTo, "nonce");
                String jwksUrl = sandbox.sso().jwksUrl();
                // snippet:identity-validator
                IdTokenValidator validator = IdTokenValidator.builder()
                        .issuer(issuer)
                        .clientId(clientId)
                        .jwks(JwksSource.builder().url(jwksUrl).build())   // cached 5 min, refetch ≥ 30 s apart
                        .build();
                IdTokenClaims claims = validator.validate(idToken, expectedNonce);
                // end:identity-validator
                assertEquals(who.subject(), claims.subject());
                IdTokenException wrongNonce = assertThrows(IdTokenException.class,
                        () -> validator.validate(idToken, "another-nonce"));
                assertEquals(IdTokenFailure.WRONG_NONCE, wrongNonce.failure());

                LoginStart low = sso.startLogin("/");
                URI lowCallback = sandbox.sso().login(low.authorizationUrl().toString(),
                        SsoTestUser.CITIZEN_VNEID_IAL1);
                assertThrows(IdentityPolicyException.class,
                        () -> sso.completeLogin(lowCallback.getRawQuery(), low.browserBinding()), "IAL1 < 2");
            }
        }
    }

    @Test
    void deniedMisbehavingCookieStoreAndDeepLink() {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            String issuer = sandbox.sso().issuer();
            byte[] loginCookieSecret = "a public test secret of 32 bytes or more".getBytes(StandardCharsets.UTF_8);
            // snippet:identity-cookie-store
            PendingLoginStore store = CookiePendingLoginStore.builder()
                    .secret(loginCookieSecret)              // at least 32 bytes, the same on every node
                    .build();
            // end:identity-cookie-store
            ClientSettings http = ClientSettings.builder().build();
            OidcProvider provider = OidcProvider.discover(issuer, http);
            try (DvcqgOidcClient nodeA = client(http, provider, store);
                    DvcqgOidcClient nodeB = client(http, provider, CookiePendingLoginStore.builder()
                            .secret(loginCookieSecret).build())) {
                LoginStart start = nodeA.startLogin("/");
                URI callback = sandbox.sso().login(start.authorizationUrl().toString(), SsoTestUser.ENTERPRISE);
                LoginResult onB = nodeB.completeLogin(callback.getRawQuery(), start.browserBinding());
                assertEquals(AccountType.ENTERPRISE, onB.identity().accountType(), "started on A, finished on B");

                LoginStart refused = nodeA.startLogin("/");
                URI denied = sandbox.sso().deny(refused.authorizationUrl().toString());
                LoginProviderException e = assertThrows(LoginProviderException.class,
                        () -> nodeA.completeLogin(denied.getRawQuery(), refused.browserBinding()));
                assertTrue(e.accessDenied());
                assertEquals(Fault.COUNTERPARTY, e.fault());

                // snippet:identity-sandbox-misbehave
                sandbox.sso().nextIdToken(SsoMisbehaviour.WRONG_NONCE);   // the next ID token must be refused
                // end:identity-sandbox-misbehave
                LoginStart bad = nodeA.startLogin("/");
                URI badCallback = sandbox.sso().login(bad.authorizationUrl().toString(), SsoTestUser.CITIZEN_VNEID_IAL2);
                IdTokenException refusedToken = assertThrows(IdTokenException.class,
                        () -> nodeA.completeLogin(badCallback.getRawQuery(), bad.browserBinding()));
                assertEquals(IdTokenFailure.WRONG_NONCE, refusedToken.failure());
                assertEquals(Fault.VERIFICATION, refusedToken.fault());
            }

            String incomingUrl = "https://dichvucong.nghean.gov.vn/?vnconnect=1&MaTTHCDP=1.009972"
                    + "&MaCoQuanThucHien=000.00.00.H41&MaDVC=2.001";
            // snippet:identity-deep-link
            Optional<DvcqgDeepLink> link = DvcqgDeepLink.parse(URI.create(incomingUrl));   // empty without vnconnect=1
            Optional<String> procedure = link.flatMap(DvcqgDeepLink::procedureCode);   // keep it with the login
            // end:identity-deep-link
            assertEquals(Optional.of("1.009972"), procedure);
            assertEquals(Optional.of("000.00.00.H41"), link.orElseThrow().agencyCode());
        }
    }

    private static DvcqgOidcClient client(ClientSettings http, OidcProvider provider, PendingLoginStore store) {
        return DvcqgOidcClient.builder().settings(http).provider(provider)
                .clientId(SsoSandbox.DEFAULT_CLIENT_ID).clientSecret(Secret.of(SsoSandbox.DEFAULT_CLIENT_SECRET))
                .redirectUri(SsoSandbox.DEFAULT_REDIRECT_URI).pendingLoginStore(store).build();
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
