package vn.egov.sdk.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.identity.internal.HttpUrls;

/**
 * Builder of {@link DvcqgOidcClient}: the HTTP settings in one {@link ClientSettings} (the endpoint is not used: the
 * {@link OidcProvider} names every URL), the provider, this application's registration (client id, secret, how it
 * authenticates, redirect URI) and the login's safety settings. Provider, client id, client secret and redirect URI
 * are required. Not thread-safe.
 */
public final class DvcqgOidcClientBuilder {
    ClientSettings settings = ClientSettings.defaults();
    OidcProvider provider;
    String clientId;
    Secret clientSecret;
    ClientAuthMethod authMethod = ClientAuthMethod.CLIENT_SECRET_POST;
    String redirectUri;
    List<String> scopes = List.of("openid");
    List<String> acrValues = List.of("LoA1");
    PendingLoginStore store;
    ReturnPathPolicy returnPaths = ReturnPathPolicy.relativeOnly();
    IdentityPolicy identityPolicy = IdentityPolicy.allowAll();
    Clock clock;
    Duration clockSkew = IdTokenValidator.DEFAULT_CLOCK_SKEW;
    Set<String> idTokenAlgorithms = IdTokenValidator.DEFAULT_ALGORITHMS;
    JwksSource jwks;

    DvcqgOidcClientBuilder() {
    }

