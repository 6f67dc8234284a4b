package vn.egov.sdk.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.JsonValues;

/**
 * The claims of an ID token that {@link IdTokenValidator} validated: signature, issuer, audience, times and nonce
 * all checked, so {@link #subject()}, {@link #issuer()}, {@link #audience()}, {@link #expiresAt()},
 * {@link #issuedAt()} and {@link #nonce()} are always present. Immutable and thread-safe.
 *
 * <p>ID tokens of the national SSO may carry citizen ID numbers: {@link #toString()} shows only the issuer, subject,
 * audience and expiry.
 */
public final class IdTokenClaims {
    private final JWTClaimsSet claims;
    private final String loginNonce;
    private volatile Map<String, Object> map;

    IdTokenClaims(JWTClaimsSet claims) {
        this(claims, null);
    }

    /** A refreshed ID token's claims; {@code loginNonce} stands in for a {@code nonce} claim it does not carry. */
    IdTokenClaims(JWTClaimsSet claims, String loginNonce) {
        this.claims = claims;
        this.loginNonce = loginNonce;
    }

    /** @return the parsed claims set, for {@link IdTokenValidator#validateRefreshed} */
    JWTClaimsSet claimsSet() {
        return claims;
    }

    /**
     * The subject ({@code sub}): the provider's identifier of the user.
     *
     * @return the subject, never blank
     */
    public String subject() {
        return claims.getSubject();
    }

    /**
     * The issuer ({@code iss}), equal to the validator's configured issuer.
     *
     * @return the issuer
     */
    public String issuer() {
        return claims.getIssuer();
    }

    /**
     * The audience ({@code aud}), which contains the client id.
     *
     * @return the audiences, unmodifiable, at least one
     */
    public List<String> audience() {
        return List.copyOf(claims.getAudience());
    }

    /**
     * The authorized party ({@code azp}), the client id when present.
     *
     * @return the authorized party, or empty when the token has none
     */
    public Optional<String> authorizedParty() {
        return stringClaim("azp");
    }

    /**
     * When the token expires ({@code exp}).
     *
     * @return the expiry, to the second
     */
    public Instant expiresAt() {
        return claims.getExpirationTime().toInstant();
    }

    /**
     * When the token was issued ({@code iat}).
     *
     * @return the issue time, to the second
     */
    public Instant issuedAt() {
        return claims.getIssueTime().toInstant();
    }

    /**
     * When the token becomes valid ({@code nbf}).
     *
     * @return the time, or empty when the token has no {@code nbf}
     */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(claims.getNotBeforeTime()).map(Date::toInstant);
    }

    /**
     * The nonce ({@code nonce}), equal to the one the validator was given. A refreshed ID token
     * ({@link IdTokenValidator#validateRefreshed}) without a {@code nonce} claim gives the login's, which it was
     * checked to belong to ({@link #claims()} shows the token as it is).
     *
     * @return the nonce
     */
    public String nonce() {
        Object nonce = claims.getClaim("nonce");
        return nonce instanceof String ? (String) nonce : loginNonce;
    }

    /**
     * The authentication context class reference ({@code acr}), for example {@code LoA1} at the national SSO.
     *
     * @return the class, or empty when the token has none
     */
    public Optional<String> acr() {
        return stringClaim("acr");
    }

    /**
     * A claim as text: a JSON string as it is; a number or a boolean as its JSON text (providers send codes such as
     * {@code LoaiTaiKhoan} either way); the time claims {@code exp}, {@code iat} and {@code nbf} as epoch seconds.
     *
     * @param name the claim's name
     * @return the text, or empty when the claim is absent, null, an object or an array
     * @throws ValidationException if {@code name} is null
     */
    public Optional<String> stringClaim(String name) {
        ValidationException.requireNonNull(name, "IdTokenClaims.name");
        Object value = claims.getClaim(name);
        if (value instanceof String) {
            return Optional.of((String) value);
        }
        if (value instanceof Date) {
            return Optional.of(Long.toString(((Date) value).getTime() / 1000));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    /**
     * Every claim, as parsed JSON: strings, numbers ({@code Long} or {@code Double}), booleans, nulls, lists and
     * maps, all unmodifiable; {@code exp}, {@code iat} and {@code nbf} as epoch seconds ({@code Long}).
     *
     * @return the claims, unmodifiable, in the token's order
     */
    public Map<String, Object> claims() {
        Map<String, Object> m = map;
        if (m == null) {
            m = JsonValues.copyObject(claims.getClaims());
            map = m;
        }
        return m;
    }

    /**
     * Only the issuer, subject, audience and expiry: the other claims may carry personal data.
     *
     * @return {@code IdTokenClaims[iss=…, sub=…, aud=[…], exp=…]}
     */
    @Override
    public String toString() {
        return "IdTokenClaims[iss=" + issuer() + ", sub=" + subject() + ", aud=" + claims.getAudience() + ", exp="
                + expiresAt() + "]";
    }
}
