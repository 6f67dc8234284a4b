package vn.egov.sdk.identity;

import java.time.Instant;
import java.util.Optional;
import vn.egov.sdk.core.Secret;

/**
 * The tokens of a token response (RFC 6749 §5.1): the access token, and when the provider sent them a refresh token,
 * an ID token, a lifetime and the granted scope. The tokens are {@link Secret}s: {@link #toString()} shows none of
 * them. Immutable.
 */
public final class TokenSet {
    private final Secret accessToken;
    private final String tokenType;
    private final Optional<Instant> expiresAt;
    private final Optional<Secret> refreshToken;
    private final Optional<Secret> idToken;
    private final Optional<String> scope;

    TokenSet(Secret accessToken, String tokenType, Optional<Instant> expiresAt, Optional<Secret> refreshToken,
            Optional<Secret> idToken, Optional<String> scope) {
        this.accessToken = accessToken;
        this.tokenType = tokenType;
        this.expiresAt = expiresAt;
        this.refreshToken = refreshToken;
        this.idToken = idToken;
        this.scope = scope;
    }

    /**
     * The access token, for userinfo and the provider's APIs.
     *
     * @return the access token
     */
    public Secret accessToken() {
        return accessToken;
    }

    /**
     * The token type ({@code Bearer}).
     *
     * @return the type as sent
     */
    public String tokenType() {
        return tokenType;
    }

    /**
     * When the access token expires: the client's clock at the response plus {@code expires_in}.
     *
     * @return the instant, or empty when the provider sent no {@code expires_in}
     */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    /**
     * The refresh token, for {@link DvcqgOidcClient#refresh(Secret)}.
     *
     * @return the refresh token, or empty
     */
    public Optional<Secret> refreshToken() {
        return refreshToken;
    }

    /**
     * The ID token in compact form, kept for {@link DvcqgOidcClient#logoutUrl} ({@code id_token_hint}). It carries
     * the citizen's claims: do not log it.
     *
     * @return the ID token, or empty (a refresh response may have none)
     */
    public Optional<Secret> idToken() {
        return idToken;
    }

    /**
     * The granted scope, space separated.
     *
     * @return the scope, or empty when the provider did not say (the requested one was granted)
     */
    public Optional<String> scope() {
        return scope;
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=****, tokenType=" + tokenType + expiresAt.map(e -> ", expiresAt=" + e).orElse("")
                + refreshToken.map(r -> ", refreshToken=****").orElse("")
                + idToken.map(r -> ", idToken=****").orElse("") + scope.map(s -> ", scope=" + s).orElse("") + "]";
    }
}
