package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ValidationException;

/** What each ID-token misbehaviour produces, key rotation, and the JWKS / token endpoint faults. */
class SsoMisbehaviourTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private SsoClient rp;

    @BeforeEach
    void reset() {
        rp = new SsoClient(sandbox, "mis-client", "mis-secret");
    }

    private String idToken(SsoMisbehaviour... misbehaviours) {
        if (misbehaviours.length > 0) {
            sandbox.sso().nextIdToken(misbehaviours);
        }
        return rp.loginAndExchange(SsoTestUser.CITIZEN_VNEID_IAL2).get("id_token").asText();
    }

    private RSAKey currentPublicKey() throws Exception {
        JWKSet set = JWKSet.parse(sandbox.sso().jwksJson());
        return set.getKeyByKeyId(sandbox.sso().currentKeyId()).toRSAKey();
    }

    @Test
    void aCorrectTokenVerifiesAndMisbehavioursApplyOnce() throws Exception {
        sandbox.sso().nextIdToken(SsoMisbehaviour.WRONG_NONCE);
        assertThrows(BadJOSEException.class, () -> rp.verify(idToken(), rp.nonce));
        String good = idToken();
        assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.subject(), rp.verify(good, rp.nonce).getSubject());
    }

    @Test
    void wrongNonce() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(idToken(SsoMisbehaviour.WRONG_NONCE)).getJWTClaimsSet();
        assertNotEquals(rp.nonce, claims.getStringClaim("nonce"));
        assertTrue(SignedJWT.parse(idToken(SsoMisbehaviour.WRONG_NONCE)).verify(new RSASSAVerifier(currentPublicKey())),
                "only the nonce is wrong: the signature is good");
    }

    @Test
    void expired() throws Exception {
        String token = idToken(SsoMisbehaviour.EXPIRED);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertTrue(claims.getExpirationTime().before(Date.from(sandbox.now().minus(Duration.ofMinutes(9)))));
        BadJOSEException e = assertThrows(BadJOSEException.class, () -> rp.verify(token, rp.nonce));
        assertTrue(e.getMessage().toLowerCase().contains("expired"), e.getMessage());
    }

    @Test
    void wrongIssuerAndWrongAudience() throws Exception {
        JWTClaimsSet iss = SignedJWT.parse(idToken(SsoMisbehaviour.WRONG_ISSUER)).getJWTClaimsSet();
        assertEquals("https://attacker.example/sso", iss.getIssuer());
        JWTClaimsSet aud = SignedJWT.parse(idToken(SsoMisbehaviour.WRONG_AUDIENCE)).getJWTClaimsSet();
        assertEquals(List.of("another-client"), aud.getAudience());
        assertEquals("another-client", aud.getStringClaim("azp"));
        assertThrows(BadJOSEException.class, () -> rp.verify(idToken(SsoMisbehaviour.WRONG_AUDIENCE), rp.nonce));
    }

    @Test
    void unknownKid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken(SsoMisbehaviour.UNKNOWN_KID));
        assertFalse(sandbox.sso().publishedKeyIds().contains(jwt.getHeader().getKeyID()));
        assertFalse(jwt.verify(new RSASSAVerifier(currentPublicKey())));
        assertThrows(BadJOSEException.class, () -> rp.verify(jwt.serialize(), rp.nonce));
    }

    @Test
    void algNone() throws Exception {
        String token = idToken(SsoMisbehaviour.ALG_NONE);
        assertTrue(token.endsWith("."), "an empty signature");
        JWT jwt = JWTParser.parse(token);
        assertTrue(jwt instanceof PlainJWT);
        assertEquals("none", jwt.getHeader().getAlgorithm().getName());
        assertEquals(rp.nonce, jwt.getJWTClaimsSet().getStringClaim("nonce"), "claims otherwise right");
        assertThrows(BadJOSEException.class, () -> rp.verify(token, rp.nonce));
    }

    @Test
    void hs256WithThePublicKey() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken(SsoMisbehaviour.HS256_WITH_PUBLIC_KEY));
        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertEquals(sandbox.sso().currentKeyId(), jwt.getHeader().getKeyID());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(currentPublicKey().toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertTrue(jwt.verify(new MACVerifier(pem.getBytes(StandardCharsets.US_ASCII))),
                "the MAC key is the public key's PEM text");
        assertThrows(BadJOSEException.class, () -> rp.verify(jwt.serialize(), rp.nonce));
    }

    @Test
    void badSignature() throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken(SsoMisbehaviour.BAD_SIGNATURE));
        assertEquals(sandbox.sso().currentKeyId(), jwt.getHeader().getKeyID());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertFalse(jwt.verify(new RSASSAVerifier(currentPublicKey())));
    }

    @Test
    void userInfoSubMismatch() throws Exception {
        sandbox.sso().nextIdToken(SsoMisbehaviour.USERINFO_SUB_MISMATCH);
        JsonNode tokens = rp.loginAndExchange(SsoTestUser.ENTERPRISE);
        JWTClaimsSet claims = rp.verify(tokens.get("id_token").asText(), rp.nonce);
        JsonNode info = SandboxHttp.json(rp.postForm(sandbox.sso().issuer() + "/oauth2/userinfo", "",
                SsoClient.bearer(tokens.get("access_token").asText())));
        assertNotEquals(claims.getSubject(), info.get("sub").asText());
        assertEquals(SsoTestUser.ENTERPRISE.subject(), claims.getSubject());
    }

    @Test
    void resetDisarmsAndNothingArmedIsRefused() throws Exception {
        sandbox.sso().nextIdToken(SsoMisbehaviour.ALG_NONE, SsoMisbehaviour.EXPIRED);
        sandbox.reset();
        rp = new SsoClient(sandbox, "mis-client", "mis-secret");
        assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.subject(), rp.verify(idToken(), rp.nonce).getSubject());
        assertThrows(ValidationException.class, () -> sandbox.sso().nextIdToken());
        assertThrows(ValidationException.class, () -> sandbox.sso().nextIdToken((SsoMisbehaviour) null));
    }

    @Test
    void rotatedKeysSignNewTokensWhileTheOldOneStaysPublishedUntilDropped() throws Exception {
        String before = idToken();
        String oldKid = sandbox.sso().currentKeyId();
        String newKid = sandbox.sso().rotateKeys();
        assertNotEquals(oldKid, newKid);
        JsonNode jwks = SandboxHttp.json(rp.get(sandbox.sso().jwksUrl()));
        assertEquals(2, jwks.get("keys").size());
        for (JsonNode key : jwks.get("keys")) {
            assertEquals("RSA", key.get("kty").asText());
            assertFalse(key.has("d"), "public parts only");
            assertTrue(key.hasNonNull("kid"));
        }
        for (com.nimbusds.jose.jwk.JWK key : JWKSet.parse(jwks.toString()).getKeys()) {
            assertEquals(2048, key.size());
        }
        String after = idToken();
        assertEquals(newKid, SignedJWT.parse(after).getHeader().getKeyID());
        rp.verify(after, rp.nonce);
        assertEquals(oldKid, SignedJWT.parse(before).getHeader().getKeyID());
        assertTrue(SignedJWT.parse(before).verify(new RSASSAVerifier(JWKSet.parse(sandbox.sso().jwksJson())
                .getKeyByKeyId(oldKid).toRSAKey())), "a token of the old key still verifies");

        sandbox.sso().dropOldKeys();
        assertEquals(List.of(newKid), sandbox.sso().publishedKeyIds());
        sandbox.sso().rotateKeys();
        sandbox.advanceClock(Duration.ofHours(1).plusSeconds(1));
        assertEquals(1, sandbox.sso().publishedKeyIds().size(), "a retired key leaves the JWKS after an hour");
    }

    @Test
    void jwksDownAndASlowTokenEndpointUseTheFaultPresets() {
        sandbox.faults().on("GET", "/sso/oauth2/jwks").always().status(503);
        assertEquals(503, rp.get(sandbox.sso().jwksUrl()).statusCode());
        assertEquals(503, rp.get(sandbox.sso().jwksUrl()).statusCode());
        sandbox.faults().clear();
        assertEquals(200, rp.get(sandbox.sso().jwksUrl()).statusCode());

        sandbox.faults().on("/sso/oauth2/token").times(1).delay(Duration.ofMillis(1500));
        long start = System.nanoTime();
        JsonNode tokens = rp.loginAndExchange(SsoTestUser.ORGANISATION);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1400, "the token endpoint answered after " + millis + " ms");
        assertTrue(tokens.hasNonNull("id_token"), "a delay still answers");
        assertEquals(3, sandbox.requestsTo("/sso/oauth2/jwks"));
        assertEquals(1, sandbox.requestsTo("/sso/oauth2/token"));
    }

    @Test
    void theTokenResponseOfAMisbehaviourIsStillA200() {
        sandbox.sso().nextIdToken(SsoMisbehaviour.BAD_SIGNATURE);
        HttpResponse<String> r = rp.exchange(SsoClient.query(sandbox.sso().login(rp.authorizationUrl(""),
                SsoTestUser.ENTERPRISE)).get("code"), rp.verifier, true);
        assertEquals(200, r.statusCode());
    }
}
