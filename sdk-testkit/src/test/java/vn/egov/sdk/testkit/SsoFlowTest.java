package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /sso/ simulator's whole code flow over HTTP, and the token endpoint's refusals. */
class SsoFlowTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private SsoClient rp;

    @BeforeEach
    void reset() {
        rp = new SsoClient(sandbox, "flow-client", "flow-secret");
    }

    @Test
    void discoveryNamesTheIssuerEndpointsAndMethods() {
        JsonNode d = SandboxHttp.json(rp.get(sandbox.sso().discoveryUrl()));
        String issuer = sandbox.baseUrl() + "/sso";
        assertEquals(issuer, d.get("issuer").asText());
        assertEquals(issuer, sandbox.sso().issuer());
        assertEquals(issuer + "/oauth2/authorize", d.get("authorization_endpoint").asText());
        assertEquals(issuer + "/oauth2/token", d.get("token_endpoint").asText());
        assertEquals(issuer + "/oauth2/userinfo", d.get("userinfo_endpoint").asText());
        assertEquals(issuer + "/oauth2/jwks", d.get("jwks_uri").asText());
        assertEquals(issuer + "/oauth2/introspect", d.get("introspection_endpoint").asText());
        assertEquals(issuer + "/oidc/logout", d.get("end_session_endpoint").asText());
        assertEquals("[\"S256\"]", d.get("code_challenge_methods_supported").toString());
        assertEquals("[\"client_secret_post\",\"client_secret_basic\"]",
                d.get("token_endpoint_auth_methods_supported").toString());
        assertEquals("[\"RS256\"]", d.get("id_token_signing_alg_values_supported").toString());
        java.util.Set<String> supported = new java.util.HashSet<>();
        d.get("claims_supported").forEach(c -> supported.add(c.asText()));
        for (SsoTestUser user : SsoTestUser.ALL) {
            for (String claim : user.claims().keySet()) {
                assertTrue(supported.contains(claim), claim + " of " + user.key() + " is not in claims_supported");
            }
        }
    }

    @Test
    void wholeFlowThroughTheLoginPageGivesAVerifiableIdTokenUserInfoAndValidation() throws Exception {
        String url = rp.authorizationUrl("");
        URI location = rp.loginThroughPage(url, SsoTestUser.CITIZEN_VNEID_IAL2.key());
        Map<String, String> callback = SsoClient.query(location);
        assertTrue(location.toString().startsWith(SsoClient.REDIRECT + "?"), location.toString());
        assertEquals(rp.state, callback.get("state"));
        assertEquals(sandbox.sso().issuer(), callback.get("iss"));

        HttpResponse<String> tokenResponse = rp.exchange(callback.get("code"), rp.verifier, false);
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        assertEquals("no-store", tokenResponse.headers().firstValue("Cache-Control").orElse(""));
        JsonNode tokens = SandboxHttp.json(tokenResponse);
        assertEquals("Bearer", tokens.get("token_type").asText());
        assertEquals(3600, tokens.get("expires_in").asInt());
        assertTrue(tokens.hasNonNull("refresh_token"));

        SignedJWT jwt = SignedJWT.parse(tokens.get("id_token").asText());
        assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(sandbox.sso().currentKeyId(), jwt.getHeader().getKeyID());
        JWTClaimsSet claims = rp.verify(tokens.get("id_token").asText(), rp.nonce);
        assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.subject(), claims.getSubject());
        assertEquals("flow-client", claims.getStringClaim("azp"));
        assertEquals("LoA1", claims.getStringClaim("acr"));
        assertEquals(sandbox.now().getEpochSecond(), claims.getLongClaim("auth_time"), 5);
        assertEquals(Duration.ofHours(1).toMillis(),
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
        assertTrue(claims.getStringClaim("at_hash") != null);

        String access = tokens.get("access_token").asText();
        JsonNode info = SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/userinfo", "",
                SsoClient.bearer(access)));
        assertEquals(claims.getSubject(), info.get("sub").asText());
        assertEquals("1", info.get("LoaiTaiKhoan").asText());
        assertTrue(info.get("LoaiTaiKhoan").isTextual(), "this user's LoaiTaiKhoan comes as a string");
        assertEquals("001090000001", info.get("SoDinhDanh").asText());
        assertEquals("BCA", info.get("loginIdp").asText());
        assertTrue(info.get("IAL").isNumber());
        assertEquals(2, info.get("IAL").asInt());
        assertEquals(sandbox.sso().issuer() + "/oidc/logout", info.get("logoutUri").asText());
        assertTrue(info.get("userProfileUri").asText().startsWith(sandbox.sso().issuer()));

        JsonNode valid = SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/validatetoken",
                "token=" + SsoClient.enc(access) + "&state=0", SsoClient.bearer(access)));
        assertEquals("flow-client", valid.get("client_id").asText());
        assertTrue(valid.get("active").asBoolean());
        assertTrue(valid.get("exp").asLong() > sandbox.now().getEpochSecond());

        JsonNode introspected = SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/introspect",
                "token=" + SsoClient.enc(access), SsoClient.basic("flow-client", "flow-secret")));
        assertTrue(introspected.get("active").asBoolean());
        assertEquals("flow-client", introspected.get("client_id").asText());
        assertEquals(claims.getSubject(), introspected.get("sub").asText());
        assertEquals(401, rp.postForm(sandbox.sso().issuer() + "/oauth2/introspect", "token=" + access,
                SsoClient.basic("flow-client", "wrong")).statusCode());
        assertFalse(SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/introspect", "token=nope",
                SsoClient.basic("flow-client", "flow-secret"))).get("active").asBoolean());
    }

    @Test
    void userInfoOfTheOtherUsersKeepsTheirWireTypes() {
        JsonNode cmnd = userInfo(SsoTestUser.CITIZEN_CMND_ONLY);
        assertTrue(cmnd.get("LoaiTaiKhoan").isNumber());
        assertEquals("012000003", cmnd.get("SoCMND").asText());
        assertFalse(cmnd.has("SoDinhDanh") || cmnd.has("loginIdp") || cmnd.has("IAL") || cmnd.has("logoutUri"));
        JsonNode ial1 = userInfo(SsoTestUser.CITIZEN_VNEID_IAL1);
        assertTrue(ial1.get("IAL").isTextual(), "IAL 1 comes as a string");
        JsonNode enterprise = userInfo(SsoTestUser.ENTERPRISE);
        assertEquals("2", enterprise.get("LoaiTaiKhoan").asText());
        assertEquals("0109990004", enterprise.get("MaSoThue").asText());
        JsonNode org = userInfo(SsoTestUser.ORGANISATION);
        assertEquals(3, org.get("LoaiTaiKhoan").asInt());
        assertTrue(org.hasNonNull("TechID"));
        assertFalse(org.has("SoDinhDanh") || org.has("SoCMND") || org.has("MaSoThue"));
    }

    @Test
    void clientSecretBasicWorksAndBothMethodsAtOnceAreRefused() {
        URI location = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.ENTERPRISE);
        HttpResponse<String> both = rp.postForm(sandbox.sso().issuer() + "/oauth2/token", "grant_type="
                + "authorization_code&code=" + SsoClient.query(location).get("code") + "&redirect_uri="
                + SsoClient.enc(SsoClient.REDIRECT) + "&code_verifier=" + rp.verifier + "&client_secret=flow-secret",
                SsoClient.basic("flow-client", "flow-secret"));
        assertEquals(400, both.statusCode());
        assertEquals("invalid_request", SandboxHttp.json(both).get("error").asText());

        URI again = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.ENTERPRISE);
        HttpResponse<String> basic = rp.exchange(SsoClient.query(again).get("code"), rp.verifier, true);
        assertEquals(200, basic.statusCode(), basic.body());

        URI third = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.ENTERPRISE);
        HttpResponse<String> wrong = rp.postForm(sandbox.sso().issuer() + "/oauth2/token", "grant_type="
                + "authorization_code&code=" + SsoClient.query(third).get("code"), SsoClient.basic("flow-client", "x"));
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_client", SandboxHttp.json(wrong).get("error").asText());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void wrongPkceVerifierAndMissingVerifierAreInvalidGrant() {
        URI location = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.CITIZEN_VNEID_IAL2);
        String code = SsoClient.query(location).get("code");
        HttpResponse<String> wrong = rp.exchange(code, SsoClient.random() + SsoClient.random(), false);
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", SandboxHttp.json(wrong).get("error").asText());
        assertTrue(SandboxHttp.json(wrong).get("error_description").asText().contains("code_verifier"));

        URI next = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.CITIZEN_VNEID_IAL2);
        HttpResponse<String> missing = rp.exchange(SsoClient.query(next).get("code"), null, false);
        assertEquals("invalid_grant", SandboxHttp.json(missing).get("error").asText());
    }

    @Test
    void aReusedCodeIsRefusedAndRevokesTheTokensItGave() {
        URI location = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.CITIZEN_VNEID_IAL2);
        String code = SsoClient.query(location).get("code");
        HttpResponse<String> first = rp.exchange(code, rp.verifier, false);
        assertEquals(200, first.statusCode());
        String access = SandboxHttp.json(first).get("access_token").asText();
        assertEquals(200, userInfoStatus(access));

        HttpResponse<String> replay = rp.exchange(code, rp.verifier, false);
        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", SandboxHttp.json(replay).get("error").asText());
        assertEquals(401, userInfoStatus(access), "the first exchange's access token is revoked");
    }

    @Test
    void aCodeIsBoundToItsRedirectUriAndClientAndLivesAMinute() {
        URI location = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.CITIZEN_VNEID_IAL2);
        HttpResponse<String> otherRedirect = rp.tokenRequest("grant_type=authorization_code&code="
                + SsoClient.query(location).get("code") + "&redirect_uri=" + SsoClient.enc("http://127.0.0.1:9/other")
                + "&code_verifier=" + rp.verifier, false);
        assertEquals("invalid_grant", SandboxHttp.json(otherRedirect).get("error").asText());

        SsoClient other = new SsoClient(sandbox, "other-client", "other-secret");
        URI second = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.CITIZEN_VNEID_IAL2);
        HttpResponse<String> stolen = other.exchange(SsoClient.query(second).get("code"), rp.verifier, false);
        assertEquals("invalid_grant", SandboxHttp.json(stolen).get("error").asText());

        URI third = sandbox.sso().login(rp.authorizationUrl(""), SsoTestUser.CITIZEN_VNEID_IAL2);
        sandbox.advanceClock(Duration.ofSeconds(61));
        HttpResponse<String> late = rp.exchange(SsoClient.query(third).get("code"), rp.verifier, false);
        assertEquals("invalid_grant", SandboxHttp.json(late).get("error").asText());
        assertTrue(SandboxHttp.json(late).get("error_description").asText().contains("expired"));
    }

    @Test
    void refreshTokensRotateAndAReplayRevokesTheFamily() throws Exception {
        JsonNode tokens = rp.loginAndExchange(SsoTestUser.CITIZEN_VNEID_IAL2);
        String refresh = tokens.get("refresh_token").asText();
        HttpResponse<String> refreshed = rp.tokenRequest("grant_type=refresh_token&refresh_token=" + refresh, true);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonNode next = SandboxHttp.json(refreshed);
        assertNotEquals(refresh, next.get("refresh_token").asText());
        assertNotEquals(tokens.get("access_token").asText(), next.get("access_token").asText());
        JWTClaimsSet claims = SignedJWT.parse(next.get("id_token").asText()).getJWTClaimsSet();
        assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.subject(), claims.getSubject());
        assertEquals(null, claims.getClaim("nonce"), "a refreshed ID token carries no nonce");
        assertEquals(200, userInfoStatus(next.get("access_token").asText()));

        HttpResponse<String> replay = rp.tokenRequest("grant_type=refresh_token&refresh_token=" + refresh, true);
        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", SandboxHttp.json(replay).get("error").asText());
        assertEquals(401, userInfoStatus(next.get("access_token").asText()), "replay revokes the family");
        HttpResponse<String> rotated = rp.tokenRequest("grant_type=refresh_token&refresh_token="
                + next.get("refresh_token").asText(), true);
        assertEquals("invalid_grant", SandboxHttp.json(rotated).get("error").asText());
    }

    @Test
    void otherGrantsAndMissingFieldsAreOAuthErrors() {
        assertEquals("unsupported_grant_type", SandboxHttp.json(rp.tokenRequest("grant_type=password", true))
                .get("error").asText());
        assertEquals("invalid_request", SandboxHttp.json(rp.tokenRequest("grant_type=authorization_code", true))
                .get("error").asText());
        assertEquals("invalid_grant", SandboxHttp.json(rp.tokenRequest("grant_type=authorization_code&code=nope"
                + "&redirect_uri=" + SsoClient.enc(SsoClient.REDIRECT), true)).get("error").asText());
        assertEquals(405, rp.get(sandbox.sso().issuer() + "/oauth2/token").statusCode());
    }

    @Test
    void userInfoRefusesAMissingOrBadToken() {
        HttpResponse<String> none = rp.get(sandbox.sso().issuer() + "/oauth2/userinfo");
        assertEquals(401, none.statusCode());
        HttpResponse<String> bad = rp.postForm(sandbox.sso().issuer() + "/oauth2/userinfo", "",
                SsoClient.bearer("not-a-token"));
        assertEquals(401, bad.statusCode());
        assertEquals("invalid_token", SandboxHttp.json(bad).get("error").asText());
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));

        String access = rp.loginAndExchange(SsoTestUser.ENTERPRISE).get("access_token").asText();
        sandbox.advanceClock(Duration.ofHours(1).plusSeconds(1));
        assertEquals(401, userInfoStatus(access), "expired");
        JsonNode dead = SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/validatetoken",
                "token=" + access + "&state=0", SsoClient.bearer(access)));
        assertEquals("invalid_token", dead.get("error").asText());
    }

    @Test
    void logoutEndsTheSessionRevokesItsTokensAndRedirectsOnlyToARegisteredUri() {
        JsonNode tokens = rp.loginAndExchange(SsoTestUser.CITIZEN_VNEID_IAL2);
        assertEquals(1, sandbox.sso().activeSessions());
        String logout = sandbox.sso().issuer() + "/oidc/logout?id_token_hint=" + tokens.get("id_token").asText();
        HttpResponse<String> unregistered = rp.get(logout + "&post_logout_redirect_uri="
                + SsoClient.enc("https://evil.example/"));
        assertEquals(400, unregistered.statusCode());
        assertEquals(1, sandbox.sso().activeSessions(), "a refused logout ends nothing");

        sandbox.sso().registerPostLogoutRedirectUri("flow-client", "http://127.0.0.1:9/rp/bye");
        HttpResponse<String> done = rp.get(logout + "&post_logout_redirect_uri="
                + SsoClient.enc("http://127.0.0.1:9/rp/bye") + "&state=xyz");
        assertEquals(302, done.statusCode());
        assertEquals("http://127.0.0.1:9/rp/bye?state=xyz", done.headers().firstValue("Location").orElseThrow());
        assertEquals(0, sandbox.sso().activeSessions());
        assertEquals(401, userInfoStatus(tokens.get("access_token").asText()));

        HttpResponse<String> forged = rp.get(sandbox.sso().issuer() + "/oidc/logout?id_token_hint="
                + tokens.get("id_token").asText().replaceAll("\\.[^.]+$", ".AAAA"));
        assertEquals(400, forged.statusCode());
        HttpResponse<String> page = rp.get(sandbox.sso().issuer() + "/oidc/logout?client_id=flow-client");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"logged-out\""));
    }

    private JsonNode userInfo(SsoTestUser user) {
        String access = rp.loginAndExchange(user).get("access_token").asText();
        HttpResponse<String> info = rp.postForm(sandbox.sso().issuer() + "/oauth2/userinfo", "",
                SsoClient.bearer(access));
        assertEquals(200, info.statusCode(), info.body());
        JsonNode json = SandboxHttp.json(info);
        assertEquals(user.subject(), json.get("sub").asText());
        return json;
    }

    private int userInfoStatus(String access) {
        return rp.postForm(sandbox.sso().issuer() + "/oauth2/userinfo", "", SsoClient.bearer(access)).statusCode();
    }
}
