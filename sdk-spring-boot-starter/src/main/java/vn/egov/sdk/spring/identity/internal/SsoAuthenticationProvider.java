package vn.egov.sdk.spring.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.spring.identity.EgovSsoAuthentication;
import vn.egov.sdk.spring.identity.EgovSsoLoginException;

/**
 * Completes a login through the SDK (state, browser binding, code exchange, ID token, userinfo, identity policy) and
 * turns its typed refusals into {@link EgovSsoLoginException}s.
 */
public final class SsoAuthenticationProvider implements AuthenticationProvider {
    private final DvcqgOidcClient client;

    /**
     * Creates the provider.
     *
     * @param client the login client
     */
    public SsoAuthenticationProvider(DvcqgOidcClient client) {
        this.client = client;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SsoCallbackToken callback = (SsoCallbackToken) authentication;
        LoginResult login;
        try {
            login = client.completeLogin(callback.query(), callback.binding());
        } catch (EgovException e) {
            throw new EgovSsoLoginException(e);
        }
        return new EgovSsoAuthentication(login, callback.getDetails());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SsoCallbackToken.class.isAssignableFrom(authentication);
    }
}
