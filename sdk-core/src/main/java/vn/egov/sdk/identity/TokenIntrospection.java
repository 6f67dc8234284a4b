package vn.egov.sdk.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's answer about a token (RFC 7662 §2.2): whether it is active and, if so, for whom and until when.
 * Immutable; shows no token.
 */
public final class TokenIntrospection {
    private final boolean active;
    private final Map<String, Object> claims;

    TokenIntrospection(boolean active, Map<String, Object> claims) {
        this.active = active;
        this.claims = Map.copyOf(claims);
    }

    /**
     * Whether the provider says the token is active. Every other accessor is meaningful only when it is.
     *
     * @return {@code active}
     */
    public boolean active() {
        return active;
    }

    /**
     * The client the token was issued to.
     *
     * @return {@code client_id}, or empty
     */
    public Optional<String> clientId() {
        return text("client_id");
    }

    /**
     * The subject.
     *
     * @return {@code sub}, or empty
     */
    public Optional<String> subject() {
        return text("sub");
    }

    /**
     * The scope, space separated.
     *
     * @return {@code scope}, or empty
     */
    public Optional<String> scope() {
        return text("scope");
    }

    /**
     * The token type.
     *
     * @return {@code token_type}, or empty
     */
    public Optional<String> tokenType() {
        return text("token_type");
    }

    /**
     * When the token expires.
     *
     * @return {@code exp}, or empty
     */
    public Optional<Instant> expiresAt() {
        return epoch("exp");
    }

    /**
     * When the token was issued.
     *
     * @return {@code iat}, or empty
     */
    public Optional<Instant> issuedAt() {
        return epoch("iat");
    }

    /**
     * Every member of the answer with a string, number or boolean value.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> claims() {
        return claims;
    }

    private Optional<String> text(String name) {
        Object v = claims.get(name);
        return v instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    private Optional<Instant> epoch(String name) {
        Object v = claims.get(name);
        return v instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue())) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TokenIntrospection[active=" + active + clientId().map(c -> ", clientId=" + c).orElse("")
                + expiresAt().map(e -> ", exp=" + e).orElse("") + "]";
    }
}
