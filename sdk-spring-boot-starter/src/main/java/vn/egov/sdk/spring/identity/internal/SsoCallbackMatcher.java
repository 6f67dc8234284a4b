package vn.egov.sdk.spring.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** A {@code GET} on exactly the callback path (the redirect URI's path, context path included). */
public final class SsoCallbackMatcher implements RequestMatcher {
    private final String path;

    /**
     * Creates the matcher.
     *
     * @param path the callback's path as the request sees it
     */
    public SsoCallbackMatcher(String path) {
        this.path = path;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && path.equals(request.getRequestURI());
    }

    @Override
    public String toString() {
        return "SsoCallbackMatcher[GET " + path + "]";
    }
}
