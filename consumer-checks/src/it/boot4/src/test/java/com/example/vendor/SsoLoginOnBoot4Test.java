package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.config.Customizer.withDefaults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.sdk.spring.identity.EgovCitizen;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.spring.identity.EgovSsoConfigurer;
import vn.egov.sdk.spring.identity.EgovSsoLoginException;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The SSO login's Spring Security integration on Boot 4.0 (Spring Security 7, Spring MVC 7, Servlet 6.1): a vendor's
 * web application on Boot's embedded Tomcat, driven over HTTP by a cookie-keeping client through the sandbox's SSO.
 */
@ExtendWith(NationalSandboxExtension.class)
class SsoLoginOnBoot4Test {

    /** The vendor's application: every page needs a login, through the national SSO. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WebApp {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .with(EgovSsoConfigurer.egovSso(), withDefaults());
            return http.build();
        }

        @Bean
        MeController me() {
            return new MeController();
        }
    }

    /** An application with its own failure handler and logout, and the callback path named in code. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class OwnHandlersApp {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .logout(l -> l.logoutSuccessUrl("/bye"))
                    .with(EgovSsoConfigurer.egovSso(), sso -> sso.callbackPath("/login/callback")
                            .providerLogout(false)
                            .failureHandler((request, response, e) -> {
                                LoginStateException state = (LoginStateException) ((EgovSsoLoginException) e)
                                        .failure();
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

    /** Shows the principal, and the CSRF token a logout form would carry. */
    @RestController
    static class MeController {
        @GetMapping(value = "/me", produces = "text/plain;charset=UTF-8")
        String me(@AuthenticationPrincipal EgovCitizen citizen, Authentication authentication) {
            return authentication.getClass().getSimpleName() + "|" + citizen.getName() + "|"
                    + citizen.accountType().name() + "|" + (citizen.ial().isPresent() ? citizen.ial().getAsInt() : "-")
                    + "|" + citizen.personalIdNumber().orElse("-");
        }

        @GetMapping(value = "/csrf", produces = "text/plain;charset=UTF-8")
        String csrf(CsrfToken token) {
            return token.getParameterName() + "=" + token.getToken();
        }
    }

