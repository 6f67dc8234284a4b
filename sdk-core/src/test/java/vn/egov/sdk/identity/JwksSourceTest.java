package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.identity.TestTokens.CLIENT_ID;
import static vn.egov.sdk.identity.TestTokens.EC1;
import static vn.egov.sdk.identity.TestTokens.ISSUER;
import static vn.egov.sdk.identity.TestTokens.NONCE;
import static vn.egov.sdk.identity.TestTokens.NOW;
import static vn.egov.sdk.identity.TestTokens.RSA1;
import static vn.egov.sdk.identity.TestTokens.RSA2;
import static vn.egov.sdk.identity.TestTokens.sign;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.testsupport.LogCapture;

/** The JWKS fetched over HTTP: caching, rate-limited refetch, rotation, the endpoint down, bad documents. */
class JwksSourceTest {
    private final ManualClock clock = new ManualClock(NOW);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private JwksServer server(String jwks) throws Exception {
        JwksServer s = new JwksServer(jwks);
        open.add(s);
        return s;
    }

    private JwksSource source(JwksServer server) {
        JwksSource s = JwksSource.builder().url(server.url())
                .settings(ClientSettings.builder().retryPolicy(RetryPolicy.none()).build()).clock(clock).build();
        open.add(s);
        return s;
    }

