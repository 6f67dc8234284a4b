package vn.egov.sdk.spring.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.LoginStart;

/**
 * Starts a login at the SSO for a request that needs one: the SDK makes the state, nonce and PKCE verifier and
 * keeps them with the return path (the request's own path and query for a {@code GET}, the application's root
 * otherwise) in its pending-login store; the browser gets the binding cookie and is sent to the provider.
 */
public final class SsoEntryPoint implements AuthenticationEntryPoint {
    private final DvcqgOidcClient client;

    /**
     * Creates the entry point.
     *
     * @param client the login client
     */
    public SsoEntryPoint(DvcqgOidcClient client) {
        this.client = client;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) {
        String root = request.getContextPath() + "/";
        String returnPath = root;
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            returnPath = request.getRequestURI() + (query == null ? "" : "?" + query);
        }
        LoginStart start;
        try {
            start = client.startLogin(returnPath);
        } catch (ValidationException e) {
            // a path the return-path policy refuses (too long, odd characters): come back to the root instead
            start = client.startLogin(root);
        }
        BindingCookie.write(request, response, start);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Location", start.authorizationUrl().toString());
        response.setStatus(HttpServletResponse.SC_FOUND);
    }
}