    /**
     * A browser: keeps the cookies the application sets (by name, as RFC 6265 sends them back), follows no redirect.
     * (java.net.CookieManager would send a cookie set with Max-Age back quoted, as an RFC 2965 cookie.)
     */
    private static final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<String> setCookies = new ArrayList<>();
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> postForm(String url, String form) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        String cookie(String name) {
            return cookies.get(name);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            headers.forEach(request::header);
            if (!cookies.isEmpty()) {
                StringJoiner header = new StringJoiner("; ");
                cookies.forEach((name, value) -> header.add(name + "=" + value));
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                setCookies.add(setCookie);
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('=')).strip();
                String value = pair.substring(pair.indexOf('=') + 1).strip();
                if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    private static ConfigurableApplicationContext start(NationalSandbox sandbox) {
        return start(sandbox, WebApp.class);
    }

    private static ConfigurableApplicationContext start(NationalSandbox sandbox, Class<?> app, String... more) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF)
                .properties(more).properties("server.port=0", "server.address=127.0.0.1",
                        "egov.sso.issuer=" + sandbox.sso().issuer(),
                        "egov.sso.client-id=" + SsoSandbox.DEFAULT_CLIENT_ID,
                        "egov.sso.client-secret=" + SsoSandbox.DEFAULT_CLIENT_SECRET,
                        "egov.sso.redirect-uri=" + SsoSandbox.DEFAULT_REDIRECT_URI,
                        "egov.sso.post-logout-redirect-uri=" + SsoSandbox.DEFAULT_POST_LOGOUT_REDIRECT_URI)
                .run();
    }

    private static String base(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        assertNotNull(port, "Boot's embedded server started");
        return "http://127.0.0.1:" + port;
    }

    /** The callback the SSO sent the browser to (the registered redirect URI), on this application's server. */
    private static String here(String base, URI callback) {
        return base + callback.getRawPath() + "?" + callback.getRawQuery();
    }

    @Test
    void aCitizenIsSentToTheSsoLogsInIsTheTypedPrincipalAndLogsOut(NationalSandbox sandbox) {
        try (ConfigurableApplicationContext context = start(sandbox)) {
            String base = base(context);
            Browser browser = new Browser();

            HttpResponse<String> first = browser.get(base + "/me?tab=ho-so");
            assertEquals(302, first.statusCode(), "unauthenticated: sent to the SSO");
            String authorizationUrl = first.headers().firstValue("Location").orElseThrow();
            assertTrue(authorizationUrl.startsWith(sandbox.sso().issuer() + "/oauth2/authorize?")
                    && authorizationUrl.contains("code_challenge_method=S256"), authorizationUrl);
            assertNotNull(browser.cookie("egov-login"), "the browser binding cookie: " + first.headers().map());
            String sessionBefore = browser.cookie("JSESSIONID");

            URI callback = sandbox.sso().login(authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL2);
            HttpResponse<String> done = browser.get(here(base, callback));
            assertEquals(303, done.statusCode(), done.body());
            assertEquals("/me?tab=ho-so", done.headers().firstValue("Location").orElseThrow(),
                    "back where the login started");
            assertNotEquals(sessionBefore, browser.cookie("JSESSIONID"), "a new session: session fixation protection");

            HttpResponse<String> me = browser.get(base + "/me?tab=ho-so");
            assertEquals(200, me.statusCode(), me.body());
            String id = SsoTestUser.CITIZEN_VNEID_IAL2.claims().get("SoDinhDanh").toString();
            assertTrue(me.body().startsWith("EgovSsoAuthentication|") && me.body().endsWith("|CITIZEN|2|" + id),
                    me.body());

            HttpResponse<String> replay = browser.get(here(base, callback));
            assertEquals(400, replay.statusCode());
            assertTrue(replay.body().startsWith("login-state:ALREADY_USED\n"), replay.body());

            int sessions = sandbox.sso().activeSessions();
            String csrf = browser.get(base + "/csrf").body();
            HttpResponse<String> out = browser.postForm(base + "/logout", csrf);
            assertEquals(303, out.statusCode(), out.body());
            String location = out.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith(sandbox.sso().issuer() + "/oidc/logout?")
                    && location.contains("id_token_hint="), location);
            assertEquals(302, browser.get(base + "/me").statusCode(), "logged out: sent to the SSO again");
            HttpResponse<String> provider = browser.get(location);
            assertEquals(302, provider.statusCode(), provider.body());
            assertEquals(sessions - 1, sandbox.sso().activeSessions(), "the provider's session ended");
        }
    }

    @Test
    void aTamperedStateAndADenialAreRefusedByKind(NationalSandbox sandbox) {
        try (ConfigurableApplicationContext context = start(sandbox)) {
            String base = base(context);
            Browser browser = new Browser();
            String authorizationUrl = browser.get(base + "/me").headers().firstValue("Location").orElseThrow();
            URI callback = sandbox.sso().login(authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL1);
            String genuine = here(base, callback);
            int at = genuine.indexOf("state=") + "state=".length();
            String tampered = genuine.substring(0, at) + (genuine.charAt(at) == 'A' ? 'B' : 'A')
                    + genuine.substring(at + 1);
            assertNotEquals(genuine, tampered);
            HttpResponse<String> refused = browser.get(tampered);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().startsWith("login-state:UNKNOWN_STATE\n"), refused.body());
            assertEquals(302, browser.get(base + "/me").statusCode(), "not logged in");

            Browser other = new Browser();
            String denied = other.get(base + "/me").headers().firstValue("Location").orElseThrow();
            HttpResponse<String> deny = other.get(here(base, sandbox.sso().deny(denied)));
            assertEquals(403, deny.statusCode());
            assertTrue(deny.body().startsWith("provider:access_denied\n"), deny.body());
        }
    }

    @Test
    void theApplicationsOwnFailureHandlerAndLogoutAreKept(NationalSandbox sandbox) {
        try (ConfigurableApplicationContext context = start(sandbox, OwnHandlersApp.class)) {
            String base = base(context);
            Browser browser = new Browser();
            String authorizationUrl = browser.get(base + "/me").headers().firstValue("Location").orElseThrow();
            URI callback = sandbox.sso().login(authorizationUrl, SsoTestUser.CITIZEN_VNEID_IAL2);
            assertEquals(303, browser.get(here(base, callback)).statusCode());
            HttpResponse<String> replay = browser.get(here(base, callback));
            assertEquals(409, replay.statusCode(), replay.body());
            assertEquals("ALREADY_USED", replay.headers().firstValue("X-Refused").orElseThrow());

            HttpResponse<String> out = browser.postForm(base + "/logout", browser.get(base + "/csrf").body());
            assertEquals(302, out.statusCode(), out.body());
            assertTrue(out.headers().firstValue("Location").orElseThrow().endsWith("/bye"),
                    "the provider's logout is left out: " + out.headers().map());
        }
    }

    @Test
    void behindATlsTerminatingProxyTheBindingCookieIsAHostCookie(NationalSandbox sandbox) {
        try (ConfigurableApplicationContext context = start(sandbox, WebApp.class,
                "server.forward-headers-strategy=native")) {
            String base = base(context);
            Browser browser = new Browser();
            browser.headers.put("X-Forwarded-Proto", "https");
            HttpResponse<String> first = browser.get(base + "/me");
            assertEquals(302, first.statusCode());
            String binding = browser.setCookies.stream().filter(c -> c.startsWith("__Host-egov-login="))
                    .findFirst().orElseThrow(() -> new AssertionError(browser.setCookies.toString()));
            List<String> attributes = Arrays.stream(binding.split(";")).skip(1).map(String::strip).toList();
            assertTrue(attributes.containsAll(List.of("Path=/", "HttpOnly", "Secure", "SameSite=Lax")), binding);
            assertNull(browser.cookie("egov-login"), "no plain-http cookie");

            URI callback = sandbox.sso().login(first.headers().firstValue("Location").orElseThrow(),
                    SsoTestUser.ENTERPRISE);
            HttpResponse<String> done = browser.get(here(base, callback));
            assertEquals(303, done.statusCode(), done.body());
            HttpResponse<String> me = browser.get(base + "/me");
            assertTrue(me.body().contains("|ENTERPRISE|"), me.body());
        }
    }
}