    /**
     * The HTTP settings of every call (timeouts, deadline, retries, interceptors, shared connections); unset values
     * take the defaults of {@link DvcqgOidcClient}.
     *
     * @param value the settings, possibly shared with other clients
     * @return this builder
     */
    public DvcqgOidcClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "DvcqgOidcClient.settings");
        return this;
    }

    /**
     * The identity provider (required): {@link OidcProvider#dvcqgProduction()}, {@link OidcProvider#dvcqgTest()},
     * a discovered or a configured one.
     *
     * @param value the provider
     * @return this builder
     */
    public DvcqgOidcClientBuilder provider(OidcProvider value) {
        this.provider = ValidationException.requireNonNull(value, "DvcqgOidcClient.provider");
        return this;
    }

    /**
     * This application's client id at the provider (required).
     *
     * @param value the client id
     * @return this builder
     */
    public DvcqgOidcClientBuilder clientId(String value) {
        this.clientId = ValidationException.requireText(value, "DvcqgOidcClient.clientId");
        return this;
    }

    /**
     * This application's client secret (required).
     *
     * @param value the secret
     * @return this builder
     */
    public DvcqgOidcClientBuilder clientSecret(Secret value) {
        this.clientSecret = ValidationException.requireNonNull(value, "DvcqgOidcClient.clientSecret");
        return this;
    }

    /**
     * How the client authenticates at the token and introspection endpoints (default
     * {@link ClientAuthMethod#CLIENT_SECRET_POST}, what DVCQG clients use).
     *
     * @param value the method
     * @return this builder
     */
    public DvcqgOidcClientBuilder clientAuthMethod(ClientAuthMethod value) {
        this.authMethod = ValidationException.requireNonNull(value, "DvcqgOidcClient.clientAuthMethod");
        return this;
    }

    /**
     * The redirect URI registered at the provider (required): the application's callback, matched exactly by the
     * provider.
     *
     * @param value an absolute http(s) URL without fragment
     * @return this builder
     */
    public DvcqgOidcClientBuilder redirectUri(String value) {
        this.redirectUri = ValidationException.requireText(value, "DvcqgOidcClient.redirectUri");
        return this;
    }

    /**
     * The scopes requested (default {@code openid}); {@code openid} must be among them.
     *
     * @param values the scopes
     * @return this builder
     */
    public DvcqgOidcClientBuilder scopes(String... values) {
        this.scopes = elements(values, "DvcqgOidcClient.scopes");
        return this;
    }

    /**
     * The {@code acr_values} requested (default {@code LoA1}, as every DVCQG client sends); none to send none.
     *
     * @param values the values
     * @return this builder
     */
    public DvcqgOidcClientBuilder acrValues(String... values) {
        this.acrValues = elements(values, "DvcqgOidcClient.acrValues");
        return this;
    }

    private static List<String> elements(String[] values, String path) {
        ValidationException.requireNonNull(values, path);
        return List.copyOf(ValidationException.requireElements(java.util.Arrays.asList(values), path));
    }

    /**
     * Where pending logins wait for their callback (default an in-memory store: one application node). Use a
     * {@code CookiePendingLoginStore} or a shared store when several nodes serve the callback without sticky
     * sessions.
     *
     * @param value the store
     * @return this builder
     */
    public DvcqgOidcClientBuilder pendingLoginStore(PendingLoginStore value) {
        this.store = ValidationException.requireNonNull(value, "DvcqgOidcClient.pendingLoginStore");
        return this;
    }

    /**
     * Which return paths {@link DvcqgOidcClient#startLogin(String)} accepts (default
     * {@link ReturnPathPolicy#relativeOnly()}).
     *
     * @param value the allow-list
     * @return this builder
     */
    public DvcqgOidcClientBuilder returnPaths(ReturnPathPolicy value) {
        this.returnPaths = ValidationException.requireNonNull(value, "DvcqgOidcClient.returnPaths");
        return this;
    }

    /**
     * The policy every logged-in identity must satisfy, for example a minimum IAL of 2 (default
     * {@link IdentityPolicy#allowAll()}).
     *
     * @param value the policy
     * @return this builder
     */
    public DvcqgOidcClientBuilder identityPolicy(IdentityPolicy value) {
        this.identityPolicy = ValidationException.requireNonNull(value, "DvcqgOidcClient.identityPolicy");
        return this;
    }

    /**
     * The clock of token times, pending logins and token lifetimes (default the settings' clock).
     *
     * @param value the clock
     * @return this builder
     */
    public DvcqgOidcClientBuilder clock(Clock value) {
        this.clock = ValidationException.requireNonNull(value, "DvcqgOidcClient.clock");
        return this;
    }

    /**
     * The clock skew allowed on the ID token's times (default 60 s, at most 5 minutes).
     *
     * @param value the skew
     * @return this builder
     */
    public DvcqgOidcClientBuilder clockSkew(Duration value) {
        this.clockSkew = ValidationException.requireNonNull(value, "DvcqgOidcClient.clockSkew");
        return this;
    }

    /**
     * The algorithms an ID token may be signed with (default RS256, PS256, ES256); see
     * {@link IdTokenValidator.Builder#allowedAlgorithms(Set)}.
     *
     * @param value the algorithm names
     * @return this builder
     */
    public DvcqgOidcClientBuilder idTokenAlgorithms(Set<String> value) {
        this.idTokenAlgorithms = new LinkedHashSet<>(ValidationException.requireNonNull(value,
                "DvcqgOidcClient.idTokenAlgorithms"));
        return this;
    }

    /**
     * The provider's signing keys, instead of a source built from the provider's {@code jwks_uri} (for keys
     * published out of band: {@link JwksSource#of(String)}). The client does not close a source given here.
     *
     * @param value the key source
     * @return this builder
     */
    public DvcqgOidcClientBuilder jwks(JwksSource value) {
        this.jwks = ValidationException.requireNonNull(value, "DvcqgOidcClient.jwks");
        return this;
    }

    /**
     * Builds the client; nothing is fetched yet.
     *
     * @return the client
     * @throws ValidationException naming every missing or wrong setting
     */
    public DvcqgOidcClient build() {
        List<FieldError> errors = new ArrayList<>();
        if (provider == null) {
            errors.add(new FieldError("required", "DvcqgOidcClient.provider", "the provider is required"));
        }
        if (clientId == null) {
            errors.add(new FieldError("required", "DvcqgOidcClient.clientId", "the client id is required"));
        }
        if (clientSecret == null) {
            errors.add(new FieldError("required", "DvcqgOidcClient.clientSecret", "the client secret is required"));
        }
        if (redirectUri == null) {
            errors.add(new FieldError("required", "DvcqgOidcClient.redirectUri", "the redirect URI is required"));
        } else {
            try {
                HttpUrls.require(redirectUri, "DvcqgOidcClient.redirectUri");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!scopes.contains("openid")) {
            errors.add(new FieldError("openid", "DvcqgOidcClient.scopes", "the scopes must include openid"));
        }
        for (String s : scopes) {
            if (!s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}")) {
                errors.add(new FieldError("scope", "DvcqgOidcClient.scopes", "a scope is 1 to 64 printable ASCII "
                        + "characters without space, quote or backslash (RFC 6749 §3.3)"));
            }
        }
        for (String a : acrValues) {
            if (!a.matches("[\\x21-\\x7E]{1,64}")) {
                errors.add(new FieldError("acr", "DvcqgOidcClient.acrValues", "an acr value is 1 to 64 printable "
                        + "ASCII characters without space"));
            }
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(IdTokenValidator.MAX_CLOCK_SKEW) > 0) {
            errors.add(new FieldError("range", "DvcqgOidcClient.clockSkew", "the clock skew must be between 0 and "
                    + IdTokenValidator.MAX_CLOCK_SKEW + ", was " + clockSkew));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new DvcqgOidcClient(this);
    }
}
