package vn.egov.sdk.spring.identity;

import org.springframework.security.core.AuthenticationException;
import vn.egov.sdk.core.EgovException;

/**
 * A national SSO login refused at its callback, as Spring Security sees it: the cause is the SDK's typed error
 * ({@code LoginStateException} for an unknown, expired, replayed or foreign login, {@code LoginProviderException}
 * for the provider's refusal, {@code IdTokenException}, {@code IdentityPolicyException}…). The message is the
 * SDK's, which holds no token, code or ID number.
 */
public final class EgovSsoLoginException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps the SDK's refusal.
     *
     * @param failure the SDK's typed error
     */
    public EgovSsoLoginException(EgovException failure) {
        super(failure.getMessage(), failure);
    }

    /**
     * The SDK's typed error.
     *
     * @return the error; its {@code fault()} says where to look first
     */
    public EgovException failure() {
        return (EgovException) getCause();
    }
}
