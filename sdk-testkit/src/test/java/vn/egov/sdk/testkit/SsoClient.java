package vn.egov.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain relying party for the SSO simulator's tests: JDK HttpClient, no redirects followed, ID tokens checked with
 * Nimbus directly (never with the SDK's identity code).
 */
final class SsoClient {

    static final String REDIRECT = "http://127.0.0.1:9/rp/callback";
    private static final Pattern SESSION_KEY = Pattern.compile("name=\"sessionDataKey\" value=\"([^\"]+)\"");

    private final NationalSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String clientId;
    final String secret;
    String state;
    String nonce;
    String verifier;

    SsoClient(NationalSandbox sandbox, String clientId, String secret) {
        this.sandbox = sandbox;
        this.clientId = clientId;
        this.secret = secret;
        sandbox.sso().registerClient(clientId, secret, REDIRECT);
    }

    /** A fresh authorization URL with state, nonce and PKCE S256, plus {@code extra} raw query text. */
    String authorizationUrl(String extra) {
        state = random();
        nonce = random();
        verifier = random() + random();
        return sandbox.sso().issuer() + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(REDIRECT) + "&scope=openid&acr_values=LoA1&state=" + state + "&nonce="
                + nonce + "&code_challenge=" + s256(verifier) + "&code_challenge_method=S256" + extra;
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> postForm(String url, String form, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    /** Shows the login page for a URL and presses the button of {@code user}: the Location the page redirects to. */
    URI loginThroughPage(String authorizationUrl, String userKey) {
        HttpResponse<String> page = get(authorizationUrl);
        if (page.statusCode() != 200) {
            throw new AssertionError("login page: " + page.statusCode() + " " + page.body());
        }
        HttpResponse<String> done = postForm(sandbox.baseUrl() + "/sso/commonauth", "sessionDataKey="
                + enc(sessionKey(page.body())) + "&consent=yes&user=" + enc(userKey), null);
        if (done.statusCode() != 302) {
            throw new AssertionError("login: " + done.statusCode() + " " + done.body());
        }
        return URI.create(done.headers().firstValue("Location").orElseThrow());
    }

    static String sessionKey(String html) {
        Matcher m = SESSION_KEY.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no sessionDataKey in " + html);
        }
        return m.group(1);
    }

    /** Exchanges a code with client_secret_post or client_secret_basic. */
    HttpResponse<String> exchange(String code, String codeVerifier, boolean basic) {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT)
                + (codeVerifier == null ? "" : "&code_verifier=" + enc(codeVerifier));
        return tokenRequest(form, basic);
    }

    HttpResponse<String> tokenRequest(String form, boolean basic) {
        if (basic) {
            return postForm(sandbox.sso().issuer() + "/oauth2/token", form, basic(clientId, secret));
        }
        return postForm(sandbox.sso().issuer() + "/oauth2/token", form + "&client_id=" + enc(clientId)
                + "&client_secret=" + enc(secret), null);
    }

    /** Logs in through the test API and exchanges the code: the token response as JSON. */
    JsonNode loginAndExchange(SsoTestUser user) {
        URI location = sandbox.sso().login(authorizationUrl(""), user);
        HttpResponse<String> tokens = exchange(query(location).get("code"), verifier, false);
        if (tokens.statusCode() != 200) {
            throw new AssertionError("token: " + tokens.statusCode() + " " + tokens.body());
        }
        return SandboxHttp.json(tokens);
    }

    /** Verifies an ID token with Nimbus against the JWKS served over HTTP: RS256, iss, aud, exp, nonce. */
    JWTClaimsSet verify(String idToken, String expectedNonce) throws Exception {
        JWKSet jwks = JWKSet.parse(get(sandbox.sso().jwksUrl()).body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(sandbox.sso().issuer()).audience(clientId)
                .claim("nonce", expectedNonce).build();
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(exact,
                Set.of("sub", "iat", "exp", "auth_time"));
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
        return processor.process(idToken, null);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(id) + ':' + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return SandboxHttp.send(http, request);
    }
}
