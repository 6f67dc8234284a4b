package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The SSO simulator's HTML: the login page (Vietnamese and English labels, stable element ids for browser tests),
 * error pages and the logged-out page. Everything taken from a request is HTML-escaped.
 *
 * <p>Login page ids: form {@code login-form} (posts to {@code /sso/commonauth}); one button {@code user-<key>} per
 * test user; the custom form's fields {@code custom-type}, {@code custom-name}, {@code custom-id},
 * {@code custom-techid}, {@code custom-ial} and its button {@code login-custom}; the consent checkbox {@code consent}
 * (ticked by default); the deny button {@code deny}; {@code client-id}, {@code scope} and {@code error} for what the
 * page shows.
 */
public final class SsoPages {

    /** Where the login form posts. */
    public static final String COMMONAUTH_PATH = "/sso/commonauth";

    private SsoPages() {
    }

    /**
     * The login page for a waiting authorization request.
     *
     * @param request the request
     * @param users the predefined test users, one button each
     * @param error a message to show above the form, empty for none
     * @return the page (200, or 400 when an error is shown)
     */
    public static SimResponse login(SsoState.AuthRequest request, List<SsoTestUser> users, String error) {
        StringBuilder buttons = new StringBuilder();
        for (SsoTestUser u : users) {
            buttons.append("<li><button type=\"submit\" name=\"user\" id=\"user-").append(u.key())
                    .append("\" value=\"").append(u.key()).append("\">").append(escape(u.label())).append(" — ")
                    .append(escape(u.fullName())).append("</button></li>");
        }
        String body = head("Đăng nhập / Log in")
                + "<h1>Cổng Dịch vụ công quốc gia — Đăng nhập (sandbox)</h1>"
                + "<p>National public-service portal — log in (sandbox; every user here is fictional)</p>"
                + "<p>Ứng dụng / Application: <code id=\"client-id\">" + escape(request.clientId()) + "</code>"
                + " yêu cầu / asks for: <code id=\"scope\">" + escape(request.scope()) + "</code>"
                + " mức / level: <code id=\"acr\">" + escape(request.acr()) + "</code></p>"
                + (error.isEmpty() ? "" : "<p id=\"error\" role=\"alert\">" + escape(error) + "</p>")
                + "<form id=\"login-form\" method=\"post\" action=\"" + COMMONAUTH_PATH + "\">"
                + "<input type=\"hidden\" name=\"sessionDataKey\" value=\"" + escape(request.id()) + "\">"
                + "<p><label><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\" checked> "
                + "Tôi đồng ý chia sẻ thông tin định danh với ứng dụng này / I agree to share my identity with this "
                + "application</label></p>"
                + "<h2>Người dùng thử nghiệm / Test users</h2><ul id=\"test-users\">" + buttons + "</ul>"
                + "<h2>Người dùng tự nhập / Custom user</h2><fieldset id=\"custom-user\">"
                + "<label for=\"custom-type\">Loại tài khoản / Account type</label> <select id=\"custom-type\" "
                + "name=\"custom_type\"><option value=\"1\">1 — Công dân / Citizen</option><option value=\"2\">2 — "
                + "Doanh nghiệp / Enterprise</option><option value=\"3\">3 — Tổ chức / Organisation</option></select><br>"
                + "<label for=\"custom-name\">Họ và tên / Full name</label> <input id=\"custom-name\" name=\"custom_name\" "
                + "maxlength=\"100\"><br>"
                + "<label for=\"custom-id\">Số định danh, CMND hoặc mã số thuế / ID number or tax code</label> "
                + "<input id=\"custom-id\" name=\"custom_id\" inputmode=\"numeric\" maxlength=\"14\"><br>"
                + "<label for=\"custom-techid\">TechID</label> <input id=\"custom-techid\" name=\"custom_techid\" "
                + "maxlength=\"64\"><br>"
                + "<label for=\"custom-ial\">Mức định danh VNeID / VNeID level (IAL)</label> <select id=\"custom-ial\" "
                + "name=\"custom_ial\"><option value=\"\">không qua VNeID / not via VNeID</option><option value=\"1\">1"
                + "</option><option value=\"2\" selected>2</option></select><br>"
                + "<button type=\"submit\" name=\"user\" id=\"login-custom\" value=\"custom\">Đăng nhập / Log in"
                + "</button></fieldset>"
                + "<p><button type=\"submit\" name=\"action\" id=\"deny\" value=\"deny\">Từ chối / Deny</button></p>"
                + "</form></body></html>";
        return html(error.isEmpty() ? 200 : 400, body);
    }

    /**
     * An error page shown instead of redirecting (an unknown client or an unregistered redirect URI must never be
     * redirected to).
     *
     * @param status the HTTP status
     * @param error the OAuth error code
     * @param description what is wrong
     * @return the page
     */
    public static SimResponse error(int status, String error, String description) {
        return html(status, head("Lỗi / Error") + "<h1>Không thể đăng nhập / Cannot log in</h1>"
                + "<p>Mã lỗi / Error: <code id=\"error-code\">" + escape(error) + "</code></p>"
                + "<p id=\"error-description\">" + escape(description) + "</p></body></html>");
    }

    /**
     * The page after a logout without a post-logout redirect.
     *
     * @return the page
     */
    public static SimResponse loggedOut() {
        return html(200, head("Đã đăng xuất / Logged out")
                + "<h1 id=\"logged-out\">Bạn đã đăng xuất / You are logged out</h1></body></html>");
    }

    /**
     * The page a VNeID user's {@code userProfileUri} points to (the real one is at the Ministry of Public Security).
     *
     * @return the page
     */
    public static SimResponse profile() {
        return html(200, head("Hồ sơ VNeID / VNeID profile") + "<h1 id=\"vneid-profile\">Hồ sơ VNeID (sandbox) / "
                + "VNeID profile (sandbox)</h1></body></html>");
    }

    /**
     * HTML-escapes text for element content and quoted attribute values.
     *
     * @param s the text
     * @return the escaped text
     */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body>";
    }

    private static SimResponse html(int status, String body) {
        return new SimResponse(status, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store",
                "Content-Security-Policy", "default-src 'none'", "X-Frame-Options", "DENY"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
