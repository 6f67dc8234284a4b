package vn.egov.sdk.payment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgJson;
import vn.egov.sdk.payment.keypay.internal.KeypayWire;
import vn.egov.sdk.payment.paygov.internal.PayGovJson;

/**
 * The one flat-JSON reader under each wire format's rules (Keypay, PayGov, DVCQG): malformed, truncated, oversized,
 * deeply nested, duplicate-key and hostile bodies give the caller's error type or the documented fields, never
 * another exception.
 */
class FlatJsonReaderTest {
    private static final int MAX = 4096;
    /** An expected refusal; {@code field} is the field named, or {@code null} for the body as a whole. */
    private record Refused(String field) {
    }

    /** Either the fields or a refusal is fine (behaviour of the JSON parser, not a rule of ours). */
    private static final Object EITHER = new Object();

    static final class TestError extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;

        TestError(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private static final Refused BODY = new Refused(null);

    private static Refused field(String name) {
        return new Refused(name);
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** name, body, expected under Keypay's, PayGov's and DVCQG's rules. */
    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        c.add(Arguments.of("plain", utf8("{\"a\":\"x\",\"b\":12}"), map("a", "x", "b", "12"), map("a", "x", "b", "12"),
                map("a", "x", "b", "12")));
        c.add(Arguments.of("null body", null, BODY, BODY, BODY));
        c.add(Arguments.of("empty body", new byte[0], BODY, BODY, BODY));
        c.add(Arguments.of("whitespace only", utf8("  \n"), BODY, BODY, BODY));
        c.add(Arguments.of("truncated after name", utf8("{\"a\":"), BODY, BODY, BODY));
        c.add(Arguments.of("truncated in a string", utf8("{\"a\":\"x"), BODY, BODY, BODY));
        c.add(Arguments.of("truncated before the brace", utf8("{\"a\":\"x\""), BODY, BODY, BODY));
        c.add(Arguments.of("not JSON", utf8("MaLoi=00&SoTien=1"), BODY, BODY, BODY));
        c.add(Arguments.of("an array", utf8("[{\"a\":\"x\"}]"), BODY, BODY, BODY));
        c.add(Arguments.of("a string", utf8("\"x\""), BODY, BODY, BODY));
        c.add(Arguments.of("content after the object", utf8("{\"a\":\"x\"}{}"), BODY, BODY, BODY));
        c.add(Arguments.of("whitespace after the object", utf8("{\"a\":\"x\"}\r\n "), map("a", "x"), map("a", "x"),
                map("a", "x")));
        c.add(Arguments.of("single quotes", utf8("{'a':'x'}"), BODY, BODY, BODY));
        c.add(Arguments.of("comment", utf8("{/*c*/\"a\":\"x\"}"), BODY, BODY, BODY));
        c.add(Arguments.of("oversized", utf8("{\"a\":\"" + "x".repeat(MAX) + "\"}"), BODY, BODY, BODY));
        c.add(Arguments.of("duplicate key", utf8("{\"a\":\"1\",\"a\":\"2\"}"), BODY, BODY, BODY));
        c.add(Arguments.of("duplicate key in a nested object", utf8("{\"n\":{\"a\":1,\"a\":2}}"), BODY, field("n"),
                field("n")));
        c.add(Arguments.of("null", utf8("{\"a\":null,\"b\":\"x\"}"), map("b", "x"), map("a", "", "b", "x"),
                map("a", "", "b", "x")));
        c.add(Arguments.of("booleans", utf8("{\"t\":true,\"f\":false}"), map("t", "true", "f", "false"),
                map("t", "true", "f", "false"), map("t", "true", "f", "false")));
        c.add(Arguments.of("fraction as written", utf8("{\"a\":1.50}"), map("a", "1.50"), field("a"),
                map("a", "1.50")));
        c.add(Arguments.of("exponent", utf8("{\"a\":1e3}"), map("a", "1e3"), field("a"), map("a", "1e3")));
        c.add(Arguments.of("negative number", utf8("{\"a\":-5}"), map("a", "-5"), map("a", "-5"), map("a", "-5")));
        c.add(Arguments.of("nested object", utf8("{\"a\":\"x\",\"n\":{\"b\":[1,\"y\"]}}"),
                map("a", "x", "n", "{\"b\":[1,\"y\"]}"), field("n"), field("n")));
        c.add(Arguments.of("nested array", utf8("{\"n\":[]}"), map("n", "[]"), field("n"), field("n")));
        c.add(Arguments.of("deeply nested", utf8("{\"n\":" + "[".repeat(40) + "]".repeat(40) + "}"), BODY,
                field("n"), field("n")));
        c.add(Arguments.of("nesting far beyond the limit", utf8("{\"n\":" + "[".repeat(3000)), BODY, field("n"),
                field("n")));
        c.add(Arguments.of("number of 35 digits", utf8("{\"a\":" + "9".repeat(35) + "}"), map("a", "9".repeat(35)),
                BODY, map("a", "9".repeat(35))));
        c.add(Arguments.of("huge number", utf8("{\"a\":" + "9".repeat(1000) + "}"), BODY, BODY, BODY));
        c.add(Arguments.of("huge exponent", utf8("{\"a\":1e999999999}"), map("a", "1e999999999"), field("a"),
                map("a", "1e999999999")));
        c.add(Arguments.of("NaN", utf8("{\"a\":NaN}"), BODY, BODY, BODY));
        c.add(Arguments.of("leading zero", utf8("{\"a\":012}"), BODY, BODY, BODY));
        c.add(Arguments.of("byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("{\"a\":\"x\"}")), EITHER, EITHER, EITHER));
        c.add(Arguments.of("raw NUL in a string", utf8("{\"a\":\"x\u0000y\"}"), BODY, BODY, BODY));
        c.add(Arguments.of("raw NUL after the object", utf8("{\"a\":\"x\"}\u0000"), BODY, BODY, BODY));
        c.add(Arguments.of("escaped NUL", utf8("{\"a\":\"x\\u0000y\"}"), map("a", "x\u0000y"), map("a", "x\u0000y"),
                map("a", "x\u0000y")));
        c.add(Arguments.of("escaped lone surrogate", utf8("{\"a\":\"\\ud800\"}"), map("a", "\ud800"),
                map("a", "\ud800"), map("a", "\ud800")));
        c.add(Arguments.of("encoded lone surrogate (CESU bytes)", concat(utf8("{\"a\":\""),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}")), EITHER, EITHER, EITHER));
        c.add(Arguments.of("invalid UTF-8", concat(utf8("{\"a\":\""), new byte[] {(byte) 0xC3, (byte) 0x28},
                utf8("\"}")), BODY, BODY, BODY));
        c.add(Arguments.of("Latin-1 byte", concat(utf8("{\"a\":\""), new byte[] {(byte) 0xE9}, utf8("\"}")), BODY,
                BODY, BODY));
        c.add(Arguments.of("UTF-16 body", "{\"a\":\"x\"}".getBytes(StandardCharsets.UTF_16LE), EITHER, EITHER,
                EITHER));
        c.add(Arguments.of("Vietnamese text", utf8("{\"a\":\"Nguyễn Văn Đức\"}"), map("a", "Nguyễn Văn Đức"),
                map("a", "Nguyễn Văn Đức"), map("a", "Nguyễn Văn Đức")));
        return c.stream();
    }

    static Stream<Arguments> perRuleSet() {
        List<Arguments> out = new ArrayList<>();
        cases().forEach(a -> {
            Object[] v = a.get();
            out.add(Arguments.of("Keypay", KeypayWire.RULES, v[0], v[1], v[2]));
            out.add(Arguments.of("PayGov", PayGovJson.RULES, v[0], v[1], v[3]));
            out.add(Arguments.of("DVCQG", DvcqgJson.RULES, v[0], v[1], v[4]));
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("perRuleSet")
    void readsOrRefusesWithTheCallersError(String format, FlatJsonReader.Rules rules, String name, byte[] body,
            Object expected) {
        FlatJsonReader<TestError> reader = new FlatJsonReader<>(rules, TestError::new);
        Map<String, String> read;
        try {
            read = reader.read(body, MAX);
        } catch (TestError e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().contains(": null"), e.getMessage());
            assertTrue(e.getMessage().startsWith(rules.subject()) || e.getMessage().startsWith("field "),
                    e.getMessage());
            if (expected instanceof Refused r) {
                assertEquals(r.field(), e.field, e.getMessage());
            } else if (expected != EITHER) {
                fail(format + " refused " + name + " (" + e.getMessage() + "), expected " + expected);
            }
            return;
        }
        if (expected instanceof Refused) {
            fail(format + " read " + name + " as " + read + ", expected a refusal");
        }
        if (expected != EITHER) {
            assertEquals(expected, read);
            assertEquals(List.copyOf(((Map<?, ?>) expected).keySet()), List.copyOf(read.keySet()), "body order");
        }
    }

    @Test
    void aStringAboveTheFormatsLimitIsRefusedAndOneBelowIsRead() throws TestError {
        byte[] body = utf8("{\"a\":\"" + "x".repeat(70_000) + "\"}");
        FlatJsonReader<TestError> keypay = new FlatJsonReader<>(KeypayWire.RULES, TestError::new);
        FlatJsonReader<TestError> payGov = new FlatJsonReader<>(PayGovJson.RULES, TestError::new);
        assertThrows(TestError.class, () -> keypay.read(body, 1 << 20));
        assertEquals(70_000, payGov.read(body, 1 << 20).get("a").length());
    }

    @Test
    void repeatedKeysAreReadLastWinsWhenTheRulesAllowThem() throws TestError {
        FlatJsonReader.Rules lax = new FlatJsonReader.Rules("the body", 8, 100, 10, FlatJsonReader.Nulls.EMPTY_TEXT,
                FlatJsonReader.Nested.REFUSED, true, true, false);
        assertEquals(map("a", "2"), new FlatJsonReader<>(lax, TestError::new).read(utf8("{\"a\":1,\"a\":2}"), 100));
    }

    @Test
    void booleansCanBeRefused() {
        FlatJsonReader.Rules rules = FlatJsonReader.Rules.strict("the body").scalars(true, false);
        TestError e = assertThrows(TestError.class,
                () -> new FlatJsonReader<>(rules, TestError::new).read(utf8("{\"ok\":true}"), 100));
        assertEquals("ok", e.field);
    }

    @Test
    void payGovsErrorIsAMalformedCallbackNamingTheField() {
        CallbackVerificationException e = assertThrows(CallbackVerificationException.class,
                () -> PayGovJson.flatObject(utf8("{\"amount\":1.5}"), 100));
        assertEquals(CallbackFailure.MALFORMED, e.failure());
        assertEquals("amount", e.field().orElseThrow());
        CallbackVerificationException whole = assertThrows(CallbackVerificationException.class,
                () -> PayGovJson.flatObject(utf8("{"), 100));
        assertEquals(CallbackFailure.MALFORMED, whole.failure());
        assertTrue(whole.field().isEmpty());
    }

    @Test
    void eachFormatKeepsItsOwnErrorType() {
        assertThrows(KeypayWire.Malformed.class, () -> KeypayWire.fields(utf8("[]"), 100));
        assertThrows(DvcqgJson.Unreadable.class, () -> DvcqgJson.flatObject(utf8("[]"), 100));
        assertThrows(CallbackVerificationException.class, () -> PayGovJson.flatObject(utf8("[]"), 100));
    }
}
