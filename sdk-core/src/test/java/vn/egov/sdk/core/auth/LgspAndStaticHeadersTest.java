package vn.egov.sdk.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpRuntime;

/** The LGSP {@code lgspaccesstoken} convention and static credential headers. */
class LgspAndStaticHeadersTest {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void reset() {
        server.stubFor(get(urlPathEqualTo("/api")).willReturn(aResponse().withBody("ok")));
    }

    private LgspAccessToken.Builder lgsp() {
        return LgspAccessToken.builder().accessKey("ak-1").secretKey(Secret.of("sk-secret-1"))
                .appName("QLVB").partnerCode("000.00.00.H29").partnerCodeCus("H29");
    }

    @Test
    void lgspHeaderIsBase64OfTheCredentialJson() throws Exception {
        try (HttpRuntime runtime = HttpRuntime.builder().auth(lgsp().build()).build()) {
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
        }
        LoggedRequest r = server.findAll(getRequestedFor(urlPathEqualTo("/api"))).get(0);
        JsonNode json = new ObjectMapper().readTree(Base64.getDecoder().decode(r.getHeader("lgspaccesstoken")));
        assertEquals("ak-1", json.get("AccessKey").asText());
        assertEquals("sk-secret-1", json.get("SecretKey").asText());
        assertEquals("QLVB", json.get("AppName").asText());
        assertEquals("000.00.00.H29", json.get("PartnerCode").asText());
        assertEquals("H29", json.get("PartnerCodeCus").asText());
        assertFalse(r.containsHeader("Authorization"), "no token URL, no bearer");
    }

    @Test
    void lgspWithTokenUrlObtainsABearerTokenCarryingTheHeader() {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse()
                .withBody("{\"access_token\":\"lgsp-tok\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        try (HttpRuntime runtime = HttpRuntime.builder()
                .auth(lgsp().tokenUrl(server.baseUrl() + "/token").build()).build()) {
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
        }
        LoggedRequest token = server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
        assertEquals(1, server.findAll(postRequestedFor(urlPathEqualTo("/token"))).size());
        assertEquals("grant_type=client_credentials", token.getBodyAsString());
        assertFalse(token.getHeader("lgspaccesstoken").isEmpty());
        assertEquals("Bearer lgsp-tok",
                server.findAll(getRequestedFor(urlPathEqualTo("/api"))).get(1).getHeader("Authorization"));
    }

    @Test
    void lgspTokenRefusedIsAnAuthenticationException() {
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401)));
        try (HttpRuntime runtime = HttpRuntime.builder()
                .auth(lgsp().tokenUrl(server.baseUrl() + "/token").build()).build()) {
            assertThrows(AuthenticationException.class, () -> runtime.execute(ApiRequest.get(server.baseUrl() + "/api")));
        }
    }

    @Test
    void lgspBuilderNamesEveryMissingField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> LgspAccessToken.builder().tokenUrl("nope").build());
        assertEquals(3, e.errors().size());
        assertFalse(lgsp().build().toString().contains("sk-secret-1"));
    }

    @Test
    void staticHeadersAreSentOnEveryCall() {
        StaticHeaders auth = StaticHeaders.builder().header("X-SystemId", "sys-01")
                .secretHeader("X-SecretKey", Secret.of("very-secret")).build();
        try (HttpRuntime runtime = HttpRuntime.builder().auth(auth).build()) {
            runtime.execute(ApiRequest.get(server.baseUrl() + "/api"));
        }
        LoggedRequest r = server.findAll(getRequestedFor(urlPathEqualTo("/api"))).get(0);
        assertEquals("sys-01", r.getHeader("X-SystemId"));
        assertEquals("very-secret", r.getHeader("X-SecretKey"));
        assertFalse(auth.toString().contains("very-secret"));
        assertThrows(ValidationException.class, () -> StaticHeaders.builder().build());
    }
}
