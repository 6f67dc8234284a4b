package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.InMemoryPendingLoginStore;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The {@link Login} example over HTTP without a browser: the sandbox's test API answers the login page; the cookies
 * are carried by hand, so each one's attributes are checked.
 */
class LoginTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCitizenLogsInAndSeesTheTypedIdentityEscapedAndMasked() throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start();
                Login.Running login = Login.start(sandbox, 0, false)) {
            HttpResponse<String> home = get(login.url(), null);
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("id=\"login\" href=\"/login\""), home.body());

            HttpResponse<String> start = get(login.url().resolve("/login"), null);
            assertEquals(303, start.statusCode());
            String bindingCookie = setCookie(start, LoginWebApp.BINDING_COOKIE);
            assertTrue(bindingCookie.contains("HttpOnly") && bindingCookie.contains("SameSite=Lax")
                    && !bindingCookie.contains("Secure"), bindingCookie);
            assertTrue(bindingCookie.endsWith("; Max-Age=600"), "the in-memory store's 10 minutes: " + bindingCookie);
            String authorizationUrl = start.headers().firstValue("Location").orElseThrow();
            assertTrue(authorizationUrl.startsWith(sandbox.sso().issuer() + "/oauth2/authorize?"), authorizationUrl);

            URI callback = sandbox.sso().login(authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL2);
            assertTrue(callback.toString().startsWith(login.url().resolve("/callback").toString()), callback.toString());
            HttpResponse<String> done = get(callback, cookiePair(bindingCookie));
            assertEquals(303, done.statusCode(), done.body());
            assertEquals("/me", done.headers().firstValue("Location").orElseThrow());
            String session = cookiePair(setCookie(done, LoginWebApp.SESSION_COOKIE));

            HttpResponse<String> me = get(login.url().resolve("/me"), session);
            assertEquals(200, me.statusCode());
            String page = me.body();
            assertTrue(page.contains("id=\"account-type\">CITIZEN (1)<"), page);
            assertTrue(page.contains("id=\"ial\">IAL2<"), page);
            assertTrue(page.contains("id=\"account-key\">TechID:"), page);
            assertTrue(page.contains("id=\"verification\">SIGNATURE<"), page);
            String id = SsoTestUser.CITIZEN_VNEID_IAL2.claims().get("SoDinhDanh").toString();
            assertFalse(page.contains(id), "the ID number is masked");
            assertTrue(page.contains("•" + id.substring(id.length() - 3) + "<"), page);

            HttpResponse<String> replay = get(callback, cookiePair(bindingCookie));
            assertEquals(400, replay.statusCode());
            assertTrue(replay.body().contains("LoginStateException") && replay.body().contains(">VERIFICATION<"),
                    replay.body());

            HttpResponse<String> out = get(login.url().resolve("/logout"), session);
            assertEquals(303, out.statusCode());
            assertEquals(303, get(login.url().resolve("/me"), session).statusCode(), "the session is gone");
        }
    }

    @Test
    void aDeniedLoginIsATypedErrorPageNamingTheProvidersError() throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start();
                Login.Running login = Login.start(sandbox, 0, false)) {
            HttpResponse<String> start = get(login.url().resolve("/login"), null);
            URI callback = sandbox.sso().deny(start.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> page = get(callback, cookiePair(setCookie(start, LoginWebApp.BINDING_COOKIE)));
            assertEquals(403, page.statusCode());
            assertTrue(page.body().contains("id=\"provider-error\">access_denied<"), page.body());
            assertTrue(page.body().contains("id=\"fault\">COUNTERPARTY<"), page.body());
            HttpResponse<String> noCookie = get(login.url().resolve("/callback?code=x&state=y"), null);
            assertEquals(400, noCookie.statusCode(), "a callback without the binding cookie: " + noCookie.body());
            HttpResponse<String> hostile = get(login.url().resolve("/callback?error=%3Cscript%3E&state=y"), null);
            assertFalse(hostile.body().contains("<script>"), hostile.body());
            assertEquals(404, get(login.url().resolve("/login-elsewhere"), null).statusCode(), "exact paths only");
            assertEquals(405, http.send(HttpRequest.newBuilder(login.url().resolve("/login"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
    }

    @Test
    void anEnterpriseIsShownWithItsTaxCodeInClearAndTechIdAsTheKey() throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start();
                Login.Running login = Login.start(sandbox, 0, false)) {
            HttpResponse<String> start = get(login.url().resolve("/login"), null);
            URI callback = sandbox.sso().login(start.headers().firstValue("Location").orElseThrow(),
                    SsoTestUser.ENTERPRISE);
            HttpResponse<String> done = get(callback, cookiePair(setCookie(start, LoginWebApp.BINDING_COOKIE)));
            assertEquals(303, done.statusCode(), done.body());
            String page = get(login.url().resolve("/me"), cookiePair(setCookie(done, LoginWebApp.SESSION_COOKIE)))
                    .body();
            assertTrue(page.contains("id=\"account-type\">ENTERPRISE (2)<"), page);
            assertTrue(page.contains("id=\"tax-code\">" + SsoTestUser.ENTERPRISE.claims().get("MaSoThue") + "<"), page);
            assertTrue(page.contains("id=\"account-key\">TechID:" + SsoTestUser.ENTERPRISE.claims().get("TechID")
                    + "<"), page);
            assertTrue(page.contains("id=\"ial\">-<"), "no VNeID level for an enterprise: " + page);
        }
    }

    @Test
    void theBindingCookieLivesAsLongAsTheClientsPendingLogin() throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start();
                LoginWebApp app = LoginWebApp.bind("127.0.0.1", 0)) {
            String redirectUri = app.baseUrl() + "/callback";
            sandbox.sso().registerClient("ttl-client", "ttl-secret", redirectUri);
            try (DvcqgOidcClient client = DvcqgOidcClient.builder()
                    .provider(OidcProvider.discover(sandbox.sso().issuer(), ClientSettings.defaults()))
                    .clientId("ttl-client").clientSecret(Secret.of("ttl-secret")).redirectUri(redirectUri)
                    .pendingLoginStore(InMemoryPendingLoginStore.builder().ttl(Duration.ofMinutes(4)).build())
                    .build()) {
                app.serve(client, "/callback");
                HttpResponse<String> start = get(URI.create(app.baseUrl() + "/login"), null);
                assertEquals(303, start.statusCode(), start.body());
                String cookie = setCookie(start, LoginWebApp.BINDING_COOKIE);
                assertTrue(cookie.endsWith("; Max-Age=240"), "LoginStart.maxAge(), not a fixed lifetime: " + cookie);
            }
        }
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        List<String> all = response.headers().allValues("Set-Cookie");
        return all.stream().filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + all));
    }

    private static String cookiePair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
