package vn.egov.sdk.identity.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.util.List;

/**
 * Nimbus' view of a {@link JwksCache}: the keys matching the token's header (its {@code kid}, when present, is a
 * lookup hint only; without one every key of the algorithm's type and use is offered, and tried in turn). When none
 * matches, one rate-limited refetch, then the lookup fails.
 */
final class CachedJwkSource implements JWKSource<ValidationContext> {
    private final JwksCache cache;

    CachedJwkSource(JwksCache cache) {
        this.cache = cache;
    }

    @Override
    public List<JWK> get(JWKSelector selector, ValidationContext context) {
        JWKSet keys = cache.keys();
        List<JWK> found = selector.select(keys);
        if (!found.isEmpty()) {
            return found;
        }
        JWKSet newer = cache.refetchForUnknownKey(keys);
        if (newer != null) {
            context.refetched = true;
            found = selector.select(newer);
        }
        context.noMatchingKey = found.isEmpty();
        return found;
    }
}
