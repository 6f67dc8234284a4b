package vn.egov.sdk.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.identity.LoginProviderException.Stage;
import vn.egov.sdk.identity.internal.OAuthErrorMapper;

/**
 * The login client's calls to the provider: code exchange and refresh (never repeated once they may have reached the
 * provider: a code and a rotating refresh token work once), userinfo (GET, repeated on failure), introspection and
 * token validation (declared idempotent). Errors are {@link LoginProviderException}s.
 */
final class ProviderCalls implements AutoCloseable {
    private static final ClientSettings DEFAULTS = ClientSettings.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(10))
            .writeTimeout(Duration.ofSeconds(10))
            .deadline(Duration.ofSeconds(30))
            .retryPolicy(RetryPolicy.defaults())
            .maxResponseBytes(256L * 1024)
            .build();

    private final OidcProvider provider;
    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuthMethod method;
    private final HttpRuntime http;
    private final Clock clock;

    ProviderCalls(OidcProvider provider, String clientId, Secret clientSecret, ClientAuthMethod method,
            ClientSettings settings, Clock clock) {
        this.provider = provider;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.method = method;
        this.clock = clock;
        this.http = HttpRuntime.builder().settings(settings.orElse(DEFAULTS))
                .errorMapper(new OAuthErrorMapper(this::stageOf))
                .generateIdempotencyKeys(false)
                .build();
    }

    private Stage stageOf(ApiRequest request) {
        String url = request.url().toString();
        if (url.startsWith(provider.tokenEndpoint().toString())) {
            return Stage.TOKEN;
        }
        if (provider.introspectionEndpoint().map(u -> url.startsWith(u.toString())).orElse(false)) {
            return Stage.INTROSPECTION;
        }
        if (provider.validateTokenEndpoint().map(u -> url.startsWith(u.toString())).orElse(false)) {
            return Stage.VALIDATE_TOKEN;
        }
        return Stage.USERINFO;
    }

    TokenSet exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return TokenResponses.tokens(http.execute(authenticated(provider.tokenEndpoint(), form, false)),
                clock.instant());
    }

    TokenSet refresh(Secret refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        return TokenResponses.tokens(http.execute(authenticated(provider.tokenEndpoint(), form, false)),
                clock.instant());
    }

    byte[] userInfo(Secret accessToken) {
        ApiRequest request = ApiRequest.builder("GET", provider.userInfoEndpoint().toString())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken.reveal())
                .build();
        return http.execute(request).body();
    }

    TokenIntrospection introspect(Secret token) {
        URI endpoint = provider.introspectionEndpoint().orElseThrow(() -> ValidationException.of(
                "provider.introspection", "DvcqgOidcClient.provider.introspectionEndpoint", "the provider has no "
                        + "introspection endpoint; configure one on the OidcProvider"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.reveal());
        return TokenResponses.introspection(http.execute(authenticated(endpoint, form, true)), "introspection");
    }

    TokenIntrospection validateToken(Secret accessToken) {
        URI endpoint = provider.validateTokenEndpoint().orElseThrow(() -> ValidationException.of(
                "provider.validateToken", "DvcqgOidcClient.provider.validateTokenEndpoint", "the provider has no "
                        + "token-validation endpoint; configure one on the OidcProvider"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", accessToken.reveal());
        form.put("state", "0");
        ApiRequest request = ApiRequest.builder("POST", endpoint.toString()).idempotent(true)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken.reveal())
                .body(HttpBody.form(form)).build();
        return TokenResponses.introspection(http.execute(request), "token-validation");
    }

    private ApiRequest authenticated(URI endpoint, Map<String, String> form, boolean idempotent) {
        ApiRequest.Builder req = ApiRequest.builder("POST", endpoint.toString()).idempotent(idempotent)
                .header("Accept", "application/json");
        if (method == ClientAuthMethod.CLIENT_SECRET_BASIC) {
            String pair = formEncode(clientId) + ":" + formEncode(clientSecret.reveal());
            req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret.reveal());
        }
        return req.body(HttpBody.form(form)).build();
    }

    private static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
