package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.LoginCallbackException.Reason;

/** The callback parser with what a browser, or an attacker, may send. */
class LoginCallbackTest {

    @Test
    void aWholeUrlAPathOrAQueryGiveTheSameCallback() {
        for (String form : new String[] {"https://app.example/cb?code=c%2B1&state=s-1&iss=https%3A%2F%2Fop#frag",
                "/cb?code=c%2B1&state=s-1&iss=https%3A%2F%2Fop", "?code=c%2B1&state=s-1&iss=https%3A%2F%2Fop",
                "code=c%2B1&state=s-1&iss=https%3A%2F%2Fop"}) {
            LoginCallback c = LoginCallback.parse(form);
            assertEquals(Optional.of("c+1"), c.code(), form);
            assertEquals("s-1", c.state());
            assertEquals(Optional.of("https://op"), c.issuer());
            assertFalse(c.isError());
        }
    }

    @Test
    void anErrorResponseKeepsItsCodeAndDescription() {
        LoginCallback c = LoginCallback.parse("?error=access_denied&error_description=T%E1%BB%AB+ch%E1%BB%91i&state=s");
        assertTrue(c.isError());
        assertEquals(Optional.of("access_denied"), c.error());
        assertEquals(Optional.of("Từ chối"), c.errorDescription());
        assertTrue(c.code().isEmpty());
    }

    @Test
    void unknownParametersAreIgnoredAndToStringShowsNoCodeOrState() {
        LoginCallback c = LoginCallback.parse("?code=secret-code&state=secret-state&session_state=x&foo=1&foo=2");
        assertEquals("secret-code", c.code().orElseThrow());
        assertFalse(c.toString().contains("secret-code"));
        assertFalse(c.toString().contains("secret-state"));
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("duplicate state", "?code=c&state=a&state=b", Reason.DUPLICATE_PARAMETER),
                Arguments.of("duplicate code", "?code=c&code=d&state=a", Reason.DUPLICATE_PARAMETER),
                Arguments.of("duplicate iss", "?code=c&state=a&iss=x&iss=y", Reason.DUPLICATE_PARAMETER),
                Arguments.of("no state", "?code=c", Reason.MISSING_PARAMETER),
                Arguments.of("empty state", "?code=c&state=", Reason.MISSING_PARAMETER),
                Arguments.of("neither code nor error", "?state=a", Reason.MISSING_PARAMETER),
                Arguments.of("empty code", "?code=&state=a", Reason.MISSING_PARAMETER),
                Arguments.of("empty error", "?error=&state=a", Reason.MISSING_PARAMETER),
                Arguments.of("both code and error", "?code=c&error=access_denied&state=a", Reason.MALFORMED),
                Arguments.of("broken escape", "?code=c%2&state=a", Reason.MALFORMED),
                Arguments.of("non-hex escape", "?code=c%zz&state=a", Reason.MALFORMED),
                Arguments.of("escape at the end", "?code=c&state=a%", Reason.MALFORMED),
                Arguments.of("invalid UTF-8", "?code=c&state=%C3%28", Reason.MALFORMED),
                Arguments.of("overlong UTF-8 slash", "?code=c&state=%C0%AF", Reason.MALFORMED),
                Arguments.of("encoded newline", "?code=c%0A&state=a", Reason.MALFORMED),
                Arguments.of("encoded NUL", "?code=c&state=a%00", Reason.MALFORMED),
                Arguments.of("raw tab", "?code=c\t&state=a", Reason.MALFORMED),
                Arguments.of("raw space", "?code=c d&state=a", Reason.MALFORMED),
                Arguments.of("raw non-ASCII", "?code=c&state=ä", Reason.MALFORMED),
                Arguments.of("bidi override", "?code=c&state=%E2%80%AE", Reason.MALFORMED),
                Arguments.of("over-long code", "?code=" + "c".repeat(5000) + "&state=a", Reason.MALFORMED),
                Arguments.of("over-long query", "?code=c&state=a&x=" + "y".repeat(9000), Reason.TOO_LARGE),
                Arguments.of("huge input", "x".repeat(20_000), Reason.TOO_LARGE),
                Arguments.of("too many parameters", "?code=c&state=a" + "&p=1".repeat(100), Reason.TOO_LARGE),
                Arguments.of("empty", "", Reason.MISSING_PARAMETER),
                Arguments.of("fragment only", "https://app.example/cb#code=c&state=a", Reason.MISSING_PARAMETER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileCallbacksAreTypedRefusals(String name, String callback, Reason reason) {
        LoginCallbackException e = assertThrows(LoginCallbackException.class, () -> LoginCallback.parse(callback));
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "the message does not echo the input");
    }

    @Test
    void nullIsTheCallersMistake() {
        assertThrows(ValidationException.class, () -> LoginCallback.parse(null));
    }
}
