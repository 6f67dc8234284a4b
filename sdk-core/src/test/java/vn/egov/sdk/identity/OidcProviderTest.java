package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;

/** The provider presets, the builder's rules and discovery against a local server. */
class OidcProviderTest {
    private static final ClientSettings HTTP = ClientSettings.builder().deadline(Duration.ofSeconds(5))
            .retryPolicy(RetryPolicy.none()).build();

    @Test
    void dvcqgPresetsUseThePublicPathsAndLeaveTheUnknownOnesUnset() {
        OidcProvider p = OidcProvider.dvcqgProduction();
        assertEquals(URI.create("https://xacthuc.dichvucong.gov.vn/oauth2/authorize"), p.authorizationEndpoint());
        assertEquals(URI.create("https://xacthuc.dichvucong.gov.vn/oauth2/token"), p.tokenEndpoint());
        assertEquals(URI.create("https://xacthuc.dichvucong.gov.vn/oauth2/userinfo"), p.userInfoEndpoint());
        assertEquals(Optional.empty(), p.jwksUri());
        assertEquals(Optional.empty(), p.introspectionEndpoint());
        assertEquals(Optional.empty(), p.endSessionEndpoint());
        OidcProvider t = OidcProvider.dvcqgTest();
        assertTrue(t.authorizationEndpoint().toString().startsWith("https://testxacthuc.dichvucong.gov.vn/"));
        OidcProvider withKeys = t.toBuilder().jwksUri("https://testxacthuc.dichvucong.gov.vn/oauth2/jwks").build();
        assertTrue(withKeys.jwksUri().isPresent());
        assertEquals(t.issuer(), withKeys.issuer());
    }

    @Test
    void theBuilderListsEveryMissingOrBadUrl() {
        ValidationException e = assertThrows(ValidationException.class, () -> OidcProvider.builder()
                .issuer("not a url").tokenEndpoint("ftp://x/token").jwksUri("https://user@x/jwks").build());
        assertEquals(5, e.errors().size(), e.getMessage());
        assertThrows(ValidationException.class, () -> OidcProvider.discover(null, HTTP));
        assertThrows(ValidationException.class, () -> OidcProvider.discover("https://op.example", null));
        assertThrows(ValidationException.class, () -> OidcProvider.discover("javascript:alert(1)", HTTP));
    }

    @Test
    void discoveryReadsTheEndpoints() throws Exception {
        try (JwksServer server = new JwksServer("{}")) {
            String issuer = base(server) + "/op";
            server.serve(doc(issuer, ""));
            OidcProvider p = OidcProvider.discover(issuer, HTTP);
            assertEquals(issuer, p.issuer());
            assertEquals(URI.create(issuer + "/token"), p.tokenEndpoint());
            assertEquals(Optional.of(URI.create(issuer + "/jwks")), p.jwksUri());
            assertEquals(Optional.of(URI.create(issuer + "/validate")), p.validateTokenEndpoint());
        }
    }

    @Test
    void discoveryRefusesAnotherIssuerAndBrokenDocuments() throws Exception {
        try (JwksServer server = new JwksServer("{}")) {
            String issuer = base(server) + "/op";
            server.serve(doc("https://attacker.example/op", ""));
            assertEquals(OidcDiscoveryException.Reason.ISSUER_MISMATCH, refused(issuer));
            server.serve(doc(issuer, "").replace("\"issuer\"", "\"x\""));
            assertEquals(OidcDiscoveryException.Reason.ISSUER_MISMATCH, refused(issuer));
            server.serve("[1,2]");
            assertEquals(OidcDiscoveryException.Reason.MALFORMED, refused(issuer));
            server.serve("<html>");
            assertEquals(OidcDiscoveryException.Reason.MALFORMED, refused(issuer));
            server.serve(doc(issuer, "").replace("\"token_endpoint\"", "\"t\""));
            assertEquals(OidcDiscoveryException.Reason.BAD_ENDPOINT, refused(issuer));
            server.serve(doc(issuer, "").replace("\"" + issuer + "/token\"", "\"javascript:1\""));
            assertEquals(OidcDiscoveryException.Reason.BAD_ENDPOINT, refused(issuer));
            server.serve(doc(issuer, "").replace("\"" + issuer + "/jwks\"", "42"));
            assertEquals(OidcDiscoveryException.Reason.MALFORMED, refused(issuer));
            server.serve(doc(issuer, ",\"pad\":\"" + "x".repeat(70_000) + "\""));
            assertEquals(OidcDiscoveryException.Reason.TOO_LARGE, refused(issuer));
            server.serve(503, "{\"error\":\"temporarily_unavailable\"}");
            EgovException down = assertThrows(EgovException.class, () -> OidcProvider.discover(issuer, HTTP));
            assertTrue(down.httpStatus().isPresent());
        }
    }

    private static OidcDiscoveryException.Reason refused(String issuer) {
        return assertThrows(OidcDiscoveryException.class, () -> OidcProvider.discover(issuer, HTTP)).reason();
    }

    static String base(JwksServer server) {
        return server.url().replace("/sso/jwks", "");
    }

    static String doc(String issuer, String extra) {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"userinfo_endpoint\":\"" + issuer + "/userinfo\","
                + "\"jwks_uri\":\"" + issuer + "/jwks\",\"validatetoken_endpoint\":\"" + issuer + "/validate\""
                + extra + "}";
    }
}
