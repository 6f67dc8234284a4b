package vn.egov.sdk.spring.identity.internal;

import java.util.function.Consumer;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdentityPolicy;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.identity.ReturnPathPolicy;
import vn.egov.sdk.spring.identity.EgovSsoProperties;

/** Builds the login client from {@code egov.sso.*}: the provider (preset, configured or discovered), then the client. */
public final class SsoClientFactory {
    private SsoClientFactory() {
    }

    /**
     * The URL the client's HTTP settings are built for: the issuer, or the preset's host.
     *
     * @param p the properties
     * @return the URL
     */
    public static String baseUrl(EgovSsoProperties p) {
        if (p.getIssuer() != null) {
            return p.getIssuer();
        }
        return p.getPreset() == EgovSsoProperties.Preset.DVCQG_TEST ? OidcProvider.DVCQG_TEST_HOST
                : OidcProvider.DVCQG_PRODUCTION_HOST;
    }

    /**
     * The provider: a preset, the configured endpoints, or the issuer's discovery document (read now), with the
     * configured endpoints replacing or adding to the preset's or the discovered ones.
     *
     * @param p the properties
     * @param settings the HTTP settings, for discovery
     * @return the provider
     */
    public static OidcProvider provider(EgovSsoProperties p, ClientSettings settings) {
        EgovSsoProperties.Endpoints ep = p.getEndpoints();
        OidcProvider.Builder b;
        if (p.getPreset() != null) {
            b = (p.getPreset() == EgovSsoProperties.Preset.DVCQG_TEST ? OidcProvider.dvcqgTest()
                    : OidcProvider.dvcqgProduction()).toBuilder();
            set(p.getIssuer(), b::issuer);
        } else if (ep.getAuthorization() != null) {
            b = OidcProvider.builder().issuer(p.getIssuer());
        } else {
            b = OidcProvider.discover(p.getIssuer(), settings).toBuilder();
        }
        set(ep.getAuthorization(), b::authorizationEndpoint);
        set(ep.getToken(), b::tokenEndpoint);
        set(ep.getUserInfo(), b::userInfoEndpoint);
        set(ep.getJwksUri(), b::jwksUri);
        set(ep.getIntrospection(), b::introspectionEndpoint);
        set(ep.getValidateToken(), b::validateTokenEndpoint);
        set(ep.getEndSession(), b::endSessionEndpoint);
        return b.build();
    }

    /**
     * The login client.
     *
     * @param p the properties
     * @param settings the HTTP settings
     * @param store the pending-login store
     * @param identityPolicy the application's policy, or {@code null} for one from {@code egov.sso.minimum-ial}
     * @param returnPaths the application's return-path allow-list, or {@code null} for relative paths only
     * @return the client
     */
    public static DvcqgOidcClient client(EgovSsoProperties p, ClientSettings settings, PendingLoginStore store,
            IdentityPolicy identityPolicy, ReturnPathPolicy returnPaths) {
        IdentityPolicy policy = identityPolicy != null ? identityPolicy
                : p.getMinimumIal() == null ? IdentityPolicy.allowAll()
                : IdentityPolicy.builder().minimumIal(p.getMinimumIal()).build();
        return DvcqgOidcClient.builder()
                .settings(settings)
                .provider(provider(p, settings))
                .clientId(p.getClientId())
                .clientSecret(p.getClientSecret())
                .clientAuthMethod(p.getClientAuthMethod())
                .redirectUri(p.getRedirectUri())
                .scopes(p.getScopes().toArray(String[]::new))
                .acrValues(p.getAcrValues().toArray(String[]::new))
                .clockSkew(p.getClockSkew())
                .identityPolicy(policy)
                .returnPaths(returnPaths != null ? returnPaths : ReturnPathPolicy.relativeOnly())
                .pendingLoginStore(store)
                .build();
    }

    private static void set(String value, Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
