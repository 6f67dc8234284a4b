package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.identity.PendingLogin;

/**
 * Seals a pending login into a compact JWE (alg {@code dir}, enc {@code A256GCM}) around an HS256-signed JWT of type
 * {@value #TYPE}, and opens it again. Opening fails closed: anything but a well-formed value with our header
 * parameters, a known key id, a correct tag and signature and complete claims is empty.
 */
public final class SealedLogins {
    /** The explicit type of the inner JWT (RFC 8725 §3.11), so no other JWT of ours passes as a pending login. */
    public static final String TYPE = "egov-pending-login+jwt";

    private SealedLogins() {
    }

    /** What an opened value holds. */
    public static final class Opened {
        /** The login. */
        public final PendingLogin login;
        /** When it expires. */
        public final Instant expiresAt;

        Opened(PendingLogin login, Instant expiresAt) {
            this.login = login;
            this.expiresAt = expiresAt;
        }
    }

    /** Seals a login with the current keys. */
    public static String seal(PendingLogin login, Instant expiresAt, CookieKeys keys) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("st", login.state())
                .claim("nn", login.nonce())
                .claim("cv", login.codeVerifier())
                .claim("ru", login.redirectUri())
                .claim("rp", login.returnPath())
                .claim("acr", login.acrValues())
                .claim("ca", login.createdAt().toString())
                .expirationTime(Date.from(expiresAt))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .type(new JOSEObjectType(TYPE)).build(), claims);
            jwt.sign(new MACSigner(keys.signingKey()));
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .contentType("JWT").keyID(keys.keyId()).build(), new Payload(jwt));
            jwe.encrypt(new DirectEncrypter(keys.encryptionKey()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("sealing with validated 256-bit keys cannot fail", e);
        }
    }

    /** Opens a value sealed with one of the given key generations, or empty when anything is wrong. */
    public static Optional<Opened> open(String value, Map<String, CookieKeys> keysById) {
        try {
            JWEObject jwe = JWEObject.parse(value);
            JWEHeader h = jwe.getHeader();
            if (!JWEAlgorithm.DIR.equals(h.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(h.getEncryptionMethod())
                    || h.getCompressionAlgorithm() != null || h.getKeyID() == null
                    || !h.getIncludedParams().stream().allMatch(p -> List.of("alg", "enc", "cty", "kid").contains(p))) {
                return Optional.empty();
            }
            CookieKeys keys = keysById.get(h.getKeyID());
            if (keys == null) {
                return Optional.empty();
            }
            jwe.decrypt(new DirectDecrypter(keys.encryptionKey()));
            SignedJWT jwt = jwe.getPayload().toSignedJWT();
            if (jwt == null || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !new JOSEObjectType(TYPE).equals(jwt.getHeader().getType())
                    || !jwt.verify(new MACVerifier(keys.signingKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            List<String> acr = c.getStringListClaim("acr");
            String createdAt = c.getStringClaim("ca");
            if (exp == null || acr == null || createdAt == null) {
                return Optional.empty();
            }
            PendingLogin login = new PendingLogin(c.getStringClaim("st"), c.getStringClaim("nn"),
                    c.getStringClaim("cv"), c.getStringClaim("ru"), c.getStringClaim("rp"), acr,
                    Instant.parse(createdAt));
            return Optional.of(new Opened(login, exp.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            // every way a forged, altered or foreign value can fail is the same answer: not ours
            return Optional.empty();
        }
    }
}
