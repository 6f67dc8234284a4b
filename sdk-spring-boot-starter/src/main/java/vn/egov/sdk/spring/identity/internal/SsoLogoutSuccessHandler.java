package vn.egov.sdk.spring.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.spring.identity.EgovSsoAuthentication;

/**
 * After the local logout (session invalidated, context cleared): for an SSO login, when the provider has an
 * end-session endpoint or a logout URL template, sends the browser there with the login's ID token as
 * {@code id_token_hint} and the configured post-logout redirect URI; otherwise back to the application's root.
 */
public final class SsoLogoutSuccessHandler implements LogoutSuccessHandler {
    private final DvcqgOidcClient client;
    private final URI postLogoutRedirect;

    /**
     * Creates the handler.
     *
     * @param client the login client
     * @param postLogoutRedirect where the provider sends the browser back, or {@code null}
     */
    public SsoLogoutSuccessHandler(DvcqgOidcClient client, URI postLogoutRedirect) {
        this.client = client;
        this.postLogoutRedirect = postLogoutRedirect;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        String target = request.getContextPath() + "/";
        boolean providerLogout = client.provider().endSessionEndpoint().isPresent()
                || client.provider().logoutUrlTemplate().isPresent();
        if (providerLogout && authentication instanceof EgovSsoAuthentication sso) {
            String hint = sso.tokens().idToken().map(Secret::reveal).orElse(null);
            target = client.logoutUrl(hint, postLogoutRedirect, null).toString();
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Location", target);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    }
}
