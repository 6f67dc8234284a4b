package vn.egov.sdk.spring.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import vn.egov.sdk.spring.identity.EgovSsoAuthentication;

/** After a login: expires the binding cookie and sends the browser back where the login started (303). */
public final class SsoSuccessHandler implements AuthenticationSuccessHandler {
    /** Creates the handler. */
    public SsoSuccessHandler() {
        // stateless
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        BindingCookie.clear(request, response);
        String target = authentication instanceof EgovSsoAuthentication sso ? sso.returnPath()
                : request.getContextPath() + "/";
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Location", target);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    }
}
