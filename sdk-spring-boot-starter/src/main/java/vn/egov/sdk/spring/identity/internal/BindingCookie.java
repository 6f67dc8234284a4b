package vn.egov.sdk.spring.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.egov.sdk.identity.LoginStart;

/**
 * The cookie that binds a started login to the browser: {@value LoginStart#COOKIE_NAME} ({@code Path=/; HttpOnly;
 * Secure; SameSite=Lax}) on an https request, {@value #PLAIN_NAME} without {@code Secure} on plain http (a laptop,
 * a test), with the pending login's lifetime as {@code Max-Age}.
 */
public final class BindingCookie {
    /** The cookie's name on plain http, where a {@code __Host-} cookie cannot be set. */
    public static final String PLAIN_NAME = "egov-login";

    private BindingCookie() {
    }

    /**
     * Sets the cookie of a started login.
     *
     * @param request the request (its scheme decides the name and {@code Secure})
     * @param response the response
     * @param start the started login
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, LoginStart start) {
        if (request.isSecure()) {
            response.addHeader("Set-Cookie", start.setCookieHeader());
        } else {
            response.addHeader("Set-Cookie", PLAIN_NAME + "=" + start.browserBinding()
                    + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + start.maxAge().toSeconds());
        }
    }

    /**
     * The binding value the browser sent.
     *
     * @param request the callback
     * @return the value, or the empty string when there is none (the SDK refuses it as a browser mismatch)
     */
    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return "";
        }
        String name = request.isSecure() ? LoginStart.COOKIE_NAME : PLAIN_NAME;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null) {
                return cookie.getValue();
            }
        }
        return "";
    }

    /**
     * Expires the cookie: a login is completed or refused once.
     *
     * @param request the request
     * @param response the response
     */
    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", request.isSecure()
                ? LoginStart.COOKIE_NAME + "=; " + LoginStart.COOKIE_ATTRIBUTES + "; Max-Age=0"
                : PLAIN_NAME + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    }
}
