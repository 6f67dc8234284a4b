package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.egov.sdk.identity.TestTokens.CLIENT_ID;
import static vn.egov.sdk.identity.TestTokens.ISSUER;
import static vn.egov.sdk.identity.TestTokens.NONCE;
import static vn.egov.sdk.identity.TestTokens.NOW;
import static vn.egov.sdk.identity.TestTokens.RSA1;
import static vn.egov.sdk.identity.TestTokens.b64;
import static vn.egov.sdk.identity.TestTokens.raw;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.egov.sdk.core.ManualClock;

/**
 * Malformed, truncated and hostile tokens: each is an {@link IdTokenException} with the expected failure, never
 * another exception, and no message contains the token.
 */
class IdTokenHostileTokenTest {
    private static final String RS256_HEADER = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}";
    private static final String VALID = TestTokens.sign(RSA1, b -> b);

    private final IdTokenValidator validator = IdTokenValidator.builder().issuer(ISSUER).clientId(CLIENT_ID)
            .jwks(JwksSource.of(TestTokens.jwks(RSA1, TestTokens.EC1))).clock(new ManualClock(NOW)).build();

    static Stream<Arguments> hostile() throws Exception {
        String[] parts = VALID.split("\\.");
        String claims = TestTokens.claimsJson();
        return Stream.of(
                Arguments.of("empty", "", IdTokenFailure.MALFORMED),
                Arguments.of("two dots only", "..", IdTokenFailure.MALFORMED),
                Arguments.of("two dots, empty signature", parts[0] + "." + parts[1] + ".", IdTokenFailure.MALFORMED),
                Arguments.of("one part missing", parts[0] + "." + parts[1], IdTokenFailure.MALFORMED),
                Arguments.of("four parts", VALID + ".x", IdTokenFailure.MALFORMED),
                Arguments.of("base64 garbage", "%%%.***.@@@", IdTokenFailure.MALFORMED),
                Arguments.of("base64 of non-JSON", b64("hello") + "." + b64("world") + ".c2ln", IdTokenFailure.MALFORMED),
                Arguments.of("header a JSON array", raw("[1,2]", claims, parts[2]), IdTokenFailure.MALFORMED),
                Arguments.of("header without alg", raw("{\"kid\":\"rsa-1\"}", claims, parts[2]),
                        IdTokenFailure.MALFORMED),
                Arguments.of("claims a JSON array", raw(RS256_HEADER, "[1]", parts[2]), IdTokenFailure.MALFORMED),
                Arguments.of("claims truncated", parts[0] + "." + parts[1].substring(0, parts[1].length() / 2) + "."
                        + parts[2], IdTokenFailure.MALFORMED),
                Arguments.of("signature truncated", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20),
                        IdTokenFailure.BAD_SIGNATURE),
                Arguments.of("duplicate claims", raw(RS256_HEADER, claims.replaceFirst("\\{",
                        "{\"sub\":\"admin\","), parts[2]), IdTokenFailure.MALFORMED),
                Arguments.of("duplicate header parameters", raw("{\"alg\":\"none\",\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                        claims, parts[2]), IdTokenFailure.MALFORMED),
                Arguments.of("iss a number", raw(RS256_HEADER, claims.replace("\"" + ISSUER + "\"", "42"), parts[2]),
                        IdTokenFailure.MALFORMED),
                Arguments.of("exp a string", raw(RS256_HEADER, claims.replaceFirst("\"exp\":(\\d+)", "\"exp\":\"$1\""),
                        parts[2]), IdTokenFailure.MALFORMED),
                Arguments.of("huge header", raw("{\"alg\":\"RS256\",\"x\":\"" + "A".repeat(20_000) + "\"}", claims,
                        parts[2]), IdTokenFailure.TOO_LARGE),
                Arguments.of("deeply nested claims", raw(RS256_HEADER, "{\"a\":" + "[".repeat(4000)
                        + "]".repeat(4000) + "}", parts[2]), IdTokenFailure.MALFORMED),
                Arguments.of("alg none", raw("{\"alg\":\"none\"}", claims, ""), IdTokenFailure.ALGORITHM_NOT_ALLOWED),
                Arguments.of("alg None", raw("{\"alg\":\"None\"}", claims, parts[2]),
                        IdTokenFailure.ALGORITHM_NOT_ALLOWED),
                Arguments.of("alg unknown", raw("{\"alg\":\"XY999\"}", claims, parts[2]),
                        IdTokenFailure.ALGORITHM_NOT_ALLOWED),
                Arguments.of("JWE where a JWS is expected", jwe(claims), IdTokenFailure.MALFORMED),
                Arguments.of("JWE header in three parts", raw("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A128GCM\"}", claims,
                        parts[2]), IdTokenFailure.MALFORMED),
                Arguments.of("ES256 psychic signature (r = s = 0, CVE-2022-21449)", TestTokens.raw(
                        "{\"alg\":\"ES256\",\"kid\":\"ec-1\"}", claims, new String(new char[86]).replace('\0', 'A')),
                        IdTokenFailure.BAD_SIGNATURE),
                Arguments.of("control characters", "\u0000\u0001.\u0002.\u0003", IdTokenFailure.MALFORMED),
                Arguments.of("non-ASCII", "ệ.ệ.ệ", IdTokenFailure.MALFORMED));
    }

    private static String jwe(String claims) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                new Payload(claims));
        jwe.encrypt(new RSAEncrypter(RSA1.toRSAPublicKey()));
        return jwe.serialize();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusedWithATypedFailure(String name, String token, IdTokenFailure expected) {
        IdTokenException e = assertThrows(IdTokenException.class, () -> validator.validate(token, NONCE));
        assertEquals(expected, e.failure(), e.getMessage());
        if (!token.isEmpty()) {
            assertFalse(e.getMessage().contains(token), "the message shows the token");
        }
        assertFalse(e.getMessage().endsWith("null"), e.getMessage());
    }
}
