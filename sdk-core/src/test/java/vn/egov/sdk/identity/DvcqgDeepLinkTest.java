package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.ValidationException;

/** The deep link from the national portal into a provincial one. */
class DvcqgDeepLinkTest {
    private static final String LINK = "vnconnect=1&MaTTHCDP=1.001234.000.00.00.H12&MaCoQuanThucHien=000.00.00.H12"
            + "&MaDVC=2.000123";

    @Test
    void readsTheThreeCodes() {
        DvcqgDeepLink link = DvcqgDeepLink.parse(URI.create("https://dichvucong.tinh.gov.vn/dvc?" + LINK))
                .orElseThrow();
        assertEquals(Optional.of("1.001234.000.00.00.H12"), link.procedureCode());
        assertEquals(Optional.of("000.00.00.H12"), link.agencyCode());
        assertEquals(Optional.of("2.000123"), link.serviceCode());
        assertEquals(LINK, link.toQuery());
        assertEquals(Optional.of(link), DvcqgDeepLink.parse(link.toQuery()));
        assertEquals(Optional.of(link), DvcqgDeepLink.parse("?" + LINK));
        assertEquals(Optional.of(link), DvcqgDeepLink.parse("/dvc?" + LINK + "#top"));
        assertEquals(Optional.of(link), DvcqgDeepLink.parse("other=a?b&" + LINK), "a '?' inside a value is kept");
    }

    @Test
    void percentDecodingIsUtf8AndNamesIgnoreCase() {
        DvcqgDeepLink link = DvcqgDeepLink.parse("VNCONNECT=1&madvc=M%C3%A3+s%E1%BB%91&Ma%54THCDP=%20x%20")
                .orElseThrow();
        assertEquals(Optional.of("Mã số"), link.serviceCode());
        assertEquals(Optional.of("x"), link.procedureCode());
        assertEquals(Optional.empty(), link.agencyCode());
        assertEquals("vnconnect=1&MaTTHCDP=x&MaDVC=M%C3%A3+s%E1%BB%91", link.toQuery());
        assertTrue(link.toString().contains("MaDVC="));
    }

    @Test
    void withoutVnconnectOneItIsNotADeepLink() {
        assertEquals(Optional.empty(), DvcqgDeepLink.parse("MaDVC=1"));
        assertEquals(Optional.empty(), DvcqgDeepLink.parse("vnconnect=0&MaDVC=1"));
        assertEquals(Optional.empty(), DvcqgDeepLink.parse("vnconnect&MaDVC=1"));
        assertEquals(Optional.empty(), DvcqgDeepLink.parse(""));
        assertEquals(Optional.empty(), DvcqgDeepLink.parse(URI.create("https://x.gov.vn/")));
        DvcqgDeepLink bare = DvcqgDeepLink.parse("vnconnect=1&MaDVC=&&x=y").orElseThrow();
        assertEquals(Optional.empty(), bare.serviceCode(), "blank is absent");
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("vnconnect=1&MaDVC=a&MaDVC=b", "MaDVC", "duplicate"),
                Arguments.of("vnconnect=1&MaDVC=a&madvc=b", "MaDVC", "duplicate"),
                Arguments.of("vnconnect=1&MaDVC=a&Ma%44VC=b", "MaDVC", "duplicate"),
                Arguments.of("vnconnect=1&vnconnect=0", "vnconnect", "duplicate"),
                Arguments.of("vnconnect=1&MaDVC=" + "a".repeat(300), "MaDVC", "tooLong"),
                Arguments.of("vnconnect=1&MaDVC=" + "%41".repeat(257), "MaDVC", "tooLong"),
                Arguments.of("vnconnect=1&x=" + "a".repeat(5000), "", "tooLong"),
                Arguments.of("vnconnect=1" + "&x=1".repeat(80), "", "tooMany"),
                Arguments.of("vnconnect=1&MaDVC=%zz", "MaDVC", "encoding"),
                Arguments.of("vnconnect=1&MaDVC=%4", "MaDVC", "encoding"),
                Arguments.of("vnconnect=1&MaDVC=%C3%28", "MaDVC", "encoding"),
                Arguments.of("vnconnect=1&MaDVC=%ED%A0%80", "MaDVC", "encoding"),
                Arguments.of("vnconnect=1&MaDVC=%EF%BC", "MaDVC", "encoding"),
                Arguments.of("vnconnect=1&MaDVC=a%0D%0ASet-Cookie:x", "MaDVC", "control"),
                Arguments.of("vnconnect=1&MaDVC=a%00", "MaDVC", "control"),
                Arguments.of("vnconnect=1&MaDVC=a%E2%80%A8b", "MaDVC", "control"),
                Arguments.of("vnconnect=1&MaDVC=a\tb", "MaDVC", "control"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("hostile")
    void hostileQueriesAreTypedErrors(String query, String parameter, String rule) {
        DeepLinkFormatException e = assertThrows(DeepLinkFormatException.class, () -> DvcqgDeepLink.parse(query));
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertEquals(rule, e.rule(), e.getMessage());
        assertFalse(e.getMessage().contains("Set-Cookie"));
    }

    @Test
    void nullIsAValidationException() {
        assertThrows(ValidationException.class, () -> DvcqgDeepLink.parse((String) null));
        assertThrows(ValidationException.class, () -> DvcqgDeepLink.parse((URI) null));
    }
}
