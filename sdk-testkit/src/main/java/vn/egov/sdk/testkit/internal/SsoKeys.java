package vn.egov.sdk.testkit.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The SSO simulator's RSA 2048 signing keys: the current one signs, keys retired by {@link #rotate()} stay published
 * in the JWKS for {@link #RETIRED_GRACE} (or until {@link #dropOld()}), so tokens they signed still verify. Made on
 * first use; kept across sandbox resets. Thread-safe.
 */
public final class SsoKeys {

    /** How long a retired key stays in the JWKS. */
    public static final Duration RETIRED_GRACE = Duration.ofHours(1);

    private record Entry(RSAKey key, Instant retiredAt) {
    }

    private final Clock clock;
    private final String prefix;
    private final List<Entry> keys = new ArrayList<>();
    private int generation;

    /**
     * @param clock the sandbox clock, for the retired keys' grace period
     */
    public SsoKeys(Clock clock) {
        this.clock = clock;
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.prefix = "sso-" + HexFormat.of().formatHex(random) + "-";
    }

    /**
     * The key that signs now (with its private part).
     *
     * @return the current key
     */
    public synchronized RSAKey current() {
        if (keys.isEmpty()) {
            keys.add(new Entry(generate(prefix + (++generation)), null));
        }
        return keys.get(keys.size() - 1).key();
    }

    /**
     * Makes a new current key; the old one stays published for {@link #RETIRED_GRACE}.
     *
     * @return the new key's {@code kid}
     */
    public synchronized String rotate() {
        current();
        Entry old = keys.remove(keys.size() - 1);
        keys.add(new Entry(old.key(), clock.instant()));
        RSAKey fresh = generate(prefix + (++generation));
        keys.add(new Entry(fresh, null));
        return fresh.getKeyID();
    }

    /** Stops publishing every retired key at once. */
    public synchronized void dropOld() {
        keys.removeIf(e -> e.retiredAt() != null);
    }

    /**
     * A published key by {@code kid} (to check an {@code id_token_hint}).
     *
     * @param kid the key id
     * @return the public key, if published
     */
    public synchronized Optional<RSAKey> published(String kid) {
        return publishedKeys().stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    /**
     * The public keys the JWKS publishes: the current one last.
     *
     * @return the public JWKs
     */
    public synchronized List<RSAKey> publishedKeys() {
        current();
        Instant now = clock.instant();
        keys.removeIf(e -> e.retiredAt() != null && !now.isBefore(e.retiredAt().plus(RETIRED_GRACE)));
        List<RSAKey> out = new ArrayList<>();
        keys.forEach(e -> out.add(e.key().toPublicJWK()));
        return out;
    }

    /**
     * The JWKS document, public parts only.
     *
     * @return {@code {"keys": [...]}}
     */
    public String jwksJson() {
        return new JWKSet(new ArrayList<JWK>(publishedKeys())).toString(true);
    }

    /**
     * A fresh RSA 2048 signing key that no JWKS publishes.
     *
     * @param kid the key id to give it
     * @return the key, with its private part
     */
    public static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key for the SSO simulator", e);
        }
    }
}
