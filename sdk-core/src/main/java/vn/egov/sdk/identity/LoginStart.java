package vn.egov.sdk.identity;

import java.net.URI;
import java.time.Duration;

/**
 * The start of a login ({@link DvcqgOidcClient#startLogin(String)}): where to send the browser, and the
 * browser-binding value the application sets as a cookie so that only this browser can finish the login. Immutable;
 * {@link #toString()} shows neither the binding nor the state.
 *
 * <pre>{@code
 * LoginStart start = client.startLogin("/ho-so/cua-toi");
 * response.addHeader("Set-Cookie", start.setCookieHeader());
 * response.sendRedirect(start.authorizationUrl().toString());
 * }</pre>
 */
public final class LoginStart {
    /** The cookie name {@link #setCookieHeader()} uses. The {@code __Host-} prefix pins it to this host and path. */
    public static final String COOKIE_NAME = "__Host-egov-login";
    /** The cookie attributes recommended for the binding: sent only over HTTPS, not readable by scripts. */
    public static final String COOKIE_ATTRIBUTES = "Path=/; HttpOnly; Secure; SameSite=Lax";

    private final URI authorizationUrl;
    private final String state;
    private final String browserBinding;
    private final long maxAgeSeconds;

    LoginStart(URI authorizationUrl, String state, String browserBinding, long maxAgeSeconds) {
        this.authorizationUrl = authorizationUrl;
        this.state = state;
        this.browserBinding = browserBinding;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /**
     * The provider's authorization URL with every parameter of this login ({@code response_type=code},
     * {@code client_id}, {@code redirect_uri}, {@code scope}, {@code state}, {@code nonce}, {@code code_challenge}
     * with {@code S256}, {@code acr_values}). Redirect the browser there.
     *
     * @return the URL
     */
    public URI authorizationUrl() {
        return authorizationUrl;
    }

    /**
     * The random {@code state} of this login (also in the URL): what the callback must bring back.
     *
     * @return the state
     */
    public String state() {
        return state;
    }

    /**
     * The value the pending-login store returned: set it as a cookie ({@link #COOKIE_ATTRIBUTES}) and hand the
     * cookie's value to {@link DvcqgOidcClient#completeLogin(String, String)} at the callback.
     *
     * @return the binding; treat it like a session id
     */
    public String browserBinding() {
        return browserBinding;
    }

    /**
     * How long the pending login waits for its callback, and so the binding cookie's {@code Max-Age}: the lifetime of
     * the client's {@link CookiePendingLoginStore} or {@link InMemoryPendingLoginStore} (ten minutes by default, and
     * for a store of another kind). An application that sets the cookie itself takes its lifetime from here.
     *
     * @return the lifetime, positive
     */
    public Duration maxAge() {
        return Duration.ofSeconds(maxAgeSeconds);
    }

    /**
     * A complete {@code Set-Cookie} header value for the binding: {@link #COOKIE_NAME}, the value,
     * {@link #COOKIE_ATTRIBUTES} and a {@code Max-Age} of the pending login's lifetime ({@link #maxAge()}).
     * {@code SameSite=Lax} (not {@code Strict}) because the provider's redirect back is a cross-site top-level
     * navigation.
     *
     * @return the header value
     */
    public String setCookieHeader() {
        return COOKIE_NAME + "=" + browserBinding + "; " + COOKIE_ATTRIBUTES + "; Max-Age=" + maxAgeSeconds;
    }

    @Override
    public String toString() {
        return "LoginStart[authorizationUrl=" + authorizationUrl.getScheme() + "://"
                + authorizationUrl.getRawAuthority()
                + authorizationUrl.getRawPath() + "?…, state=****, browserBinding=****]";
    }
}
