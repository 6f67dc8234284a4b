package vn.egov.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/** The sealed-cookie store: the shared contract, plus tampering, foreign values, key rotation and its limits. */
class CookiePendingLoginStoreTest extends PendingLoginStoreContract {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-vendor".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "another vendor's secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SIGN = filled(1);
    private static final byte[] ENC = filled(2);

    private static byte[] filled(int v) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) v);
        return b;
    }

    @Override
    protected PendingLoginStore newStore(ManualClock clock) {
        return CookiePendingLoginStore.builder().secret(SECRET).clock(clock).ttl(TTL).build();
    }

    private LoginStateFailure failure(PendingLoginStore s, String state, String binding) {
        return assertThrows(LoginStateException.class, () -> s.take(state, binding)).failure();
    }

    @Test
    void theValueIsEncryptedAndSayingNothingInClear() throws Exception {
        PendingLogin login = login();
        String value = store.save(login);
        JWEObject jwe = JWEObject.parse(value);
        assertEquals(JWEAlgorithm.DIR, jwe.getHeader().getAlgorithm());
        assertEquals(EncryptionMethod.A256GCM, jwe.getHeader().getEncryptionMethod());
        String decoded = new String(Base64.getUrlDecoder().decode(value.split("\\.")[0]), StandardCharsets.UTF_8);
        assertFalse(decoded.contains("state-"), decoded);
        for (String part : value.split("\\.")) {
            String clear = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
            assertFalse(clear.contains(login.nonce()) || clear.contains(login.codeVerifier())
                    || clear.contains(login.state()) || clear.contains("/ho-so/"));
        }
        assertTrue(value.length() < 1200, "fits a cookie easily: " + value.length());
    }

    @Test
    void everyAlteredByteIsTampered() {
        PendingLogin login = login();
        String value = store.save(login);
        for (int i = 0; i < value.length(); i += 7) {
            char c = value.charAt(i);
            char swapped = c == 'A' ? 'B' : (c == '.' ? 'x' : 'A');
            String altered = value.substring(0, i) + swapped + value.substring(i + 1);
            LoginStateFailure f = failure(store, login.state(), altered);
            assertTrue(f == LoginStateFailure.TAMPERED, "index " + i + ": " + f);
        }
        assertEquals(LoginStateFailure.TAMPERED, failure(store, login.state(), value.substring(0, value.length() - 5)));
        assertEquals(LoginStateFailure.TAMPERED, failure(store, login.state(), value + ".x"));
        assertEquals(LoginStateFailure.TAMPERED, failure(store, login.state(), "x".repeat(5000)));
        assertEquals(login, store.take(login.state(), value), "alterations consumed nothing");
    }

    @Test
    void anotherVendorsValueAndARotatedOutKeyAreTampered() {
        PendingLoginStore other = CookiePendingLoginStore.builder().secret(OTHER).clock(clock).build();
        PendingLogin login = login();
        String foreign = other.save(login);
        assertEquals(LoginStateFailure.TAMPERED, failure(store, login.state(), foreign));

        PendingLoginStore rotating = CookiePendingLoginStore.builder().secret(OTHER).retiredSecret(SECRET)
                .clock(clock).build();
        PendingLogin before = login();
        String sealedWithOld = store.save(before);
        assertEquals(before, rotating.take(before.state(), sealedWithOld), "a retired key still opens");
        PendingLogin after = login();
        assertEquals(after, store.take(after.state(), store.save(after)));
        PendingLogin later = login();
        String old = store.save(later);
        PendingLoginStore rotatedOut = CookiePendingLoginStore.builder().secret(OTHER).clock(clock).build();
        assertEquals(LoginStateFailure.TAMPERED, failure(rotatedOut, later.state(), old));
    }

    @Test
    void twoGivenKeysWorkAndRotateToo() {
        PendingLoginStore keyed = CookiePendingLoginStore.builder().keys(SIGN, ENC).clock(clock).build();
        PendingLogin login = login();
        String value = keyed.save(login);
        PendingLoginStore next = CookiePendingLoginStore.builder().secret(SECRET).retiredKeys(SIGN, ENC)
                .clock(clock).build();
        assertEquals(login, next.take(login.state(), value));
        PendingLogin second = login();
        String v2 = keyed.save(second);
        PendingLoginStore wrongSign = CookiePendingLoginStore.builder().keys(filled(3), ENC).clock(clock).build();
        assertEquals(LoginStateFailure.TAMPERED, failure(wrongSign, second.state(), v2),
                "decrypts with the right key but the signature is not ours");
    }

    @Test
    void valuesForgedWithTheEncryptionKeyButWrongInnerTokensAreTampered() throws Exception {
        PendingLoginStore keyed = CookiePendingLoginStore.builder().keys(SIGN, ENC).clock(clock).build();
        PendingLogin login = login();
        String kid = JWEObject.parse(keyed.save(login)).getHeader().getKeyID();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("st", login.state()).claim("nn", "n")
                .claim("cv", "v").claim("ru", "https://x").claim("rp", "/").claim("acr", List.of())
                .claim("ca", login.createdAt().toString()).expirationTime(new Date(T0.toEpochMilli() + 60_000))
                .build();
        // an unsigned inner JWT (alg=none)
        String plain = new PlainJWT(new PlainHeader(), claims).serialize();
        assertEquals(LoginStateFailure.TAMPERED, failure(keyed, login.state(), seal(Payload.class.cast(
                new Payload(plain)), kid)));
        // an inner JWT signed with the wrong key
        SignedJWT wrongKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("egov-pending-login+jwt")).build(), claims);
        wrongKey.sign(new MACSigner(filled(9)));
        assertEquals(LoginStateFailure.TAMPERED, failure(keyed, login.state(), seal(new Payload(wrongKey), kid)));
        // the right key but another type
        SignedJWT otherType = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .build(), claims);
        otherType.sign(new MACSigner(SIGN));
        assertEquals(LoginStateFailure.TAMPERED, failure(keyed, login.state(), seal(new Payload(otherType), kid)));
        // the right key and type: accepted (the forgery needs both keys)
        SignedJWT right = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("egov-pending-login+jwt")).build(), claims);
        right.sign(new MACSigner(SIGN));
        assertEquals(login.state(), keyed.take(login.state(), seal(new Payload(right), kid)).state());
        // compression is refused
        JWEObject zipped = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(kid).compressionAlgorithm(com.nimbusds.jose.CompressionAlgorithm.DEF).build(),
                new Payload(right));
        zipped.encrypt(new DirectEncrypter(ENC));
        assertEquals(LoginStateFailure.TAMPERED, failure(keyed, login.state(), zipped.serialize()));
    }

    private static String seal(Payload payload, String kid) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .contentType("JWT").keyID(kid).build(), payload);
        jwe.encrypt(new DirectEncrypter(ENC));
        return jwe.serialize();
    }

    @Test
    void aReplayToTheSameNodeIsRefusedButAnotherNodeOnlyByExpiry() {
        PendingLogin login = login();
        String value = store.save(login);
        PendingLoginStore otherNode = newStore(clock);
        assertEquals(login, store.take(login.state(), value));
        assertEquals(LoginStateFailure.ALREADY_USED, failure(store, login.state(), value));
        assertEquals(login, otherNode.take(login.state(), value), "documented: the set is per node");
        clock.advance(TTL);
        assertEquals(LoginStateFailure.EXPIRED, failure(newStore(clock), login.state(), value));
    }

    @Test
    void theConsumedSetIsBounded() {
        PendingLoginStore small = CookiePendingLoginStore.builder().secret(SECRET).clock(clock).maxConsumed(2).build();
        PendingLogin first = login();
        String firstValue = small.save(first);
        small.take(first.state(), firstValue);
        for (int i = 0; i < 2; i++) {
            PendingLogin l = login();
            small.take(l.state(), small.save(l));
        }
        assertEquals(first, small.take(first.state(), firstValue), "documented: beyond the bound the oldest is forgotten");
    }

    @Test
    void anOversizedLoginIsAValidationException() {
        PendingLogin big = new PendingLogin("s", "n", "v", "https://x/" + "a".repeat(2000), "/" + "b".repeat(2000),
                List.of("LoA1"), T0);
        assertEquals("PendingLogin", assertThrows(ValidationException.class, () -> store.save(big)).errors().get(0)
                .path());
    }

    @Test
    void badSettingsAreValidationExceptions() {
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().build());
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().secret(new byte[31]));
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().secret(null));
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().keys(new byte[32], null));
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().keys(new byte[33],
                new byte[32]));
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().retiredSecret(new byte[3]));
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().ttl(Duration.ofHours(2)));
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().maxConsumed(-1));
        assertThrows(ValidationException.class, () -> CookiePendingLoginStore.builder().clock(null));
        String s = CookiePendingLoginStore.builder().secret(SECRET).build().toString();
        assertFalse(s.contains("0123456789abcdef"), s);
    }
}
