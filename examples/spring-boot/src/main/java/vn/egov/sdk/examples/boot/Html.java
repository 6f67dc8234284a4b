package vn.egov.sdk.examples.boot;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The sample's pages: plain HTML, every value escaped. A real portal would use a template engine. */
final class Html {
    private Html() {
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + text(title)
                + "</title></head><body><h1>" + text(title) + "</h1>" + body
                + "<p><a href=\"/\">Trang chủ / Home</a></p></body></html>";
    }

    static String text(Object value) {
        return HtmlUtils.htmlEscape(String.valueOf(value), "UTF-8");
    }

    /** A {@code <dd>} with an id a test (or a script) can find. */
    static String field(String id, String label, Object value) {
        return "<dt>" + text(label) + "</dt><dd id=\"" + id + "\">" + text(value) + "</dd>";
    }

    /** A form posting to {@code action} with Spring Security's CSRF token. */
    static String postForm(String id, String action, CsrfToken csrf, String button) {
        return "<form id=\"" + id + "\" method=\"post\" action=\"" + text(action) + "\"><input type=\"hidden\" name=\""
                + text(csrf.getParameterName()) + "\" value=\"" + text(csrf.getToken()) + "\"><button type=\"submit\">"
                + text(button) + "</button></form>";
    }
}
