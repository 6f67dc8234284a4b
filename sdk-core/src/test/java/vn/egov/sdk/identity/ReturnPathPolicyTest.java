package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.sdk.core.ValidationException;

/** The return-path allow-list against the open-redirect classics. */
class ReturnPathPolicyTest {
    private static final ReturnPathPolicy POLICY = ReturnPathPolicy.builder()
            .allowOrigin("https://dichvucong.tinh.gov.vn").allowOrigin("HTTP://LocalHost:8080/").build();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ho-so/123", "/ho-so?ma=1.001234&x=%2F%2Fy#tab", "/a%20b", "/search?q=100%25",
        "/thu-tuc/M%C3%A3", "/foo//bar", "https://dichvucong.tinh.gov.vn/dvc?vnconnect=1",
        "https://DICHVUCONG.tinh.gov.vn:443/x", "HTTPS://dichvucong.tinh.gov.vn", "http://localhost:8080/cb"})
    void allowed(String path) {
        assertEquals(path, POLICY.check(path));
        assertTrue(POLICY.allows(path));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("//evil.com", "protocolRelative"),
                Arguments.of("//evil.com/%2F..", "protocolRelative"),
                Arguments.of("/\\evil.com", "backslash"),
                Arguments.of("\\\\evil.com", "backslash"),
                Arguments.of("https://dichvucong.tinh.gov.vn\\@evil.com", "backslash"),
                Arguments.of("https:evil.com", "syntax"),
                Arguments.of("https:/evil.com", "syntax"),
                Arguments.of("https:///evil.com", "origin"),
                Arguments.of("%2F%2Fevil.com", "notAbsolutePath"),
                Arguments.of("/%2F%2Fevil.com", "encodedRedirect"),
                Arguments.of("/%2Fevil.com", "encodedRedirect"),
                Arguments.of("/%252F%252Fevil.com", "encodedRedirect"),
                Arguments.of("/%5Cevil.com", "encodedRedirect"),
                Arguments.of("/%0d%0aLocation:%20https://evil", "encodedRedirect"),
                Arguments.of("/%zz", "encoding"),
                Arguments.of("javascript:alert(1)", "scheme"),
                Arguments.of("JavaScript:alert(1)//", "scheme"),
                Arguments.of("data:text/html,<script>", "syntax"),
                Arguments.of("data:text/html;base64,PHNjcmlwdD4", "scheme"),
                Arguments.of("vbscript:x", "scheme"),
                Arguments.of("ftp://dichvucong.tinh.gov.vn/", "scheme"),
                Arguments.of("/\tevil", "characters"),
                Arguments.of("/\nevil", "characters"),
                Arguments.of("\t//evil.com", "characters"),
                Arguments.of(" /x", "characters"),
                Arguments.of("/x\u0000", "characters"),
                Arguments.of("/\u2028x", "characters"),
                Arguments.of("/thủ-tục", "characters"),
                Arguments.of("／／evil.com", "characters"),
                Arguments.of("https://dichvucong.tinh.gov.vn@evil.com/", "userinfo"),
                Arguments.of("https://evil.com@dichvucong.tinh.gov.vn/", "userinfo"),
                Arguments.of("https://dichvucong.tinh.gov.vn%2F@evil.com", "userinfo"),
                Arguments.of("https://evil.com/dichvucong.tinh.gov.vn", "origin"),
                Arguments.of("https://dichvucong.tinh.gov.vn.evil.com/", "origin"),
                Arguments.of("https://evil.com#@dichvucong.tinh.gov.vn", "origin"),
                Arguments.of("http://dichvucong.tinh.gov.vn/", "origin"),
                Arguments.of("https://dichvucong.tinh.gov.vn:8443/", "origin"),
                Arguments.of("https://localhost:8080/", "origin"),
                Arguments.of("https://%64ichvucong.tinh.gov.vn/", "origin"),
                Arguments.of("evil.com", "notAbsolutePath"),
                Arguments.of("ho-so/1", "notAbsolutePath"),
                Arguments.of("./x:y", "notAbsolutePath"),
                Arguments.of("", "length"),
                Arguments.of("/" + "a".repeat(ReturnPathPolicy.MAX_LENGTH), "length"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("refused")
    void refusedWithTheRule(String path, String rule) {
        ValidationException e = assertThrows(ValidationException.class, () -> POLICY.check(path));
        assertEquals("returnPath." + rule, e.errors().get(0).code(), e.getMessage());
        assertEquals("returnPath", e.errors().get(0).path());
        assertFalse(e.getMessage().contains("evil"), "the message does not repeat the value: " + e.getMessage());
        assertFalse(POLICY.allows(path));
    }

    @Test
    void relativeOnlyRefusesEveryAbsoluteUrl() {
        ReturnPathPolicy relative = ReturnPathPolicy.relativeOnly();
        assertTrue(relative.allows("/x"));
        assertFalse(relative.allows("https://dichvucong.tinh.gov.vn/"));
        assertEquals(Set.of(), relative.allowedOrigins());
        assertEquals(Set.of("https://dichvucong.tinh.gov.vn", "http://localhost:8080"), POLICY.allowedOrigins());
        assertFalse(relative.allows(null));
        assertThrows(ValidationException.class, () -> relative.check(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "dichvucong.tinh.gov.vn", "https://a.gov.vn/path", "https://a.gov.vn?x",
        "https://a.gov.vn#x", "https://u@a.gov.vn", "javascript:x", "ftp://a.gov.vn", "https://", "https:a.gov.vn",
        "http://[::1"})
    void badOriginsAreValidationExceptions(String origin) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ReturnPathPolicy.builder().allowOrigin(origin));
        assertEquals("ReturnPathPolicy.allowOrigin", e.errors().get(0).path());
    }
}
