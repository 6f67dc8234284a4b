package vn.egov.sdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;

class VdxpHeaderBundleTest {
    /** 09:15:00.123 on 2 May 2024 in Hà Nội. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-02T02:15:00.123Z"), ZoneOffset.UTC);
    private static final String SECRET = "test-secret-not-real";
    private static final String HASH_FILE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final VdxpHeaderBundle bundle = VdxpHeaderBundle.builder("vxp.test.01", Secret.of(SECRET), CLOCK).build();

    @Test
    void addsTheWholeBundleWithAnIndependentlyComputedHmac() throws Exception {
        ApiRequest request = ApiRequest.builder("POST", "https://axis.example/vdxp/sendEdoc")
                .header("XroadVnpt-Content-Type", "application/octet-stream")
                .header("XroadVnpt-from", "000.00.00.H99")
                .header("XroadVnpt-servicetype", "eDoc")
                .header("XroadVnpt-messagetype", "edoc")
                .header("XroadVnpt-hash-file", HASH_FILE)
                .build();

        ApiRequest signed = bundle.authenticate(request, null);

        String expectedSignHeader = "{\"XroadVnpt-Content-Type\":\"application/octet-stream\","
                + "\"XroadVnpt-timestamp\":\"02052024T091500+0123\",\"XroadVnpt-systemid\":\"vxp.test.01\","
                + "\"XroadVnpt-from\":\"000.00.00.H99\",\"XroadVnpt-servicetype\":\"eDoc\","
                + "\"XroadVnpt-messagetype\":\"edoc\",\"XroadVnpt-hash-file\":\"" + HASH_FILE + "\"}";
        assertEquals(expectedSignHeader, signed.header("XroadVnpt-sign-header").orElseThrow());
        assertEquals("Content-Type;timestamp;systemid;from;servicetype;messagetype;hash-file",
                signed.header("XroadVnpt-sign-header-key").orElseThrow());
        assertEquals(hmac(SECRET, expectedSignHeader), signed.header("XroadVnpt-hash-header").orElseThrow());
        assertEquals("02052024T091500+0123", signed.header("XroadVnpt-timestamp").orElseThrow());
        assertEquals("vxp.test.01", signed.header("XroadVnpt-systemid").orElseThrow());
        assertEquals("3.0.201608", signed.header("XroadVnpt-version").orElseThrow());
        assertEquals("JAVASDKAgent/1.0.0 XRoad/VPCP", signed.header("User-Agent").orElseThrow());
    }

    @Test
    void debugHelpersGiveTheExactStringSignedAndItsHmac() throws Exception {
        Map<String, String> logical = new LinkedHashMap<>();
        logical.put("Content-Type", "application/json");
        logical.put("timestamp", "02052024T091500+0123");
        logical.put("systemid", "vxp.test.01");
        logical.put("docId", "a\"b\\c");

        VdxpHeaderBundle.Signature s = VdxpHeaderBundle.sign(logical, Secret.of(SECRET));

        String expected = "{\"XroadVnpt-Content-Type\":\"application/json\",\"XroadVnpt-timestamp\":"
                + "\"02052024T091500+0123\",\"XroadVnpt-systemid\":\"vxp.test.01\",\"XroadVnpt-docId\":\"a\\\"b\\\\c\"}";
        assertEquals(expected, s.signHeader());
        assertEquals(expected, VdxpHeaderBundle.signHeaderOf(logical));
        assertEquals(hmac(SECRET, expected), s.hashHeader());
        assertEquals(hmac(SECRET, expected), VdxpHeaderBundle.hmacHex(Secret.of(SECRET), expected));
        assertEquals("Content-Type;timestamp;systemid;docId", s.signHeaderKey());
        assertEquals(s, bundle.signatureFor(Map.of("docId", "a\"b\\c"), "application/json", CLOCK.instant()));
    }

    @Test
    void contentTypeFallsBackToJsonAndCallHeadersCannotOverrideTheBundle() {
        ApiRequest request = ApiRequest.builder("POST", "https://axis.example/vdxp/getEdoc")
                .header("XroadVnpt-systemid", "someone.else")
                .header("XroadVnpt-docId", "d-1")
                .build();
        ApiRequest signed = bundle.authenticate(request, null);
        assertEquals("Content-Type;timestamp;systemid;docId", signed.header("XroadVnpt-sign-header-key").orElseThrow());
        assertEquals("vxp.test.01", signed.header("XroadVnpt-systemid").orElseThrow());
        assertEquals("application/json", signed.header("XroadVnpt-Content-Type").orElseThrow());
    }

    @Test
    void timestampIsMillisecondsPaddedToFourDigitsAndParsesBack() {
        assertEquals("02052024T091500+0123",
                VdxpHeaderBundle.formatTimestamp(CLOCK.instant().atZone(ZoneOffset.UTC)));
        assertEquals(CLOCK.instant(), VdxpHeaderBundle.parseTimestamp("02052024T091500+0123").orElseThrow());
        assertTrue(VdxpHeaderBundle.parseTimestamp("2024-05-02").isEmpty());
        assertTrue(VdxpHeaderBundle.parseTimestamp("02052024T091500+1000").isEmpty());
    }

    @Test
    void timestampPadsEveryMillisecondAsStringFormatDid() {
        java.time.ZonedDateTime base = CLOCK.instant().atZone(ZoneOffset.UTC).withNano(0);
        for (int ms : new int[] {0, 1, 9, 10, 99, 100, 123, 999}) {
            java.time.ZonedDateTime t = base.plusNanos(ms * 1_000_000L + 999_999);
            assertEquals("02052024T091500+" + String.format(java.util.Locale.ROOT, "%04d", ms),
                    VdxpHeaderBundle.formatTimestamp(t));
        }
    }

    @Test
    void signaturesFromManyThreadsAllCarryTheIndependentHmac() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        VdxpHeaderBundle.Signature s = bundle.signatureFor(Map.of("docId", thread + "-" + i),
                                "application/json", CLOCK.instant());
                        assertEquals(hmac(SECRET, s.signHeader()), s.hashHeader());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void timestampFormatAndUserAgentAreConfigurable() {
        VdxpHeaderBundle custom = VdxpHeaderBundle.builder("vxp.test.01", Secret.of(SECRET), CLOCK)
                .timestampFormatter(t -> "T" + t.toEpochSecond())
                .userAgent("vendor/2.0")
                .build();
        ApiRequest signed = custom.authenticate(ApiRequest.builder("GET", "https://axis.example/x").build(), null);
        assertEquals("T1714616100", signed.header("XroadVnpt-timestamp").orElseThrow());
        assertEquals("vendor/2.0", signed.header("User-Agent").orElseThrow());
    }

    @Test
    void badInputNamesTheFieldAndTheSecretNeverShows() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> VdxpHeaderBundle.builder(" ", Secret.of(SECRET), CLOCK));
        assertEquals("VdxpHeaderBundle.systemId", e.errors().get(0).path());
        assertThrows(ValidationException.class, () -> VdxpHeaderBundle.builder("s", null, CLOCK));
        assertThrows(ValidationException.class, () -> VdxpHeaderBundle.builder("s", Secret.of(SECRET), null));
        assertFalse(bundle.toString().contains(SECRET));
    }

    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
