package vn.egov.sdk.examples.boot;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.sdk.spring.identity.EgovCitizen;

/**
 * The home page and the citizen's page. {@code /me} needs a login: the starter's {@code EgovSsoConfigurer} sends the
 * browser to the national SSO and, after the callback, the request is authenticated with an {@link EgovCitizen}
 * (the typed identity of the SSO's userinfo).
 */
@RestController
public class CitizenController {
    /** Created by Spring. */
    public CitizenController() {
        // stateless
    }

    /**
     * The home page, open to everyone.
     *
     * @return the page
     */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home() {
        return Html.page("Cổng dịch vụ công mẫu / Sample portal", "<ul>"
                + "<li><a id=\"me\" href=\"/me\">Tài khoản của tôi / My account</a> (đăng nhập qua Cổng DVCQG)</li>"
                + "<li><a id=\"fees\" href=\"/fees\">Lệ phí hồ sơ / Dossier fees</a></li>"
                + "<li><a id=\"documents\" href=\"/documents\">Văn bản đến / Received documents</a></li></ul>");
    }

    /**
     * The logged-in citizen's identity, as the SSO asserted it.
     *
     * @param citizen the principal the starter authenticated
     * @param csrf the token of the logout form
     * @return the page
     */
    @GetMapping(path = "/me", produces = MediaType.TEXT_HTML_VALUE)
    public String me(@AuthenticationPrincipal EgovCitizen citizen, CsrfToken csrf) {
        String name = citizen.fullName().orElse("(không có tên / no name)");
        String id = citizen.personalIdNumber().map(CitizenController::masked).orElse("-");
        return Html.page("Xin chào / Hello, " + name, "<dl>"
                + Html.field("full-name", "Họ và tên / Full name", name)
                + Html.field("account-type", "Loại tài khoản / Account type", citizen.accountType())
                + Html.field("ial", "Mức định danh / Identity level",
                        citizen.ial().isPresent() ? "IAL" + citizen.ial().getAsInt() : "-")
                + Html.field("id-number", "Số định danh / ID number", id)
                + Html.field("account-key", "Khóa tài khoản / Account key", citizen.accountKey())
                + "</dl>" + Html.postForm("logout", "/logout", csrf, "Đăng xuất / Log out"));
    }

    /** Shows the last three digits of an ID number only. */
    private static String masked(String id) {
        return id.length() <= 3 ? "•••" : "•".repeat(id.length() - 3) + id.substring(id.length() - 3);
    }
}
