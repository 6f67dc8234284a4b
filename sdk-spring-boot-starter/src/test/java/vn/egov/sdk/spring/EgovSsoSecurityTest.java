package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoMisbehaviour;
import vn.egov.sdk.testkit.SsoSandbox;
import vn.egov.sdk.testkit.SsoTestUser;
import vn.egov.sdk.spring.identity.EgovCitizen;
import vn.egov.sdk.spring.identity.EgovSsoAuthentication;
import vn.egov.sdk.spring.identity.EgovSsoAutoConfiguration;
import vn.egov.sdk.spring.identity.EgovSsoConfigurer;

/**
 * A Spring Security web application with {@link EgovSsoConfigurer}, driven by MockMvc through the sandbox's national
 * SSO: the entry point, the provider's login (its test API answers the login page), the callback, the session, the
 * refusals and the logout.
 */
@ExtendWith(NationalSandboxExtension.class)
class EgovSsoSecurityTest {
    private static final String PLAIN_COOKIE = "egov-login";
    private static final String HOST_COOKIE = "__Host-egov-login";

    private static void app(NationalSandbox sandbox, Consumer<MockMvc> test, String... more) {
        app(sandbox, WebApp.class, test, more);
    }

    private static void app(NationalSandbox sandbox, Class<?> webApp, Consumer<MockMvc> test, String... more) {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EgovAxisAutoConfiguration.class,
                        EgovSsoAutoConfiguration.class))
                .withPropertyValues(EgovSsoAutoConfigurationTest.sandboxClient(sandbox, more))
                .withUserConfiguration(webApp)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    test.accept(mvc(context));
                });
    }

    private static MockMvc mvc(AssertableWebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** A started login: the session, the binding cookie and where the browser is sent. */
    private record Started(MockHttpSession session, String setCookie, Cookie binding, String authorizationUrl) {
    }

    private static Started start(MockMvc mvc, String path, boolean secure) {
        MvcResult r = perform(mvc, get(path).secure(secure));
        assertEquals(302, r.getResponse().getStatus(), "unauthenticated: sent to the SSO");
        String name = secure ? HOST_COOKIE : PLAIN_COOKIE;
        String setCookie = r.getResponse().getHeaders("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no binding cookie: "
                        + r.getResponse().getHeaders("Set-Cookie")));
        String value = setCookie.substring(name.length() + 1, setCookie.indexOf(';'));
        MockHttpSession session = (MockHttpSession) r.getRequest().getSession(false);
        return new Started(session == null ? new MockHttpSession() : session, setCookie, new Cookie(name, value),
                r.getResponse().getHeader("Location"));
    }

    private static MvcResult perform(MockMvc mvc, org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MvcResult callback(MockMvc mvc, URI callback, Started started, boolean secure) {
        return perform(mvc, get(callback).secure(secure).cookie(started.binding).session(started.session));
    }

    private static String body(MvcResult r) {
        try {
            return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCitizenIsSentToTheSsoLogsInAndIsTheTypedPrincipal(NationalSandbox sandbox) {
        app(sandbox, mvc -> {
            Started started = start(mvc, "/me?tab=ho-so", false);
            assertTrue(started.authorizationUrl.startsWith(sandbox.sso().issuer() + "/oauth2/authorize?"),
                    started.authorizationUrl);
            assertTrue(started.authorizationUrl.contains("code_challenge_method=S256")
                    && started.authorizationUrl.contains("nonce=") && started.authorizationUrl.contains("state="),
                    started.authorizationUrl);
            assertTrue(attributes(started.setCookie).containsAll(List.of("Path=/", "HttpOnly", "SameSite=Lax",
                    "Max-Age=600")) && !attributes(started.setCookie).contains("Secure"), started.setCookie);
            String sessionBefore = started.session.getId();

            URI callback = sandbox.sso().login(started.authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL2);
            assertEquals("/login/callback", callback.getPath());
            MvcResult done = callback(mvc, callback, started, false);
            assertEquals(303, done.getResponse().getStatus(), body(done));
            assertEquals("/me?tab=ho-so", done.getResponse().getHeader("Location"), "back where the login started");
            assertTrue(done.getResponse().getHeaders("Set-Cookie").stream().anyMatch(c -> c.startsWith(PLAIN_COOKIE
                    + "=;") && attributes(c).contains("Max-Age=0")), "the binding cookie is expired");
            assertNotEquals(sessionBefore, started.session.getId(), "a new session id: session fixation protection");

            SecurityContext saved = (SecurityContext) started.session
                    .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            EgovSsoAuthentication auth = assertInstanceOf(EgovSsoAuthentication.class, saved.getAuthentication());
            EgovCitizen citizen = auth.getPrincipal();
            String id = SsoTestUser.CITIZEN_VNEID_IAL2.claims().get("SoDinhDanh").toString();
            assertEquals(id, citizen.personalIdNumber().orElseThrow());
            assertTrue(citizen.accountKey().qualified().startsWith("TechID:"), citizen.accountKey().qualified());
            for (String shown : List.of(auth.toString(), citizen.toString(), String.valueOf(auth.getCredentials()))) {
                assertFalse(shown.contains(id), "no ID number in " + shown);
                assertFalse(shown.contains(auth.tokens().accessToken().reveal()), "no token in " + shown);
                assertFalse(shown.contains(auth.tokens().idToken().orElseThrow().reveal()), "no ID token in " + shown);
            }
            assertTrue(auth.getAuthorities().toString().contains("EGOV_ACCOUNT_CITIZEN")
                    && auth.getAuthorities().toString().contains("EGOV_IAL_2"), auth.getAuthorities().toString());

            MvcResult me = perform(mvc, get("/me?tab=ho-so").session(started.session));
            assertEquals(200, me.getResponse().getStatus(), body(me));
            assertEquals(citizen.getName() + "|CITIZEN|2|" + citizen.fullName().orElseThrow(), body(me));

            MvcResult replay = callback(mvc, callback, started, false);
            assertEquals(400, replay.getResponse().getStatus());
            assertTrue(body(replay).startsWith("login-state:ALREADY_USED\n"), body(replay));
        });
    }

    @Test
    void overHttpsTheCookieIsAHostCookieAndTheLoginCompletes(NationalSandbox sandbox) {
        app(sandbox, mvc -> {
            Started started = start(mvc, "/me", true);
            assertTrue(started.setCookie.startsWith(HOST_COOKIE + "=") && attributes(started.setCookie).containsAll(
                    List.of("Path=/", "HttpOnly", "Secure", "SameSite=Lax", "Max-Age=600")), started.setCookie);
            URI callback = sandbox.sso().login(started.authorizationUrl, SsoTestUser.ENTERPRISE);
            MvcResult done = callback(mvc, callback, started, true);
            assertEquals(303, done.getResponse().getStatus(), body(done));
            MvcResult me = perform(mvc, get("/me").secure(true).session(started.session));
            assertTrue(body(me).contains("|ENTERPRISE|"), body(me));
        });
    }

    @Test
    void aTamperedStateAnotherBrowserAndADenialAreRefusedByKind(NationalSandbox sandbox) {
        app(sandbox, mvc -> {
            Started started = start(mvc, "/me", false);
            URI callback = sandbox.sso().login(started.authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL1);
            String state = query(callback, "state");
            URI tampered = URI.create(callback.toString().replace("state=" + state, "state=" + "A" + state.substring(1)));
            MvcResult r = callback(mvc, tampered, started, false);
            assertEquals(400, r.getResponse().getStatus());
            assertTrue(body(r).startsWith("login-state:UNKNOWN_STATE\n"), body(r));
            assertEquals("text/plain;charset=UTF-8", r.getResponse().getContentType());
            assertTrue(r.getResponse().getHeaders("Set-Cookie").stream().anyMatch(c -> c.contains("Max-Age=0")));
            assertEquals(null, started.session.getAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY), "not logged in");

            MvcResult otherBrowser = perform(mvc, get(callback).cookie(new Cookie(PLAIN_COOKIE, "someone-else")));
            assertEquals(400, otherBrowser.getResponse().getStatus());
            assertTrue(body(otherBrowser).startsWith("login-state:BROWSER_MISMATCH\n"), body(otherBrowser));

            Started denied = start(mvc, "/me", false);
            MvcResult refused = callback(mvc, sandbox.sso().deny(denied.authorizationUrl), denied, false);
            assertEquals(403, refused.getResponse().getStatus());
            assertTrue(body(refused).startsWith("provider:access_denied\n"), body(refused));

            Started badToken = start(mvc, "/me", false);
            sandbox.sso().nextIdToken(SsoMisbehaviour.WRONG_NONCE);
            MvcResult wrongNonce = callback(mvc, sandbox.sso().login(badToken.authorizationUrl,
                    SsoTestUser.CITIZEN_VNEID_IAL2), badToken, false);
            assertEquals(400, wrongNonce.getResponse().getStatus());
            assertTrue(body(wrongNonce).startsWith("id-token:WRONG_NONCE\n"), body(wrongNonce));
        });
    }

    @Test
    void anExpiredLoginTheProvidersFailureAndTheNetworkHaveTheirOwnAnswers(NationalSandbox sandbox) {
        app(sandbox, mvc -> {
            Started late = start(mvc, "/me", false);
            URI callback = sandbox.sso().login(late.authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL2);
            try {
                Thread.sleep(1300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            MvcResult expired = callback(mvc, callback, late, false);
            assertEquals(400, expired.getResponse().getStatus());
            assertTrue(body(expired).startsWith("login-state:EXPIRED\n"), body(expired));

            Started failing = start(mvc, "/me", false);
            sandbox.faults().on("/sso/oauth2/token").times(1).status(503);
            MvcResult platform = callback(mvc, sandbox.sso().login(failing.authorizationUrl,
                    SsoTestUser.CITIZEN_VNEID_IAL2), failing, false);
            assertEquals(502, platform.getResponse().getStatus(), body(platform));

            Started slow = start(mvc, "/me", false);
            sandbox.faults().on("/sso/oauth2/token").times(1).delay(Duration.ofSeconds(5));
            MvcResult network = callback(mvc, sandbox.sso().login(slow.authorizationUrl,
                    SsoTestUser.CITIZEN_VNEID_IAL2), slow, false);
            assertEquals(504, network.getResponse().getStatus(), body(network));
            assertTrue(body(network).startsWith("fault:NETWORK\n"), body(network));
        }, "egov.sso.pending-login-ttl=1s", "egov.sso.read-timeout=2s", "egov.sso.deadline=3s");
    }

    @Test
    void logoutEndsTheLocalSessionAndTheProvidersSession(NationalSandbox sandbox) throws Exception {
        app(sandbox, mvc -> {
            Started started = start(mvc, "/me", false);
            int before = sandbox.sso().activeSessions();
            MvcResult done = callback(mvc, sandbox.sso().login(started.authorizationUrl,
                    SsoTestUser.CITIZEN_VNEID_IAL2), started, false);
            assertEquals(303, done.getResponse().getStatus(), body(done));
            assertEquals(before + 1, sandbox.sso().activeSessions());

            MvcResult out = perform(mvc, post("/logout").with(csrf()).session(started.session));
            assertEquals(303, out.getResponse().getStatus(), body(out));
            String location = out.getResponse().getHeader("Location");
            assertTrue(location.startsWith(sandbox.sso().issuer() + "/oidc/logout?") && location.contains("id_token_hint=")
                    && location.contains("post_logout_redirect_uri="), location);
            assertTrue(started.session.isInvalid(), "the local session is invalidated");
            assertEquals(302, perform(mvc, get("/me").session(started.session)).getResponse().getStatus(),
                    "logged out: sent to the SSO again");

            HttpResponse<String> provider = send(location);
            assertEquals(302, provider.statusCode(), provider.body());
            assertEquals(SsoSandbox.DEFAULT_POST_LOGOUT_REDIRECT_URI,
                    provider.headers().firstValue("Location").orElseThrow().split("\\?")[0]);
            assertEquals(before, sandbox.sso().activeSessions(), "the provider's session ended");
        }, "egov.sso.post-logout-redirect-uri=" + SsoSandbox.DEFAULT_POST_LOGOUT_REDIRECT_URI);
    }

    @Test
    void theApplicationsOwnFailureHandlerAndLogoutAreKept(NationalSandbox sandbox) {
        app(sandbox, OwnHandlersApp.class, mvc -> {
            Started started = start(mvc, "/me", false);
            URI callback = sandbox.sso().login(started.authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL2);
            assertEquals(303, callback(mvc, callback, started, false).getResponse().getStatus());
            MvcResult replay = callback(mvc, callback, started, false);
            assertEquals(409, replay.getResponse().getStatus());
            assertEquals("ALREADY_USED", replay.getResponse().getHeader("X-Refused"));
            MvcResult out = perform(mvc, post("/logout").with(csrf()).session(started.session));
            assertEquals("/bye", out.getResponse().getHeader("Location"), "the provider's logout is left out");
        });
    }

    @Test
    void theConfigurerWithoutALoginClientNamesTheProperty() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(EgovSsoAutoConfiguration.class))
                .withUserConfiguration(WebApp.class)
                .run(context -> {
                    assertNotNull(context.getStartupFailure());
                    String m = StarterTestSupport.messages(context.getStartupFailure());
                    assertTrue(m.contains("EgovSsoConfigurer needs a DvcqgOidcClient: set egov.sso.client-id"), m);
                });
    }

    /** A Set-Cookie header's attributes (MockMvc writes them in its own order, with an Expires). */
    private static List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(String::strip).toList();
    }

    private static String query(URI uri, String name) {
        for (String part : uri.getRawQuery().split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    private static HttpResponse<String> send(String url) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The vendor's application: every page needs a login, through the national SSO. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableWebSecurity
    static class WebApp {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .with(EgovSsoConfigurer.egovSso(), Customizer.withDefaults());
            return http.build();
        }

        @Bean
        MeController me() {
            return new MeController();
        }
    }

    /** An application with its own failure handler and logout, and the callback path named in code. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableWebSecurity
    static class OwnHandlersApp {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .logout(l -> l.logoutSuccessUrl("/bye"))
                    .with(EgovSsoConfigurer.egovSso(), sso -> sso.callbackPath("/login/callback")
                            .providerLogout(false)
                            .failureHandler((request, response, e) -> {
                                vn.egov.sdk.identity.LoginStateException state = assertInstanceOf(
                                        vn.egov.sdk.identity.LoginStateException.class,
                                        ((vn.egov.sdk.spring.identity.EgovSsoLoginException) e).failure());
                                response.setHeader("X-Refused", state.failure().name());
                                response.setStatus(409);
                            }));
            return http.build();
        }

        @Bean
        MeController me() {
            return new MeController();
        }
    }

    /** Shows the principal. */
    @RestController
    static class MeController {
        @GetMapping(value = "/me", produces = "text/plain;charset=UTF-8")
        String me(@AuthenticationPrincipal EgovCitizen citizen) {
            return citizen.getName() + "|" + citizen.accountType().name() + "|"
                    + (citizen.ial().isPresent() ? citizen.ial().getAsInt() : "-") + "|"
                    + citizen.fullName().orElse("-");
        }
    }
}
