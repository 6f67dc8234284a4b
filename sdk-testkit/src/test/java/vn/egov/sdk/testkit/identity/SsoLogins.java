package vn.egov.sdk.testkit.identity;

import java.net.URI;
import java.time.Duration;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.identity.ClientAuthMethod;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.DvcqgOidcClientBuilder;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStart;
import vn.egov.sdk.identity.OidcProvider;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SsoSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

/** The login client against the sandbox's SSO: a client builder on the default test registration, and one login. */
final class SsoLogins {
    private SsoLogins() {
    }

    static ClientSettings settings() {
        return ClientSettings.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build();
    }

    static OidcProvider provider(NationalSandbox sandbox) {
        return OidcProvider.discover(sandbox.sso().issuer(), settings());
    }

    static DvcqgOidcClientBuilder client(NationalSandbox sandbox) {
        return client(provider(sandbox));
    }

    static DvcqgOidcClientBuilder client(OidcProvider provider) {
        return DvcqgOidcClient.builder()
                .settings(settings())
                .provider(provider)
                .clientId(SsoSandbox.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(SsoSandbox.DEFAULT_CLIENT_SECRET))
                .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .redirectUri(SsoSandbox.DEFAULT_REDIRECT_URI);
    }

    /** A login started by the client, answered by the sandbox's login page for {@code user}. */
    record Answered(LoginStart start, URI callback) {
    }

    static Answered answer(NationalSandbox sandbox, DvcqgOidcClient client, SsoTestUser user) {
        LoginStart start = client.startLogin("/ho-so/cua-toi");
        return new Answered(start, sandbox.sso().login(start.authorizationUrl().toString(), user));
    }

    static LoginResult login(NationalSandbox sandbox, DvcqgOidcClient client, SsoTestUser user) {
        Answered a = answer(sandbox, client, user);
        return client.completeLogin(a.callback().toString(), a.start().browserBinding());
    }
}
