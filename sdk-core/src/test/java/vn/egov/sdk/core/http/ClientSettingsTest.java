package vn.egov.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

/** {@link ClientSettings}: an immutable value, validated field by field, shared and derived, printed without secrets. */
class ClientSettingsTest {
    private static final HttpInterceptor AUDIT = new HttpInterceptor() { };

    @Test
    void nothingSetMeansEachClientsDefaults() {
        ClientSettings s = ClientSettings.defaults();
        assertEquals(Optional.empty(), s.endpoint());
        assertEquals(Optional.empty(), s.deadline());
        assertEquals(Optional.empty(), s.maxResponseBytes());
        assertEquals(Clock.systemUTC(), s.clock());
        assertSame(Sleeper.SYSTEM, s.sleeper());
        assertEquals(List.of(), s.interceptors());
        assertEquals("ClientSettings[clock=SystemClock[Z], sleeper=SYSTEM, interceptors=0]", s.toString());
    }

    @Test
    void toBuilderDerivesAVariantAndLeavesTheOriginalAlone() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        ClientSettings shared = ClientSettings.builder().deadline(Duration.ofSeconds(20)).clock(fixed)
                .retryPolicy(RetryPolicy.none()).addInterceptor(AUDIT).build();
        ClientSettings axis = shared.toBuilder().endpoint("https://axis.example.gov.vn/vdxp/").build();

        assertEquals(Optional.of("https://axis.example.gov.vn/vdxp"), axis.endpoint());
        assertEquals(Optional.empty(), shared.endpoint());
        assertEquals(Optional.of(Duration.ofSeconds(20)), axis.deadline());
        assertSame(fixed, axis.clock());
        assertEquals(List.of(AUDIT), axis.interceptors());
        assertNotSame(shared, axis);
        assertThrows(UnsupportedOperationException.class, () -> axis.interceptors().add(AUDIT));
    }

    @Test
    void orElseFillsOnlyWhatIsUnset() {
        ClientSettings own = ClientSettings.builder().deadline(Duration.ofSeconds(5)).build();
        ClientSettings defaults = ClientSettings.builder().deadline(Duration.ofSeconds(120))
                .readTimeout(Duration.ofSeconds(60)).maxResponseBytes(64L << 20).tempDirectory(Path.of("/tmp"))
                .build();
        ClientSettings merged = own.orElse(defaults);
        assertEquals(Optional.of(Duration.ofSeconds(5)), merged.deadline());
        assertEquals(Optional.of(Duration.ofSeconds(60)), merged.readTimeout());
        assertEquals(Optional.of(64L << 20), merged.maxResponseBytes());
        assertEquals(Optional.of(Path.of("/tmp")), merged.tempDirectory());
        assertEquals(Optional.empty(), merged.writeTimeout());
    }

    @Test
    void everyMistakeNamesItsField() {
        ClientSettingsBuilder b = ClientSettings.builder();
        assertField("ClientSettings.endpoint", () -> b.endpoint("ftp://axis.example"));
        assertField("ClientSettings.endpoint", () -> b.endpoint("https://axis.example/?token=x"));
        assertField("ClientSettings.endpoint", () -> b.endpoint("not a url"));
        assertField("ClientSettings.endpoint", () -> b.endpoint(null));
        assertField("ClientSettings.connectTimeout", () -> b.connectTimeout(Duration.ZERO));
        assertField("ClientSettings.readTimeout", () -> b.readTimeout(null));
        assertField("ClientSettings.writeTimeout", () -> b.writeTimeout(Duration.ofSeconds(-1)));
        assertField("ClientSettings.deadline", () -> b.deadline(Duration.ZERO));
        assertField("ClientSettings.retryPolicy", () -> b.retryPolicy(null));
        assertField("ClientSettings.clock", () -> b.clock(null));
        assertField("ClientSettings.sleeper", () -> b.sleeper(null));
        assertField("ClientSettings.interceptor", () -> b.addInterceptor(null));
        assertField("ClientSettings.userAgent", () -> b.userAgent("bad\r\nX-Injected: 1"));
        assertField("ClientSettings.maxResponseBytes", () -> b.maxResponseBytes(10));
        assertField("ClientSettings.tempDirectory", () -> b.tempDirectory(null));
        assertField("ClientSettings.okHttpClient", () -> b.okHttpClient(null));
        assertField("ClientSettings.connectionPool", () -> b.connectionPool(null));
        assertField("ClientSettings.fallback", () -> ClientSettings.defaults().orElse(null));
    }

    @Test
    void toStringShowsNoUserInfoOrQuery() {
        ClientSettings s = ClientSettings.builder().endpoint("https://user:pa55word@axis.example.gov.vn:8443/vdxp")
                .userAgent("vendor-app/2.0").maxResponseBytes(2048).build();
        String shown = s.toString();
        assertTrue(shown.contains("endpoint=https://axis.example.gov.vn:8443/vdxp"), shown);
        assertFalse(shown.contains("pa55word"), shown);
        assertFalse(shown.contains("user:"), shown);
        assertTrue(shown.contains("userAgent=vendor-app/2.0") && shown.contains("maxResponseBytes=2048"), shown);
    }

    @Test
    void oneValueIsSharedByRuntimesThatKeepTheirOwnDefaults() {
        ClientSettings shared = ClientSettings.builder().deadline(Duration.ofSeconds(7)).build();
        try (HttpRuntime a = HttpRuntime.builder().settings(shared).build();
             HttpRuntime b = HttpRuntime.builder().settings(shared).build()) {
            assertEquals(Optional.of(Duration.ofSeconds(7)), a.settings().deadline());
            assertEquals(Optional.of(Duration.ofSeconds(30)), b.settings().readTimeout());
            assertEquals(Optional.of(32L * 1024 * 1024), b.settings().maxResponseBytes());
            assertTrue(a.settings().userAgent().orElseThrow().startsWith("egov-sdk-java/"));
        }
    }

    private static void assertField(String field, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        assertEquals(field, e.errors().get(0).path(), e.getMessage());
        assertFalse(e.getMessage().endsWith(": null"), e.getMessage());
    }

    /** A call that may throw. */
    @FunctionalInterface
    private interface Executable {
        void run();
    }
}
