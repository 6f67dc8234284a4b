package vn.egov.sdk.testkit.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import vn.egov.sdk.testkit.SsoMisbehaviour;

/**
 * Makes the SSO simulator's ID tokens with Nimbus (RS256, {@code kid}, {@code typ JWT}), and gets them wrong on purpose
 * when a {@link SsoMisbehaviour} is armed.
 */
public final class SsoIdTokens {

    /** How long an ID token lives. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /** The issuer a {@link SsoMisbehaviour#WRONG_ISSUER} token names. */
    public static final String WRONG_ISSUER = "https://attacker.example/sso";
    /** The audience a {@link SsoMisbehaviour#WRONG_AUDIENCE} token names. */
    public static final String WRONG_AUDIENCE = "another-client";

    private final SsoKeys keys;

    /**
     * @param keys the signing keys
     */
    public SsoIdTokens(SsoKeys keys) {
        this.keys = keys;
    }

    /**
     * What goes into one ID token.
     *
     * @param issuer the issuer
     * @param clientId the client ({@code aud}, {@code azp})
     * @param session the login session ({@code sub}, {@code auth_time}, {@code sid})
     * @param nonce the request's nonce, empty for none
     * @param acr the {@code acr}
     * @param accessToken the access token issued beside it (for {@code at_hash})
     * @param now the sandbox time
     */
    public record Content(String issuer, String clientId, SsoState.Session session, String nonce, String acr,
            String accessToken, Instant now) {
    }

    /**
     * Signs an ID token.
     *
     * @param c what it says
     * @param misbehaviours what to get wrong
     * @return the compact serialisation
     */
    public String issue(Content c, Set<SsoMisbehaviour> misbehaviours) {
        Instant iat = misbehaviours.contains(SsoMisbehaviour.EXPIRED) ? c.now().minus(Duration.ofMinutes(70)) : c.now();
        String aud = misbehaviours.contains(SsoMisbehaviour.WRONG_AUDIENCE) ? WRONG_AUDIENCE : c.clientId();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(misbehaviours.contains(SsoMisbehaviour.WRONG_ISSUER) ? WRONG_ISSUER : c.issuer())
                .subject(c.session().user().subject())
                .audience(List.of(aud))
                .claim("azp", aud)
                .expirationTime(Date.from(iat.plus(LIFETIME)))
                .issueTime(Date.from(iat))
                .claim("auth_time", c.session().authTime().getEpochSecond())
                .claim("acr", c.acr())
                .claim("sid", c.session().id())
                .claim("at_hash", atHash(c.accessToken()));
        if (misbehaviours.contains(SsoMisbehaviour.WRONG_NONCE)) {
            claims.claim("nonce", "not-the-nonce-" + SsoState.random().substring(0, 8));
        } else if (!c.nonce().isEmpty()) {
            claims.claim("nonce", c.nonce());
        }
        return sign(claims.build(), misbehaviours);
    }

    private String sign(JWTClaimsSet claims, Set<SsoMisbehaviour> misbehaviours) {
        RSAKey current = keys.current();
        try {
            if (misbehaviours.contains(SsoMisbehaviour.ALG_NONE)) {
                return new PlainJWT(claims).serialize();
            }
            if (misbehaviours.contains(SsoMisbehaviour.HS256_WITH_PUBLIC_KEY)) {
                SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256, current.getKeyID()), claims);
                jwt.sign(new MACSigner(publicKeyPem(current)));
                return jwt.serialize();
            }
            RSAKey signer = current;
            String kid = current.getKeyID();
            if (misbehaviours.contains(SsoMisbehaviour.UNKNOWN_KID)) {
                kid = "unknown-" + SsoState.random().substring(0, 8);
                signer = SsoKeys.generate(kid);
            } else if (misbehaviours.contains(SsoMisbehaviour.BAD_SIGNATURE)) {
                signer = SsoKeys.generate(kid);
            }
            SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, kid), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the SSO simulator cannot sign an ID token", e);
        }
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build();
    }

    /**
     * The PEM text of a key's public part, as an attacker would download it (the HS256 confusion key).
     *
     * @param key the RSA key
     * @return the PEM bytes
     */
    public static byte[] publicKeyPem(RSAKey key) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return ("-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot read the SSO simulator's public key", e);
        }
    }

    /** OIDC Core §3.1.3.6: the left half of SHA-256 over the ASCII access token, base64url. */
    private static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
