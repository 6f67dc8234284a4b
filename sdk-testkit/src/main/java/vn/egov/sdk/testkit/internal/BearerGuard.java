package vn.egov.sdk.testkit.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Admits a request only when it carries {@code Authorization: Bearer <token>} for a token that is still active. */
public final class BearerGuard {

    private final TokenStore tokens;

    /**
     * Creates the guard.
     *
     * @param tokens the tokens the sandbox issued
     */
    public BearerGuard(TokenStore tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Checks a request.
     *
     * @param request the request
     * @return empty when admitted, otherwise the 401 {@code invalid_token} response to send
     */
    public Optional<SimResponse> reject(SimRequest request) {
        Optional<String> token = request.header("Authorization")
                .map(String::trim)
                .filter(value -> value.toLowerCase(Locale.ROOT).startsWith("bearer "))
                .map(value -> value.substring(7).trim());
        if (token.isEmpty()) {
            return Optional.of(unauthorized("no bearer token"));
        }
        if (!tokens.isActive(token.get())) {
            return Optional.of(unauthorized("the token is unknown, expired or revoked"));
        }
        return Optional.empty();
    }

    private static SimResponse unauthorized(String description) {
        return SimResponse.error(401, "invalid_token", description)
                .withHeader("WWW-Authenticate", "Bearer realm=\"national-sandbox\", error=\"invalid_token\"");
    }
}
