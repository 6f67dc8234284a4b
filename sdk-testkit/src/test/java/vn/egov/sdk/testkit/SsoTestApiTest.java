package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpResponse;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;

/** The SSO test API over HTTP ({@code /sso/_test/}) and the public values' rules. */
class SsoTestApiTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private SsoClient rp;

    @BeforeEach
    void reset() {
        rp = new SsoClient(sandbox, "api-client", "api-secret");
    }

    private HttpResponse<String> post(String op, String form) {
        return rp.postForm(sandbox.baseUrl() + "/sso/_test/" + op, form, null);
    }

    @Test
    void usersListsTheTestUsers() {
        JsonNode users = SandboxHttp.json(rp.get(sandbox.baseUrl() + "/sso/_test/users")).get("users");
        assertEquals(SsoTestUser.ALL.size(), users.size());
        assertEquals("citizen-vneid-ial2", users.get(0).get("key").asText());
        assertEquals("001090000001", users.get(0).get("claims").get("SoDinhDanh").asText());
    }

    @Test
    void loginAnswersTheLoginPageForCurl() throws Exception {
        JsonNode done = SandboxHttp.json(post("login", "authorization_url=" + SsoClient.enc(rp.authorizationUrl(""))
                + "&user=organisation"));
        assertTrue(done.get("location").asText().startsWith(SsoClient.REDIRECT + "?code="));
        assertEquals(rp.state, done.get("state").asText());
        JsonNode tokens = SandboxHttp.json(rp.exchange(done.get("code").asText(), rp.verifier, false));
        assertEquals(SsoTestUser.ORGANISATION.subject(), rp.verify(tokens.get("id_token").asText(), rp.nonce)
                .getSubject());

        JsonNode custom = SandboxHttp.json(post("login", "authorization_url=" + SsoClient.enc(rp.authorizationUrl(""))
                + "&user=custom&custom_type=1&custom_name=" + SsoClient.enc("Võ Thị Tự Nhập")
                + "&custom_id=001190000777&custom_techid=t-777&custom_ial=2"));
        JsonNode info = SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/userinfo", "",
                SsoClient.bearer(SandboxHttp.json(rp.exchange(custom.get("code").asText(), rp.verifier, false))
                        .get("access_token").asText())));
        assertEquals("001190000777", info.get("SoDinhDanh").asText());
        assertEquals(2, info.get("IAL").asInt());
        assertEquals("BCA", info.get("loginIdp").asText());

        JsonNode denied = SandboxHttp.json(post("login", "authorization_url=" + SsoClient.enc(rp.authorizationUrl(""))
                + "&deny=true"));
        assertEquals("access_denied", denied.get("error").asText());

        HttpResponse<String> unknown = post("login", "authorization_url=" + SsoClient.enc(rp.authorizationUrl(""))
                + "&user=nobody");
        assertEquals(400, unknown.statusCode());
        assertEquals("invalid_request", SandboxHttp.json(unknown).get("error").asText());
        HttpResponse<String> notOurs = post("login", "authorization_url=" + SsoClient.enc("https://example.com/x")
                + "&user=enterprise");
        assertEquals(400, notOurs.statusCode());
    }

    @Test
    void nextIdTokenRotateAndDropKeys() throws Exception {
        assertEquals(200, post("next-id-token", "misbehaviour=alg_none").statusCode());
        String token = rp.loginAndExchange(SsoTestUser.ENTERPRISE).get("id_token").asText();
        assertTrue(JWTParser.parse(token) instanceof PlainJWT);
        HttpResponse<String> bad = post("next-id-token", "misbehaviour=SOMETHING");
        assertEquals(400, bad.statusCode());
        assertTrue(SandboxHttp.json(bad).get("error_description").asText().contains("WRONG_NONCE"));
        assertEquals(400, post("next-id-token", "").statusCode());

        String before = sandbox.sso().currentKeyId();
        JsonNode rotated = SandboxHttp.json(post("rotate-keys", ""));
        assertNotEquals(before, rotated.get("kid").asText());
        assertEquals(2, sandbox.sso().publishedKeyIds().size());
        JsonNode dropped = SandboxHttp.json(post("drop-old-keys", ""));
        assertEquals(1, dropped.get("kids").size());
        assertEquals(405, rp.get(sandbox.baseUrl() + "/sso/_test/rotate-keys").statusCode());
        assertEquals(404, post("nothing", "").statusCode());
    }

    @Test
    void publicValuesRefuseBadInputWithTypedErrors() {
        assertThrows(ValidationException.class, () -> SsoTestUser.custom(0, "A", "", "t", OptionalInt.empty()));
        assertThrows(ValidationException.class, () -> SsoTestUser.custom(1, " ", "", "t", OptionalInt.empty()));
        assertThrows(ValidationException.class, () -> SsoTestUser.custom(1, "A", "12a", "t", OptionalInt.empty()));
        assertThrows(ValidationException.class, () -> SsoTestUser.custom(1, "A", "", "t/../x", OptionalInt.empty()));
        assertThrows(ValidationException.class, () -> SsoTestUser.custom(1, "A", "", "t", OptionalInt.of(7)));
        assertThrows(ValidationException.class, () -> SsoTestUser.custom(1, null, "", "t", OptionalInt.empty()));
        assertThrows(ValidationException.class, () -> sandbox.sso().registerClient("c", "s"));
        assertThrows(ValidationException.class, () -> sandbox.sso().registerClient("c", "s", "relative/path"));
        assertThrows(ValidationException.class, () -> sandbox.sso().registerClient(null, "s", "http://x/"));
        assertThrows(ValidationException.class, () -> sandbox.sso().registerPostLogoutRedirectUri("nobody",
                "http://x/"));
        assertThrows(ValidationException.class, () -> sandbox.sso().login(null, SsoTestUser.ENTERPRISE));
        assertThrows(ValidationException.class, () -> sandbox.sso().login("http://127.0.0.1/x", SsoTestUser.ENTERPRISE));
        assertThrows(ValidationException.class, () -> sandbox.sso().login(rp.authorizationUrl(""), null));
        assertThrows(ValidationException.class, () -> sandbox.sso().login("::not a uri", SsoTestUser.ENTERPRISE));
    }

    @Test
    void testUsersAreFictionalValuesWhoseToStringMasksTheIdNumber() {
        SsoTestUser citizen = SsoTestUser.CITIZEN_VNEID_IAL2;
        assertEquals(1, citizen.accountType());
        assertEquals(OptionalInt.of(2), citizen.ial());
        assertTrue(citizen.viaVneid());
        assertTrue(!citizen.toString().contains("001090000001") && citizen.toString().contains("***001"),
                citizen.toString());
        assertEquals(OptionalInt.of(1), SsoTestUser.CITIZEN_VNEID_IAL1.ial());
        assertEquals(3, SsoTestUser.ORGANISATION.accountType());
        assertTrue(SsoTestUser.ORGANISATION.idNumber().isEmpty());
        assertEquals("0109990004", SsoTestUser.ENTERPRISE.idNumber().orElseThrow());
        assertEquals(SsoTestUser.ENTERPRISE, SsoTestUser.byKey("enterprise").orElseThrow());
        for (SsoTestUser u : SsoTestUser.ALL) {
            assertTrue(!u.techId().isBlank() && !u.subject().isBlank(), u.toString());
        }
    }
}
