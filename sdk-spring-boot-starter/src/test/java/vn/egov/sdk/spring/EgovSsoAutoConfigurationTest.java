package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.identity.AccountType;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.IdTokenVerification;
import vn.egov.sdk.identity.IdentityPolicyException;
import vn.egov.sdk.identity.InMemoryPendingLoginStore;
import vn.egov.sdk.identity.LoginResult;
import vn.egov.sdk.identity.LoginStart;
import vn.egov.sdk.identity.PendingLogin;
import vn.egov.sdk.identity.PendingLoginStore;
import vn.egov.sdk.spring.identity.EgovSsoAutoConfiguration;
import vn.egov.sdk.spring.identity.EgovSsoProperties;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

@ExtendWith(NationalSandboxExtension.class)
class EgovSsoAutoConfigurationTest {
    private static ApplicationContextRunner runner() {
        return StarterTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovSsoAutoConfiguration.class));
    }

    /** The sandbox's default SSO client, its provider read from the discovery document. */
    static String[] sandboxClient(NationalSandbox sandbox, String... more) {
        List<String> p = new java.util.ArrayList<>(List.of("egov.sso.issuer=" + sandbox.sso().issuer(),
                "egov.sso.client-id=" + SsoSandbox.DEFAULT_CLIENT_ID,
                "egov.sso.client-secret=" + SsoSandbox.DEFAULT_CLIENT_SECRET,
                "egov.sso.redirect-uri=" + SsoSandbox.DEFAULT_REDIRECT_URI));
        p.addAll(List.of(more));
        return p.toArray(String[]::new);
    }

    /** Logs a user in through the client alone, as the browser and the callback would. */
    static LoginResult login(NationalSandbox sandbox, DvcqgOidcClient client, SsoTestUser user) {
        LoginStart start = client.startLogin("/ho-so");
        URI callback = sandbox.sso().login(start.authorizationUrl().toString(), user);
        return client.completeLogin(callback.getRawQuery(), start.browserBinding());
    }

    @Test
    void noClientWithoutClientId() {
        runner().run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(DvcqgOidcClient.class).length);
            assertEquals(0, context.getBeanNamesForType(PendingLoginStore.class).length);
            assertEquals(1, context.getBeanNamesForType(EgovSsoProperties.class).length);
        });
    }

    @Test
    void theClientFromPropertiesLogsACitizenInWithTheSignatureChecked(NationalSandbox sandbox) {
        runner().withPropertyValues(sandboxClient(sandbox, "egov.sso.connect-timeout=2s", "egov.sso.read-timeout=5s",
                "egov.sso.deadline=20s", "egov.sso.pending-login-ttl=4m")).run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    DvcqgOidcClient client = context.getBean(DvcqgOidcClient.class);
                    assertEquals(IdTokenVerification.SIGNATURE, client.verification(), "the JWKS came by discovery");
                    assertEquals(sandbox.sso().issuer(), client.provider().issuer());
                    PendingLoginStore store = context.getBean(PendingLoginStore.class);
                    assertEquals(Duration.ofMinutes(4), ((InMemoryPendingLoginStore) store).ttl());
                    LoginStart start = client.startLogin("/x");
                    assertEquals(Duration.ofMinutes(4), start.maxAge(), "the client uses the starter's store");
                    LoginResult login = login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2);
                    assertEquals(AccountType.CITIZEN, login.identity().accountType());
                    assertEquals("/ho-so", login.returnPath());
                });
    }

    @Test
    void theClientIsClosedWithTheContextAndCustomizersSeeIt(NationalSandbox sandbox) {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner().withPropertyValues(sandboxClient(sandbox))
                .withBean("auditCustomizer", EgovClientCustomizer.class,
                        () -> (client, settings) -> settings.addInterceptor(new HttpInterceptor() {
                            @Override
                            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext attempt) {
                                seen.add(client);
                                return request;
                            }
                        }))
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    AbstractBeanDefinition definition = (AbstractBeanDefinition) context.getBeanFactory()
                            .getBeanDefinition("egovSsoClient");
                    assertEquals(List.of("close"), List.of(definition.getDestroyMethodNames()));
                    login(sandbox, context.getBean(DvcqgOidcClient.class), SsoTestUser.ENTERPRISE);
                    assertTrue(!seen.isEmpty() && seen.stream().allMatch("sso"::equals), seen.toString());
                });
    }

    @Test
    void anApplicationsPendingLoginStoreIsUsed(NationalSandbox sandbox) {
        AtomicInteger saves = new AtomicInteger();
        PendingLoginStore memory = InMemoryPendingLoginStore.create();
        PendingLoginStore counting = new PendingLoginStore() {
            @Override
            public String save(PendingLogin login) {
                saves.incrementAndGet();
                return memory.save(login);
            }

            @Override
            public PendingLogin take(String state, String browserBinding) {
                return memory.take(state, browserBinding);
            }
        };
        runner().withPropertyValues(sandboxClient(sandbox))
                .withBean("myStore", PendingLoginStore.class, () -> counting)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertSame(counting, context.getBean(PendingLoginStore.class));
                    login(sandbox, context.getBean(DvcqgOidcClient.class), SsoTestUser.CITIZEN_VNEID_IAL1);
                    assertEquals(1, saves.get());
                });
    }

    @Test
    void theMinimumIalIsEnforced(NationalSandbox sandbox) {
        runner().withPropertyValues(sandboxClient(sandbox, "egov.sso.minimum-ial=2")).run(context -> {
            DvcqgOidcClient client = context.getBean(DvcqgOidcClient.class);
            assertEquals(2, login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL2).identity().ial().getAsInt());
            assertThrows(IdentityPolicyException.class,
                    () -> login(sandbox, client, SsoTestUser.CITIZEN_VNEID_IAL1));
        });
    }

    @Test
    void theSecretBindsFromTheEnvironment(NationalSandbox sandbox) {
        runner().withInitializer(EnvironmentSecret.of("EGOV_SSO_CLIENT_SECRET", SsoSandbox.DEFAULT_CLIENT_SECRET))
                .withPropertyValues("egov.sso.issuer=" + sandbox.sso().issuer(),
                        "egov.sso.client-id=" + SsoSandbox.DEFAULT_CLIENT_ID,
                        "egov.sso.redirect-uri=" + SsoSandbox.DEFAULT_REDIRECT_URI)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertTrue(context.getBean(EgovSsoProperties.class).getClientSecret()
                            .matches(SsoSandbox.DEFAULT_CLIENT_SECRET));
                    // the token endpoint accepts the client only with its secret
                    login(sandbox, context.getBean(DvcqgOidcClient.class), SsoTestUser.CITIZEN_VNEID_IAL2);
                });
    }

    @Test
    void aPresetNeedsNoNetworkAndEndpointsAddToIt() {
        runner().withPropertyValues("egov.sso.preset=dvcqg-test", "egov.sso.client-id=my-portal",
                "egov.sso.client-secret=not-a-real-secret",
                "egov.sso.redirect-uri=https://dichvucong.example.gov.vn/sso/callback",
                "egov.sso.endpoints.end-session=https://testxacthuc.dichvucong.gov.vn/oidc/logout",
                "egov.sso.client-auth-method=client-secret-basic").run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    DvcqgOidcClient client = context.getBean(DvcqgOidcClient.class);
                    assertTrue(client.provider().authorizationEndpoint().toString()
                            .startsWith("https://testxacthuc.dichvucong.gov.vn/"), client.provider().toString());
                    assertEquals(URI.create("https://testxacthuc.dichvucong.gov.vn/oidc/logout"),
                            client.provider().endSessionEndpoint().orElseThrow());
                    assertEquals(IdTokenVerification.TLS_ONLY, client.verification());
                    assertTrue(client.toString().contains("CLIENT_SECRET_BASIC"), client.toString());
                    assertTrue(!client.toString().contains("not-a-real-secret"));
                });
    }

    @Test
    void aCustomProviderFromItsEndpoints(NationalSandbox sandbox) {
        String issuer = sandbox.sso().issuer();
        runner().withPropertyValues(sandboxClient(sandbox, "egov.sso.endpoints.authorization=" + issuer
                + "/oauth2/authorize", "egov.sso.endpoints.token=" + issuer + "/oauth2/token",
                "egov.sso.endpoints.user-info=" + issuer + "/oauth2/userinfo",
                "egov.sso.endpoints.jwks-uri=" + sandbox.sso().jwksUrl())).run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    DvcqgOidcClient client = context.getBean(DvcqgOidcClient.class);
                    assertEquals(IdTokenVerification.SIGNATURE, client.verification());
                    assertEquals(AccountType.ORGANISATION,
                            login(sandbox, client, SsoTestUser.ORGANISATION).identity().accountType());
                });
    }

    @Test
    void anUnreachableIssuerStopsTheStartUp() {
        runner().withPropertyValues("egov.sso.issuer=http://127.0.0.1:9/sso", "egov.sso.client-id=x",
                "egov.sso.client-secret=y", "egov.sso.redirect-uri=http://localhost/cb",
                "egov.sso.connect-timeout=1s", "egov.sso.deadline=2s").run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertInstanceOf(Throwable.class, failure);
                    String m = StarterTestSupport.messages(failure);
                    assertTrue(m.contains("egovSsoClient"), m);
                });
    }
}
