package vn.egov.sdk.identity;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.internal.IdTokenProcessor;

/**
 * Validates the ID token of an OpenID Connect login (OpenID Connect Core 1.0 §3.1.3.7, RFC 8725), on Nimbus
 * JOSE+JWT. Thread-safe; build one per identity provider and client, and share it. Validating a token whose key is
 * cached makes no request.
 *
 * <pre>{@code
 * // issuer and jwks_uri as the provider's discovery document gives them
 * IdTokenValidator validator = IdTokenValidator.builder()
 *         .issuer("https://idp.example.gov.vn/oauth2/token")
 *         .clientId("my-client-id")
 *         .jwks(JwksSource.builder().url("https://idp.example.gov.vn/oauth2/jwks").build())
 *         .build();
 * IdTokenClaims claims = validator.validate(idToken, pendingLogin.nonce());
 * }</pre>
 *
 * <h2>What is checked, in order</h2>
 * <ol>
 *   <li>the length (at most {@link #MAX_TOKEN_LENGTH} characters, before anything is parsed) and the form: a
 *       compact signed JWT of three parts; an encrypted JWT (five parts) is refused;</li>
 *   <li>the header's {@code alg} is in the allow-list (RS256, PS256, ES256 by default; asymmetric algorithms only,
 *       so {@code none} and HS256 are always refused and the header can never choose between HMAC and RSA);</li>
 *   <li>the signature, with a key of the configured {@link JwksSource} only ({@code jku}, {@code x5u}, {@code jwk}
 *       and {@code x5c} headers are ignored): the {@code kid} selects the key when present; without one, each key of
 *       the algorithm's type is tried; an unknown {@code kid} refetches the set once (rate-limited);</li>
 *   <li>{@code iss} equals the issuer exactly; {@code aud} contains the client id; with several audiences,
 *       {@code azp} must be present; an {@code azp} must be the client id;</li>
 *   <li>{@code sub} present; {@code exp} present and not past; {@code iat} present and not in the future;
 *       {@code nbf}, when present, not in the future; each time compared with the clock skew
 *       (60 s by default);</li>
 *   <li>{@code nonce} equals the one sent with this login's authorization request (compared in constant time).</li>
 * </ol>
 * {@link #validateRefreshed(String, IdTokenClaims)} runs the same checks on a refresh response's ID token, with the
 * rules of OpenID Connect Core §12.2 in place of the last one.
 * Every refusal is an {@link IdTokenException} whose {@link IdTokenException#failure()} says which rule and whose
 * {@link IdTokenException#claim()} names the claim; its message never contains the token.
 */
