package vn.egov.sdk.examples;

import java.util.Optional;
import java.util.OptionalInt;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.identity.AccountKey;
import vn.egov.sdk.identity.DvcqgIdentity;
import vn.egov.sdk.identity.LoginProviderException;
import vn.egov.sdk.identity.LoginResult;

/**
 * The {@link Login} example's HTML pages. Every value shown is HTML-escaped; personal ID numbers are masked to their
 * last three characters. Element ids (for a browser test): {@code login} (the login link), on {@code /me}
 * {@code account-type}, {@code full-name}, {@code enterprise-name}, {@code personal-id}, {@code old-id},
 * {@code tax-code}, {@code tech-id}, {@code ial}, {@code login-idp}, {@code account-key}, {@code subject},
 * {@code verification} and {@code logout}; on an error page {@code error-type}, {@code fault}, {@code whose-fault},
 * {@code provider-error} and {@code message}.
 */
final class LoginPages {
    static final String LOGIN_LABEL = "Đăng nhập bằng tài khoản định danh / Log in with the national SSO";

    private LoginPages() {
    }

    /** The start page, with the login link (and a link to {@code /me} when already logged in). */
    static String home(boolean loggedIn) {
        return page("Cổng dịch vụ công (ví dụ) / Public-service portal (example)",
                "<h1>Cổng dịch vụ công (ví dụ) / Public-service portal (example)</h1>"
                + (loggedIn ? "<p><a id=\"me\" href=\"" + Login.ME_PATH + "\">Hồ sơ của tôi / My identity</a></p>"
                        : "")
                + "<p><a id=\"login\" href=\"" + Login.LOGIN_PATH + "\">" + escape(LOGIN_LABEL) + "</a></p>");
    }

    /** The identity the login produced. */
    static String identity(LoginResult login) {
        DvcqgIdentity id = login.identity();
        AccountKey key = id.accountKey();
        String keyShown = key.kind() == AccountKey.Kind.TECH_ID || key.kind() == AccountKey.Kind.TAX_CODE
                || key.kind() == AccountKey.Kind.ENTERPRISE_CODE ? key.qualified()
                : key.kind().wireName() + ":" + mask(key.value());
        OptionalInt ial = id.ial();
        StringBuilder rows = new StringBuilder();
        row(rows, "account-type", "Loại tài khoản / Account type", id.accountType().name() + " ("
                + (id.accountType().code().isEmpty() ? "-" : id.accountType().code()) + ")");
        row(rows, "full-name", "Họ và tên / Name", id.fullName().orElse("-"));
        row(rows, "enterprise-name", "Tên doanh nghiệp / Enterprise name", id.enterpriseName().orElse("-"));
        row(rows, "personal-id", "Số định danh / Personal ID number", masked(id.personalIdNumber()));
        row(rows, "old-id", "Số CMND / Old ID card number", masked(id.oldIdCardNumber()));
        row(rows, "tax-code", "Mã số thuế / Tax code", id.taxCode().orElse("-"));
        row(rows, "tech-id", "TechID", id.techId().orElse("-"));
        row(rows, "ial", "Mức định danh VNeID / VNeID level (IAL)", ial.isPresent() ? "IAL" + ial.getAsInt() : "-");
        row(rows, "login-idp", "Đăng nhập qua / Logged in through",
                id.vneid().flatMap(v -> v.loginIdp()).orElse("DVCQG"));
        row(rows, "account-key", "Khoá liên kết tài khoản / Account-mapping key", keyShown);
        row(rows, "subject", "sub", id.subject());
        row(rows, "verification", "ID token checked by", login.verification().name());
        return page("Hồ sơ của tôi / My identity", "<h1 id=\"identity\">Hồ sơ của tôi / My identity</h1>"
                + "<table>" + rows + "</table>"
                + "<p><a id=\"logout\" href=\"" + Login.LOGOUT_PATH + "\">Đăng xuất / Log out</a></p>");
    }

    /** A typed error: what it is, whose fault, the provider's error code if any, the message. */
    static String error(EgovException e) {
        String provider = e instanceof LoginProviderException p ? p.error() : "";
        return page("Đăng nhập không thành công / Login failed",
                "<h1 id=\"login-failed\">Đăng nhập không thành công / Login failed</h1>"
                + "<p>Lỗi / Error: <code id=\"error-type\">" + escape(e.getClass().getSimpleName()) + "</code></p>"
                + "<p>Lỗi của ai / Whose fault: <code id=\"fault\">" + e.fault().name() + "</code> — "
                + "<span id=\"whose-fault\">" + escape(whose(e.fault())) + "</span></p>"
                + (provider.isEmpty() ? "" : "<p>Nhà cung cấp định danh trả lời / The identity provider answered: "
                        + "<code id=\"provider-error\">" + escape(provider) + "</code></p>")
                + "<p id=\"message\">" + escape(e.getMessage()) + "</p>"
                + "<p><a id=\"home\" href=\"/\">Thử lại / Try again</a></p>");
    }

    /** A plain page for what is not a login error (unknown path, wrong method). */
    static String simple(String title) {
        return page(title, "<h1>" + escape(title) + "</h1><p><a href=\"/\">/</a></p>");
    }

    private static String whose(Fault fault) {
        return switch (fault) {
            case CALLER -> "the request or this application's configuration (or the user's own choice)";
            case PLATFORM -> "the identity provider failed or refused";
            case COUNTERPARTY -> "the other party: here the user, who refused the login at the identity provider";
            case NETWORK -> "the network between this application and the identity provider, or a deadline";
            case VERIFICATION -> "what came back did not verify: a login from another browser, a replay, or a "
                    + "token that is not right";
        };
    }

    private static void row(StringBuilder rows, String id, String label, String value) {
        rows.append("<tr><th>").append(escape(label)).append("</th><td id=\"").append(id).append("\">")
                .append(escape(value)).append("</td></tr>");
    }

    private static String masked(Optional<String> value) {
        return value.map(LoginPages::mask).orElse("-");
    }

    /** All but the last three characters replaced: enough for a person to recognise the number. */
    static String mask(String value) {
        int keep = Math.min(3, value.length() / 3);
        return "•".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
                + "</title></head><body>" + body + "</body></html>";
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
