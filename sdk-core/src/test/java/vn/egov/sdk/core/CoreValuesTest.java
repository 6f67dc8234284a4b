package vn.egov.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;

/** Secret, RequestOptions, ApiRequest and exception values: bad input gets a typed error naming the field. */
class CoreValuesTest {
    @Test
    void apiResponseKeepsItsOwnCopyOfTheCallersHeaders() {
        java.util.TreeMap<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", new java.util.ArrayList<>(List.of("application/json")));
        vn.egov.sdk.core.http.ApiResponse response = new vn.egov.sdk.core.http.ApiResponse(200, headers, new byte[0]);
        headers.put("Content-Type", List.of("text/html"));
        headers.put("X-Later", List.of("1"));
        assertEquals("application/json", response.header("content-type").orElseThrow());
        assertTrue(response.header("X-Later").isEmpty());
        assertEquals(1, response.headers().size());
        assertThrows(UnsupportedOperationException.class, () -> response.headers().put("A", List.of()));
    }

    @Test
    void secretNeverShowsItsValue() {
        Secret s = Secret.of("hunter2");
        assertEquals("Secret[****]", s.toString());
        assertFalse(String.valueOf(s).contains("hunter2"));
        assertTrue(s.matches("hunter2"));
        assertFalse(s.matches("hunter3"));
        assertEquals(Secret.of("hunter2"), s);
        assertNotEquals(Secret.of("other"), s);
        assertEquals("secret.empty", assertThrows(ValidationException.class, () -> Secret.of("")).errors().get(0).code());
        assertThrows(ValidationException.class, () -> Secret.of(null));
    }

    @Test
    void requestOptionsRejectBadValuesWithTheFieldNamed() {
        assertEquals("RequestOptions.deadline", assertThrows(ValidationException.class,
                () -> RequestOptions.builder().deadline(Duration.ZERO)).errors().get(0).path());
        assertThrows(ValidationException.class, () -> RequestOptions.builder().idempotencyKey(" "));
        assertThrows(ValidationException.class, () -> RequestOptions.builder().idempotencyKey("x".repeat(256)));
        assertThrows(ValidationException.class, () -> RequestOptions.builder().maxAttempts(0));
        assertThrows(ValidationException.class, () -> RequestOptions.builder().correlationId("bad id\n"));
        RequestOptions o = RequestOptions.builder().idempotencyKey("k1").withoutIdempotencyKey().build();
        assertTrue(o.idempotencyKey().isEmpty() && o.withoutIdempotencyKey());
    }

    @Test
    void apiRequestRejectsBadMethodsUrlsAndBodies() {
        assertEquals("ApiRequest.method", assertThrows(ValidationException.class,
                () -> ApiRequest.builder("TRACE", "http://a/")).errors().get(0).path());
        for (String url : new String[] {"ftp://host/x", "/relative", "http://", "not a url", null}) {
            assertThrows(ValidationException.class, () -> ApiRequest.get(url), String.valueOf(url));
        }
        assertThrows(ValidationException.class,
                () -> ApiRequest.builder("GET", "http://a/").body(HttpBody.json("{}")).build());
        assertThrows(ValidationException.class, () -> ApiRequest.builder("GET", "http://a/").header("", "v"));
    }

    @Test
    void headerValuesOkHttpCannotSendAreAValidationException() {
        try (HttpRuntime runtime = HttpRuntime.builder().build()) {
            ValidationException e = assertThrows(ValidationException.class, () -> runtime.execute(
                    ApiRequest.builder("GET", "http://127.0.0.1:9/").header("X-Bad", "line\nbreak").build()));
            assertEquals("request.invalid", e.errors().get(0).code());
        }
    }

    @Test
    void runtimeBuilderRefusesInfiniteOrZeroTimeouts() {
        assertThrows(ValidationException.class, () -> HttpRuntime.builder().settings(ClientSettings.builder()
                .deadline(Duration.ZERO).build()));
        assertThrows(ValidationException.class, () -> HttpRuntime.builder().settings(ClientSettings.builder()
                .readTimeout(null).build()));
        assertThrows(ValidationException.class, () -> HttpRuntime.builder().settings(ClientSettings.builder()
                .connectTimeout(Duration.ofSeconds(-1)).build()));
    }

    @Test
    void validationExceptionListsEveryError() {
        ValidationException e = new ValidationException(List.of(new FieldError("a", "X.a", "must be set"),
                new FieldError("b", "X.b", "too long")));
        assertEquals(2, e.errors().size());
        assertTrue(e.getMessage().contains("X.a: must be set") && e.getMessage().contains("X.b: too long"));
        assertEquals(Fault.CALLER, e.fault());
        assertFalse(e.retryable());
        assertEquals(0, e.attempts());
        assertEquals("ValidationException.errors", new ValidationException(List.of()).errors().get(0).path());
    }
}
