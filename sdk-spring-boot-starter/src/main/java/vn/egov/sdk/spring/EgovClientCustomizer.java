package vn.egov.sdk.spring;

import vn.egov.sdk.core.http.ClientSettingsBuilder;

/**
 * Changes the HTTP settings of every client the starter builds, before it is built: add an
 * {@link vn.egov.sdk.core.http.HttpInterceptor} (audit, metrics), a retry policy, a proxy-aware OkHttp client.
 * Define one or more as beans; they run in their {@link org.springframework.core.annotation.Order} after the
 * starter has applied the client's own {@code egov.*} endpoint and timeouts, so a customizer can override those.
 *
 * <p>The client's name says which client is being built, for customizers that treat them differently and as a
 * low-cardinality metric tag: {@code axis} (national axis), {@code lgsp} (provincial axis),
 * {@code payment-dvcqg}, {@code payment-paygov}, {@code payment-keypay}, {@code sso} (national SSO login),
 * {@code dossier} (the national public-service portal's adapter), {@code smartca} (remote signing).
 */
@FunctionalInterface
public interface EgovClientCustomizer {
    /**
     * Changes the settings of one client.
     *
     * @param client the client's name (see the type's description)
     * @param settings the client's settings builder, endpoint and timeouts already set
     */
    void customize(String client, ClientSettingsBuilder settings);
}