public final class IdTokenValidator {
    /** The longest ID token parsed: 16 KiB. A longer one is refused as {@link IdTokenFailure#TOO_LARGE}. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** The default clock skew: 60 s. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** The largest clock skew accepted: 5 minutes. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** The default allow-list: RS256, PS256 and ES256. */
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "PS256", "ES256");
    /** Every algorithm that may be allowed: the RSA and ECDSA signature algorithms of RFC 7518. */
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384",
            "PS512", "ES256", "ES384", "ES512");

    private static final Map<String, JWSAlgorithm> BY_NAME = SUPPORTED_ALGORITHMS.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), JWSAlgorithm::parse));

    private final IdTokenProcessor processor;
    private final String description;

    private IdTokenValidator(IdTokenProcessor processor, String description) {
        this.processor = processor;
        this.description = description;
    }

    /**
     * A builder; issuer, client id and JWKS are required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates an ID token and returns its claims.
     *
     * @param idToken the {@code id_token} of the token response, in compact form
     * @param expectedNonce the {@code nonce} sent with this login's authorization request
     * @return the validated claims
     * @throws IdTokenException if the token is refused; {@link IdTokenException#failure()} says why
     * @throws ValidationException if {@code idToken} is null, or {@code expectedNonce} is null or blank (a login
     *         always sends a nonce)
     */
    public IdTokenClaims validate(String idToken, String expectedNonce) {
        ValidationException.requireNonNull(idToken, "IdTokenValidator.idToken");
        ValidationException.requireText(expectedNonce, "IdTokenValidator.expectedNonce");
        return new IdTokenClaims(processor.process(idToken, expectedNonce));
    }

    /**
     * Validates the ID token of a refresh response (OpenID Connect Core §12.2) and returns its claims. The same checks
     * as {@link #validate(String, String)} (size, form, algorithm, key, signature, {@code iss}, {@code aud},
     * {@code azp}, times), except the nonce rule: a refresh response's token need not carry a {@code nonce}, and one
     * that does must carry the login's ({@link IdTokenFailure#WRONG_NONCE}). Its {@code sub}, and its
     * {@code auth_time} when both tokens carry one, must be the login's ({@link IdTokenFailure#WRONG_SUBJECT}).
     *
     * @param idToken the {@code id_token} of the refresh response, in compact form
     * @param original the claims of the login's ID token, as {@link #validate(String, String)} returned them
     * @return the validated claims; {@link IdTokenClaims#nonce()} is the login's when the token carries none
     * @throws IdTokenException if the token is refused; {@link IdTokenException#failure()} says why
     * @throws ValidationException if an argument is null
     */
    public IdTokenClaims validateRefreshed(String idToken, IdTokenClaims original) {
        ValidationException.requireNonNull(idToken, "IdTokenValidator.idToken");
        ValidationException.requireNonNull(original, "IdTokenValidator.original");
        return new IdTokenClaims(processor.processRefreshed(idToken, original.claimsSet(), original.nonce()),
                original.nonce());
    }

    /**
     * The issuer, client id, allow-list, skew and key source.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return description;
    }

    /** Builder of {@link IdTokenValidator}. Not thread-safe. */
    public static final class Builder {
        private String issuer;
        private String clientId;
        private JwksSource jwks;
        private Set<String> allowedAlgorithms = DEFAULT_ALGORITHMS;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The provider's issuer identifier, compared exactly with {@code iss} (the discovery document's
         * {@code issuer}).
         *
         * @param value the issuer
         * @return this builder
         */
        public Builder issuer(String value) {
            this.issuer = ValidationException.requireText(value, "IdTokenValidator.issuer");
            return this;
        }

        /**
         * This application's client id at the provider ({@code aud}, {@code azp}).
         *
         * @param value the client id
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = ValidationException.requireText(value, "IdTokenValidator.clientId");
            return this;
        }

        /**
         * Where the provider's signing keys come from.
         *
         * @param value the key source
         * @return this builder
         */
        public Builder jwks(JwksSource value) {
            this.jwks = ValidationException.requireNonNull(value, "IdTokenValidator.jwks");
            return this;
        }

        /**
         * The algorithms a token may be signed with (default RS256, PS256, ES256); each one of
         * {@link #SUPPORTED_ALGORITHMS}.
         *
         * @param value the algorithm names, at least one
         * @return this builder
         */
        public Builder allowedAlgorithms(Set<String> value) {
            ValidationException.requireNonNull(value, "IdTokenValidator.allowedAlgorithms");
            this.allowedAlgorithms = new LinkedHashSet<>(value);
            return this;
        }

        /**
         * The clock skew allowed on {@code exp}, {@code nbf} and {@code iat} (default 60 s, at most 5 minutes).
         *
         * @param value zero or a positive duration
         * @return this builder
         */
        public Builder clockSkew(Duration value) {
            this.clockSkew = ValidationException.requireNonNull(value, "IdTokenValidator.clockSkew");
            return this;
        }

        /**
         * The clock the token's times are compared with (default the UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "IdTokenValidator.clock");
            return this;
        }

        /**
         * Builds the validator; nothing is fetched yet.
         *
         * @return the validator
         * @throws ValidationException listing every setting that is missing or out of range
         */
        public IdTokenValidator build() {
            List<FieldError> errors = new ArrayList<>();
            if (issuer == null) {
                errors.add(required("issuer"));
            }
            if (clientId == null) {
                errors.add(required("clientId"));
            }
            if (jwks == null) {
                errors.add(required("jwks"));
            }
            Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
            for (String name : allowedAlgorithms) {
                JWSAlgorithm a = name == null ? null : BY_NAME.get(name);
                if (a == null) {
                    errors.add(new FieldError("algorithm", "IdTokenValidator.allowedAlgorithms", "'" + name + "' is "
                            + "not an allowed ID-token algorithm; use some of " + new java.util.TreeSet<>(
                                    SUPPORTED_ALGORITHMS) + " (none, HMAC and others are never accepted)"));
                } else {
                    algorithms.add(a);
                }
            }
            if (allowedAlgorithms.isEmpty()) {
                errors.add(new FieldError("empty", "IdTokenValidator.allowedAlgorithms",
                        "IdTokenValidator.allowedAlgorithms must name at least one algorithm"));
            }
            if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                errors.add(new FieldError("range", "IdTokenValidator.clockSkew", "IdTokenValidator.clockSkew must be "
                        + "between 0 and " + MAX_CLOCK_SKEW + ", was " + clockSkew));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            IdTokenProcessor processor = new IdTokenProcessor(issuer, clientId, jwks.cache(), algorithms, clockSkew,
                    clock, MAX_TOKEN_LENGTH);
            return new IdTokenValidator(processor, "IdTokenValidator[issuer=" + issuer + ", clientId=" + clientId
                    + ", algorithms=" + algorithms + ", clockSkew=" + clockSkew + ", jwks=" + jwks + "]");
        }

        private static FieldError required(String field) {
            return new FieldError("required", "IdTokenValidator." + field, "IdTokenValidator." + field
                    + " is required");
        }
    }
}
