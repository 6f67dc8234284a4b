package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.Fault;

/**
 * Hostile or broken userinfo bodies: each is a {@link UserInfoFormatException} naming the rule, never an NPE or a
 * Jackson exception, and its message never repeats the body's text.
 */
class UserInfoHostileInputTest {
    private static final String SECRET_VALUE = "079203001234";

    static Stream<Arguments> bodies() {
        byte[] invalidUtf8 = ("{\"sub\":\"" + SECRET_VALUE + "\",\"HoVaTen\":\"A").getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = new byte[invalidUtf8.length + 3];
        System.arraycopy(invalidUtf8, 0, withBadByte, 0, invalidUtf8.length);
        withBadByte[invalidUtf8.length] = (byte) 0xC3;
        withBadByte[invalidUtf8.length + 1] = (byte) 0x28;
        withBadByte[invalidUtf8.length + 2] = '"';
        byte[] closed = new byte[withBadByte.length + 1];
        System.arraycopy(withBadByte, 0, closed, 0, withBadByte.length);
        closed[withBadByte.length] = '}';
        return Stream.of(
                Arguments.of("null body", null, "json.required"),
                Arguments.of("empty", bytes(""), "json.malformed"),
                Arguments.of("white space", bytes("   \n"), "json.malformed"),
                Arguments.of("truncated", bytes("{\"sub\":\"" + SECRET_VALUE + "\",\"LoaiTaiKhoan\":"), "json.malformed"),
                Arguments.of("not JSON", bytes("<html>" + SECRET_VALUE + "</html>"), "json.malformed"),
                Arguments.of("bare token", bytes("tru" + SECRET_VALUE), "json.malformed"),
                Arguments.of("trailing garbage", bytes("{\"sub\":\"s\"} {\"sub\":\"t\"}"), "json.malformed"),
                Arguments.of("single quotes", bytes("{'sub':'" + SECRET_VALUE + "'}"), "json.malformed"),
                Arguments.of("comment", bytes("{/*x*/\"sub\":\"s\"}"), "json.malformed"),
                Arguments.of("invalid UTF-8", closed, "json.malformed"),
                Arguments.of("an array", bytes("[{\"sub\":\"s\"}]"), "json.notObject"),
                Arguments.of("a string", bytes("\"sub\""), "json.notObject"),
                Arguments.of("JSON null", bytes("null"), "json.notObject"),
                Arguments.of("duplicate sub", bytes("{\"sub\":\"victim\",\"sub\":\"attacker\"}"), "json.duplicateClaim"),
                Arguments.of("duplicate TechID", bytes("{\"sub\":\"s\",\"TechID\":\"a\",\"TechID\":\"b\"}"),
                        "json.duplicateClaim"),
                Arguments.of("oversized", bytes("{\"sub\":\"s\",\"x\":\"" + "a".repeat(70_000) + "\"}"), "json.tooLarge"),
                Arguments.of("long string", bytes("{\"sub\":\"s\",\"x\":\"" + "a".repeat(20_000) + "\"}"), "json.tooLarge"),
                Arguments.of("deep nesting", bytes("{\"sub\":\"s\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}"),
                        "json.tooDeep"),
                Arguments.of("deep objects", bytes("{\"sub\":\"s\",\"x\":" + "{\"a\":".repeat(20) + "1"
                        + "}".repeat(20) + "}"), "json.tooDeep"),
                Arguments.of("many tokens", bytes("{\"sub\":\"s\",\"x\":[" + "1,".repeat(15_000) + "1]}"), "json.tooLarge"),
                Arguments.of("huge number", bytes("{\"sub\":\"s\",\"IAL\":" + "9".repeat(2000) + "}"), "json.tooLarge"),
                Arguments.of("no sub", bytes("{\"SoDinhDanh\":\"" + SECRET_VALUE + "\"}"), "claim.required"),
                Arguments.of("blank sub", bytes("{\"sub\":\"  \"}"), "claim.required"),
                Arguments.of("object sub", bytes("{\"sub\":{\"id\":\"" + SECRET_VALUE + "\"}}"), "claim.required"),
                Arguments.of("null sub", bytes("{\"sub\":null}"), "claim.required"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void isATypedErrorNamingTheRule(String name, byte[] body, String rule) {
        UserInfoFormatException e = assertThrows(UserInfoFormatException.class, () -> DvcqgIdentity.fromUserInfo(body));
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(Fault.VERIFICATION, e.fault());
        assertFalse(e.getMessage().contains(SECRET_VALUE), e.getMessage());
        assertFalse(e.getMessage().endsWith("null"), e.getMessage());
    }
}