    private IdTokenValidator validator(JwksSource jwks) {
        return IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID).jwks(jwks).clock(clock).build();
    }

    private static IdTokenException refused(IdTokenValidator v, String token, IdTokenFailure failure) {
        IdTokenException e = assertThrows(IdTokenException.class, () -> v.validate(token, NONCE));
        assertEquals(failure, e.failure(), e.getMessage());
        return e;
    }

    @Test
    void theSetIsFetchedOnceAndCachedForItsLifetime() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1));
        JwksSource jwks = source(server);
        IdTokenValidator v = validator(jwks);
        assertEquals(0, jwks.fetches(), "nothing is fetched before the first validation");
        String token = sign(RSA1, b -> b);
        for (int i = 0; i < 100; i++) {
            v.validate(token, NONCE);
        }
        assertEquals(1, jwks.fetches());
        assertEquals(1, server.requests());
        clock.advance(Duration.ofMinutes(5));
        v.validate(token, NONCE);
        assertEquals(2, server.requests(), "refetched after the 5-minute lifetime");
    }

    @Test
    void aFloodOfUnknownKidsCostsOneFetchPerWindow() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1));
        JwksSource jwks = source(server);
        IdTokenValidator v = validator(jwks);
        v.validate(sign(RSA1, b -> b), NONCE);
        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 50; i++) {
            String unknown = unknownKid("flood-" + i);
            IdTokenException e = refused(v, unknown, IdTokenFailure.UNKNOWN_KEY);
            assertEquals("kid", e.claim().orElseThrow());
        }
        assertEquals(2, server.requests(), "one initial fetch, one refetch for the whole flood");
        clock.advance(Duration.ofSeconds(29));
        refused(v, unknownKid("flood-x"), IdTokenFailure.UNKNOWN_KEY);
        assertEquals(2, server.requests(), "still within the 30 s window");
        clock.advance(Duration.ofSeconds(2));
        refused(v, unknownKid("flood-y"), IdTokenFailure.UNKNOWN_KEY);
        assertEquals(3, server.requests(), "the next window allows one more");
        assertEquals(3, jwks.fetches());
    }

    /** A token whose kid names no key of the set (signed by a key that is not in it either). */
    private static String unknownKid(String kid) {
        return sign(RSA2, TestTokens.claims().build(), h -> h.keyID(kid));
    }

    @Test
    void aRotatedKeyIsPickedUpWithoutRestart() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1));
        IdTokenValidator v = validator(source(server));
        v.validate(sign(RSA1, b -> b), NONCE);
        server.serve(TestTokens.jwks(RSA2));
        clock.advance(Duration.ofSeconds(31));
        assertEquals("user-0001", v.validate(sign(RSA2, b -> b), NONCE).subject(), "the new kid refetches the set");
        assertEquals(2, server.requests());
        refused(v, sign(RSA1, b -> b), IdTokenFailure.UNKNOWN_KEY); // the retired key is gone
    }

    @Test
    void theEndpointDownWithinTheLifetimeStillValidatesThenFailsClosed() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1));
        JwksSource jwks = source(server);
        IdTokenValidator v = validator(jwks);
        String token = sign(RSA1, b -> b.expirationTime(java.util.Date.from(NOW.plusSeconds(3600))));
        v.validate(token, NONCE);
        server.close();
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        v.validate(token, NONCE);
        assertEquals(1, jwks.fetches(), "the cached keys are used, nothing fetched");
        clock.advance(Duration.ofSeconds(1));
        IdTokenException e = refused(v, token, IdTokenFailure.JWKS_UNAVAILABLE);
        assertEquals(Fault.NETWORK, e.fault());
        assertTrue(e.retryable());
        assertEquals(2, jwks.fetches());
        clock.advance(Duration.ofSeconds(10));
        refused(v, token, IdTokenFailure.JWKS_UNAVAILABLE);
        assertEquals(2, jwks.fetches(), "no new attempt within the 30 s after a failure");
        clock.advance(Duration.ofSeconds(21));
        refused(v, token, IdTokenFailure.JWKS_UNAVAILABLE);
        assertEquals(3, jwks.fetches());
    }

    @Test
    void theProvidersErrorStatusIsAPlatformFault() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1));
        server.serve(503, "down for maintenance");
        IdTokenException e = refused(validator(source(server)), sign(RSA1, b -> b), IdTokenFailure.JWKS_UNAVAILABLE);
        assertEquals(Fault.PLATFORM, e.fault());
        assertEquals(503, e.httpStatus().orElseThrow());
    }

    @Test
    void anOversizedSetIsRefused() throws Exception {
        String big = TestTokens.jwks(RSA1).replaceFirst("\\{", "{\"pad\":\"" + "x".repeat(60_000) + "\",");
        JwksServer server = server(big);
        IdTokenException e = refused(validator(source(server)), sign(RSA1, b -> b), IdTokenFailure.JWKS_UNAVAILABLE);
        assertEquals(Fault.PLATFORM, e.fault());
        assertTrue(e.getMessage().contains("51200"), e.getMessage());
        server.serve(TestTokens.jwks(RSA1));
        JwksSource roomy = JwksSource.builder().url(server.url()).maxBytes(200_000).clock(clock).build();
        open.add(roomy);
        server.serve(big);
        validator(roomy).validate(sign(RSA1, b -> b), NONCE);
    }

    @Test
    void garbageIsRefused() throws Exception {
        JwksServer server = server("<html>Service Unavailable</html>");
        for (String garbage : List.of("<html>Service Unavailable</html>", "[]", "{\"keys\":{}}", "{}", "",
                "{\"keys\":[", "null")) {
            server.serve(garbage);
            clock.advance(Duration.ofMinutes(1));
            IdTokenException e = refused(validator(source(server)), sign(RSA1, b -> b),
                    IdTokenFailure.JWKS_UNAVAILABLE);
            assertEquals(Fault.PLATFORM, e.fault(), garbage);
        }
        server.serve(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "application/octet-stream");
        refused(validator(source(server)), sign(RSA1, b -> b), IdTokenFailure.JWKS_UNAVAILABLE);
    }

    @Test
    void anUnparseableKeyIsIgnoredNotFailingTheSet() throws Exception {
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"!!\"},{\"kty\":\"XYZ\"},42,"
                + "{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0\"}," + RSA1.toPublicJWK().toJSONString() + "]}";
        try (LogCapture log = new LogCapture()) {
            IdTokenValidator v = validator(source(server(jwks)));
            assertEquals("user-0001", v.validate(sign(RSA1, b -> b), NONCE).subject());
            assertTrue(log.all().contains("kid broken") && log.all().contains("ignored"), log.all());
        }
    }

    @Test
    void concurrentFirstValidationsShareOneFetch() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1, EC1));
        IdTokenValidator v = validator(source(server));
        String token = sign(EC1, b -> b);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> v.validate(token, NONCE).subject());
            }
            for (Future<String> f : pool.invokeAll(calls)) {
                assertEquals("user-0001", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.requests());
    }

    @Test
    void aConcurrentFloodOfUnknownKidsCostsOneFetch() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1));
        IdTokenValidator v = validator(source(server));
        v.validate(sign(RSA1, b -> b), NONCE);
        clock.advance(Duration.ofSeconds(31));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IdTokenFailure>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String token = unknownKid("concurrent-" + i);
                calls.add(() -> assertThrows(IdTokenException.class, () -> v.validate(token, NONCE)).failure());
            }
            for (Future<IdTokenFailure> f : pool.invokeAll(calls)) {
                assertEquals(IdTokenFailure.UNKNOWN_KEY, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, server.requests(), "the initial fetch and one refetch");
    }

    @Test
    void aFailedRefetchForAnUnknownKidKeepsTheCachedKeys() throws Exception {
        JwksServer server = server(TestTokens.jwks(RSA1));
        IdTokenValidator v = validator(source(server));
        String known = sign(RSA1, b -> b);
        v.validate(known, NONCE);
        server.close();
        clock.advance(Duration.ofSeconds(31));
        IdTokenException e = refused(v, unknownKid("rotated"), IdTokenFailure.JWKS_UNAVAILABLE);
        assertEquals(Fault.NETWORK, e.fault());
        assertEquals("user-0001", v.validate(known, NONCE).subject(), "the cached keys are still in their lifetime");
        refused(v, unknownKid("rotated"), IdTokenFailure.UNKNOWN_KEY); // no second attempt within the window
    }

    @Test
    void theBuilderAndFixedSetRefuseTheCallersMistakes() {
        ValidationException none = assertThrows(ValidationException.class, () -> JwksSource.builder().build());
        assertEquals("JwksSource.url", none.errors().get(0).path());
        assertThrows(ValidationException.class, () -> JwksSource.builder().url("ftp://x/jwks").build());
        assertThrows(ValidationException.class, () -> JwksSource.builder().url("/relative").build());
        assertThrows(ValidationException.class, () -> JwksSource.builder().url("http://x/j").maxBytes(0).build());
        assertThrows(ValidationException.class, () -> JwksSource.builder().url("http://x/j")
                .cacheTtl(Duration.ZERO).build());
        assertThrows(ValidationException.class, () -> JwksSource.builder().url("http://x/j")
                .minRefetchInterval(Duration.ofSeconds(-1)).build());
        assertThrows(ValidationException.class, () -> JwksSource.builder().settings(null));
        assertThrows(ValidationException.class, () -> JwksSource.builder().clock(null));
        assertThrows(ValidationException.class, () -> JwksSource.of(null));
        ValidationException bad = assertThrows(ValidationException.class, () -> JwksSource.of("not json"));
        assertEquals("JwksSource.jwksJson", bad.errors().get(0).path());
        assertEquals(0, JwksSource.of(TestTokens.jwks(RSA1)).fetches());
    }

    @Test
    void toStringShowsNoQueryNorKeys() {
        try (JwksSource s = JwksSource.builder().url("https://sso.test.example/jwks?token=abc").build()) {
            assertFalse(s.toString().contains("abc"), s.toString());
            assertTrue(s.toString().contains("https://sso.test.example/jwks"), s.toString());
        }
        String fixed = JwksSource.of(TestTokens.jwks(RSA1)).toString();
        assertFalse(fixed.contains(RSA1.getModulus().toString()), fixed);
        assertFalse(new String(TestTokens.jwks(RSA1).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .isEmpty());
    }
}
