package vn.egov.sdk.spring.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Takes the provider's redirect back (a {@code GET} on the callback path) and authenticates it through the
 * {@link SsoAuthenticationProvider}; Spring Security's base filter then applies the session strategy (a new session
 * id: session fixation protection), saves the security context and calls the success or failure handler.
 */
public final class SsoCallbackFilter extends AbstractAuthenticationProcessingFilter {
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    /**
     * Creates the filter.
     *
     * @param callback which requests are callbacks
     */
    public SsoCallbackFilter(RequestMatcher callback) {
        super(callback);
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String query = request.getQueryString();
        SsoCallbackToken token = new SsoCallbackToken(query == null ? "" : query, BindingCookie.read(request));
        token.setDetails(details.buildDetails(request));
        return getAuthenticationManager().authenticate(token);
    }
}
