package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import javax.swing.text.MutableAttributeSet;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;

/** The /sso/ authorization endpoint and its HTML login page. */
class SsoLoginPageTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private SsoClient rp;

    @BeforeEach
    void reset() {
        rp = new SsoClient(sandbox, "page-client", "page-secret");
    }

    @Test
    void thePageHasAButtonPerTestUserTheCustomFormConsentAndDeny() {
        HttpResponse<String> page = rp.get(rp.authorizationUrl(""));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Map<String, Map<String, String>> ids = elementsById(page.body());
        for (SsoTestUser user : sandbox.sso().testUsers()) {
            Map<String, String> button = ids.get("user-" + user.key());
            assertTrue(button != null, "button user-" + user.key() + " in " + ids.keySet());
            assertEquals("button", button.get("tag"));
            assertEquals(user.key(), button.get("value"));
        }
        for (String id : new String[] {"login-form", "custom-type", "custom-name", "custom-id", "custom-techid",
                "custom-ial", "login-custom", "consent", "deny", "client-id", "scope"}) {
            assertTrue(ids.containsKey(id), id + " missing from " + ids.keySet());
        }
        assertEquals("/sso/commonauth", ids.get("login-form").get("action"));
        assertEquals("checkbox", ids.get("consent").get("type"));
        assertTrue(page.body().contains("Từ chối / Deny"));
        assertTrue(page.body().contains("Đăng nhập / Log in"));
    }

    @Test
    void whatThePageEchoesIsEscaped() {
        String attack = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
        HttpResponse<String> page = rp.get(rp.authorizationUrl("").replace("scope=openid", "scope=openid+"
                + SsoClient.enc(attack)).replace("acr_values=LoA1", "acr_values=" + SsoClient.enc(attack)));
        assertEquals(200, page.statusCode(), page.body());
        assertFalse(page.body().contains("<script>"), page.body());
        assertFalse(page.body().contains("<img"), page.body());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img"));

        HttpResponse<String> error = rp.get(sandbox.sso().issuer() + "/oauth2/authorize?response_type=code"
                + "&scope=openid&client_id=" + SsoClient.enc(attack));
        assertEquals(400, error.statusCode());
        assertFalse(error.body().contains("<script>"), error.body());
        assertTrue(error.body().contains("&lt;script&gt;"));
    }

    @Test
    void anUnknownClientOrUnregisteredRedirectUriGetsAPageNeverARedirect() {
        HttpResponse<String> unknown = rp.get(rp.authorizationUrl("").replace("client_id=page-client",
                "client_id=nobody"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Location").isEmpty());
        assertTrue(unknown.body().contains("invalid_client"));

        String evil = rp.authorizationUrl("").replace(SsoClient.enc(SsoClient.REDIRECT),
                SsoClient.enc("https://evil.example/cb"));
        HttpResponse<String> unregistered = rp.get(evil);
        assertEquals(400, unregistered.statusCode());
        assertTrue(unregistered.headers().firstValue("Location").isEmpty());
        HttpResponse<String> prefix = rp.get(rp.authorizationUrl("").replace(SsoClient.enc(SsoClient.REDIRECT),
                SsoClient.enc(SsoClient.REDIRECT + "/more")));
        assertEquals(400, prefix.statusCode(), "redirect URIs are matched exactly");
        ValidationException e = assertThrows(ValidationException.class, () -> sandbox.sso().login(evil,
                SsoTestUser.ENTERPRISE));
        assertTrue(e.getMessage().contains("not registered"), e.getMessage());
    }

    @Test
    void rulesReportedToTheClientAreRedirectedWithErrorStateAndIss() {
        assertRedirectError(rp.authorizationUrl("").replace("response_type=code", "response_type=token"),
                "unsupported_response_type");
        assertRedirectError(rp.authorizationUrl("").replace("scope=openid", "scope=profile"), "invalid_scope");
        assertRedirectError(rp.authorizationUrl("").replace("code_challenge_method=S256",
                "code_challenge_method=plain"), "invalid_request");
        assertRedirectError(rp.authorizationUrl("").replace("&code_challenge_method=S256", ""), "invalid_request");
        assertRedirectError(rp.authorizationUrl("&prompt=none"), "login_required");
        URI noPkce = sandbox.sso().login(rp.authorizationUrl("").replaceAll("&code_challenge[^&]*", ""),
                SsoTestUser.ENTERPRISE);
        assertTrue(SsoClient.query(noPkce).containsKey("code"), "PKCE is optional");
    }

    @Test
    void denyRedirectsAccessDenied() {
        HttpResponse<String> page = rp.get(rp.authorizationUrl(""));
        HttpResponse<String> denied = rp.postForm(sandbox.baseUrl() + "/sso/commonauth", "sessionDataKey="
                + SsoClient.enc(SsoClient.sessionKey(page.body())) + "&action=deny", null);
        assertEquals(302, denied.statusCode());
        Map<String, String> q = SsoClient.query(URI.create(denied.headers().firstValue("Location").orElseThrow()));
        assertEquals("access_denied", q.get("error"));
        assertEquals(rp.state, q.get("state"));
        assertEquals("access_denied", SsoClient.query(sandbox.sso().deny(rp.authorizationUrl(""))).get("error"));
    }

    @Test
    void withoutConsentThePageComesBackAndTheRequestStaysUsableOnce() {
        HttpResponse<String> page = rp.get(rp.authorizationUrl(""));
        String key = SsoClient.sessionKey(page.body());
        HttpResponse<String> noConsent = rp.postForm(sandbox.baseUrl() + "/sso/commonauth", "sessionDataKey="
                + SsoClient.enc(key) + "&user=enterprise", null);
        assertEquals(400, noConsent.statusCode());
        assertTrue(elementsById(noConsent.body()).containsKey("error"));
        HttpResponse<String> ok = rp.postForm(sandbox.baseUrl() + "/sso/commonauth", "sessionDataKey="
                + SsoClient.enc(key) + "&user=enterprise&consent=yes", null);
        assertEquals(302, ok.statusCode());
        assertTrue(ok.headers().firstValue("Set-Cookie").orElse("").contains("HttpOnly"));
        HttpResponse<String> again = rp.postForm(sandbox.baseUrl() + "/sso/commonauth", "sessionDataKey="
                + SsoClient.enc(key) + "&user=enterprise&consent=yes", null);
        assertEquals(400, again.statusCode(), "a login request is answered once");
    }

    @Test
    void theCustomFormLogsInTheUserItDescribes() {
        HttpResponse<String> page = rp.get(rp.authorizationUrl(""));
        String key = SsoClient.enc(SsoClient.sessionKey(page.body()));
        HttpResponse<String> bad = rp.postForm(sandbox.baseUrl() + "/sso/commonauth", "sessionDataKey=" + key
                + "&consent=yes&user=custom&custom_type=1&custom_name=&custom_id=12ab&custom_techid=&custom_ial=2",
                null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"error\""));
        HttpResponse<String> done = rp.postForm(sandbox.baseUrl() + "/sso/commonauth", "sessionDataKey=" + key
                + "&consent=yes&user=custom&custom_type=2&custom_name=" + SsoClient.enc("Công ty Mẫu Tự Nhập")
                + "&custom_id=0109990099&custom_techid=tech-custom-1&custom_ial=", null);
        assertEquals(302, done.statusCode(), done.body());
        String code = SsoClient.query(URI.create(done.headers().firstValue("Location").orElseThrow())).get("code");
        JsonNode tokens = SandboxHttp.json(rp.exchange(code, rp.verifier, false));
        JsonNode info = SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/userinfo", "",
                SsoClient.bearer(tokens.get("access_token").asText())));
        assertEquals("custom-tech-custom-1", info.get("sub").asText());
        assertEquals(2, info.get("LoaiTaiKhoan").asInt());
        assertEquals("Công ty Mẫu Tự Nhập", info.get("HoVaTen").asText());
        assertEquals("0109990099", info.get("MaSoThue").asText());
        assertFalse(info.has("IAL"));
    }

    private void assertRedirectError(String url, String error) {
        HttpResponse<String> r = rp.get(url);
        assertEquals(302, r.statusCode(), url + " -> " + r.body());
        Map<String, String> q = SsoClient.query(URI.create(r.headers().firstValue("Location").orElseThrow()));
        assertEquals(error, q.get("error"), url);
        assertEquals(rp.state, q.get("state"));
        assertEquals(sandbox.sso().issuer(), q.get("iss"));
        assertEquals(error, SsoClient.query(sandbox.sso().login(url, SsoTestUser.ENTERPRISE)).get("error"));
    }

    /** Every element with an id, parsed with the JDK's HTML parser: id to its tag name and attributes. */
    static Map<String, Map<String, String>> elementsById(String html) {
        Map<String, Map<String, String>> out = new HashMap<>();
        HTMLEditorKit.ParserCallback callback = new HTMLEditorKit.ParserCallback() {
            @Override
            public void handleStartTag(HTML.Tag tag, MutableAttributeSet attributes, int pos) {
                record(tag, attributes);
            }

            @Override
            public void handleSimpleTag(HTML.Tag tag, MutableAttributeSet attributes, int pos) {
                record(tag, attributes);
            }

            private void record(HTML.Tag tag, MutableAttributeSet attributes) {
                Object id = attributes.getAttribute(HTML.Attribute.ID);
                if (id == null) {
                    return;
                }
                Map<String, String> element = new HashMap<>();
                element.put("tag", tag.toString());
                java.util.Enumeration<?> names = attributes.getAttributeNames();
                while (names.hasMoreElements()) {
                    Object name = names.nextElement();
                    element.put(name.toString(), String.valueOf(attributes.getAttribute(name)));
                }
                out.put(id.toString(), element);
            }
        };
        try {
            new ParserDelegator().parse(new StringReader(html), callback, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
