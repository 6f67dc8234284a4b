package vn.egov.sdk.spring.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.identity.IdTokenException;
import vn.egov.sdk.identity.IdentityPolicyException;
import vn.egov.sdk.identity.LoginCallbackException;
import vn.egov.sdk.identity.LoginProviderException;
import vn.egov.sdk.identity.LoginStateException;
import vn.egov.sdk.spring.identity.EgovSsoLoginException;

/**
 * A refused login as a short plain-text page (Vietnamese, then English) whose status says whose fault it was: 400 for
 * a broken, unknown, expired, replayed or foreign callback and a refused ID token, 403 when the user refused at the
 * SSO or the identity does not meet the policy, 502 when the provider failed, 504 for the network. The first line
 * names the kind ({@code login-state:ALREADY_USED}, {@code provider:access_denied}…); nothing the provider or the
 * browser sent is echoed. The binding cookie is expired: a new login starts afresh.
 */
public final class SsoFailureHandler implements AuthenticationFailureHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SsoFailureHandler.class);

    /** Creates the handler. */
    public SsoFailureHandler() {
        // stateless
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        BindingCookie.clear(request, response);
        Outcome outcome = exception instanceof EgovSsoLoginException sso ? outcome(sso.failure())
                : new Outcome(401, "login", "Đăng nhập không thành công.", "The login failed.");
        LOG.info("SSO login refused: {} ({})", outcome.kind, exception.getClass().getSimpleName());
        response.setStatus(outcome.status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = (outcome.kind + "\n" + outcome.vietnamese + "\n" + outcome.english + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The response for one of the SDK's refusals.
     *
     * @param e the refusal
     * @return the outcome
     */
    static Outcome outcome(EgovException e) {
        if (e instanceof LoginStateException state) {
            return switch (state.failure()) {
                case EXPIRED -> new Outcome(400, "login-state:EXPIRED",
                        "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.",
                        "The login took too long and expired; log in again.");
                case ALREADY_USED -> new Outcome(400, "login-state:ALREADY_USED",
                        "Phiên đăng nhập này đã được sử dụng.",
                        "This login was already completed (a replayed callback); log in again.");
                case BROWSER_MISMATCH, TAMPERED -> new Outcome(400, "login-state:" + state.failure(),
                        "Phiên đăng nhập không thuộc trình duyệt này.",
                        "The login was started in another browser, or its cookie was changed; log in again.");
                case UNKNOWN_STATE -> new Outcome(400, "login-state:UNKNOWN_STATE",
                        "Không tìm thấy phiên đăng nhập.", "No such login is waiting; log in again.");
            };
        }
        if (e instanceof LoginProviderException provider) {
            if (provider.accessDenied()) {
                return new Outcome(403, "provider:access_denied", "Bạn đã từ chối đăng nhập.",
                        "The login was refused at the national SSO.");
            }
            return new Outcome(status(e), "provider:" + safe(provider.error()),
                    "Cổng xác thực từ chối yêu cầu đăng nhập.", "The national SSO refused the login.");
        }
        if (e instanceof IdentityPolicyException) {
            return new Outcome(403, "identity-policy", "Tài khoản không đáp ứng yêu cầu của hệ thống.",
                    "This account does not meet the portal's requirements (for example its identity level).");
        }
        if (e instanceof IdTokenException token) {
            return new Outcome(status(e), "id-token:" + token.failure(), "Không xác thực được thông tin đăng nhập.",
                    "The login's ID token was refused.");
        }
        if (e instanceof LoginCallbackException) {
            return new Outcome(400, "callback", "Yêu cầu đăng nhập không hợp lệ.", "The login's callback is malformed.");
        }
        return new Outcome(status(e), "fault:" + e.fault(), "Đăng nhập không thành công.", "The login failed.");
    }

    private static int status(EgovException e) {
        return switch (e.fault()) {
            case CALLER, VERIFICATION -> 400;
            case COUNTERPARTY -> 403;
            case NETWORK -> 504;
            case PLATFORM -> 502;
        };
    }

    /** An OAuth error code, or a placeholder when it has characters an error code never has. */
    private static String safe(String code) {
        return code != null && code.matches("[A-Za-z0-9_.-]{1,64}") ? code : "other";
    }

    /** A status, a kind and the two messages. */
    record Outcome(int status, String kind, String vietnamese, String english) {
    }
}
