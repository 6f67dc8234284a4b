package vn.egov.sdk.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Keys generated once per test run, and ID tokens signed with them (Nimbus, never by hand but for hostile ones). */
final class TestTokens {
    static final String ISSUER = "https://sso.test.example/sso";
    static final String CLIENT_ID = "portal-client";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    static final RSAKey RSA1 = rsa("rsa-1");
    static final RSAKey RSA2 = rsa("rsa-2");
    static final RSAKey ATTACKER_RSA = rsa("rsa-1"); // same kid as RSA1, another key
    static final ECKey EC1 = ec("ec-1");
    static final ECKey ATTACKER_EC = ec("ec-x");

    private TestTokens() {
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** The public JWK set document of the given keys. */
    static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toString(true);
    }

    /** Claims a valid token of the test provider carries at {@link #NOW}. */
    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject("user-0001")
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", NONCE)
                .claim("acr", "LoA1")
                .claim("LoaiTaiKhoan", 1)
                .claim("SoDinhDanh", "001099012345");
    }

    static String sign(JWK key, JWTClaimsSet claims) {
        return sign(key, claims, h -> h);
    }

    static String sign(JWK key, UnaryOperator<JWTClaimsSet.Builder> edit) {
        return sign(key, edit.apply(claims()).build());
    }

    /** Signs with the key's natural algorithm (RS256 or ES256) and its kid; {@code header} may change the header. */
    static String sign(JWK key, JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) {
        try {
            JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            JWSHeader h = header.apply(new JWSHeader.Builder(alg).keyID(key.getKeyID())).build();
            JWSSigner signer = key instanceof ECKey ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(h, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** A token with the given raw header and payload JSON and an HMAC-SHA256 over them with {@code secret}. */
    static String hs256(String headerJson, String payloadJson, byte[] secret) {
        try {
            String input = b64(headerJson) + "." + b64(payloadJson);
            MACSigner signer = new MACSigner(secret.length >= 32 ? secret : pad(secret));
            Base64URL sig = signer.sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + sig;
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** Raw header and payload JSON, base64url-encoded, with the given signature part (for hostile tokens). */
    static String raw(String headerJson, String payloadJson, String signature) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + signature;
    }

    static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The claims of a valid token as JSON. */
    static String claimsJson() {
        return claims().build().toString();
    }

    private static byte[] pad(byte[] secret) {
        byte[] p = new byte[32];
        System.arraycopy(secret, 0, p, 0, secret.length);
        return p;
    }
}
