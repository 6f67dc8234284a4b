package vn.egov.sdk.spring.identity;

import java.net.URI;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.spring.identity.internal.SsoAuthenticationProvider;
import vn.egov.sdk.spring.identity.internal.SsoCallbackFilter;
import vn.egov.sdk.spring.identity.internal.SsoCallbackMatcher;
import vn.egov.sdk.spring.identity.internal.SsoEntryPoint;
import vn.egov.sdk.spring.identity.internal.SsoFailureHandler;
import vn.egov.sdk.spring.identity.internal.SsoLogoutSuccessHandler;
import vn.egov.sdk.spring.identity.internal.SsoSuccessHandler;

/**
 * Logs citizens in to a Spring Security application through the national SSO with the SDK's
 * {@link DvcqgOidcClient}:
 *
 * <pre>{@code
 * http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
 *     .with(EgovSsoConfigurer.egovSso(), Customizer.withDefaults());
 * }</pre>
 *
 * <p>It installs:
 * <ul>
 *   <li>a default authentication entry point that starts a login at the SSO (state, nonce and PKCE by the SDK, kept
 *       with the return path in the pending-login store), sets the browser-binding cookie and redirects;</li>
 *   <li>a filter on the callback path (the path of {@code egov.sso.redirect-uri}) that completes the login through
 *       the SDK (state taken once, binding checked, code exchanged, ID token validated, userinfo read, identity
 *       policy applied) and authenticates an {@link EgovSsoAuthentication} whose principal is an
 *       {@link EgovCitizen}; the session strategy of Spring Security's session management runs (a new session id:
 *       session fixation protection), the context is saved, and the browser goes back where the login started;</li>
 *   <li>a failure handler that answers the SDK's typed refusals ({@link EgovSsoLoginException}) with a status and
 *       a short page naming the kind (replayed, expired, foreign or unknown login, refused at the SSO, ID token
 *       refused…);</li>
 *   <li>on Spring Security's logout (local session), a redirect to the provider's end-session endpoint with the
 *       login's ID token when the provider has one ({@link #providerLogout(boolean)} to leave logout alone).</li>
 * </ul>
 * The client is the application context's {@code DvcqgOidcClient} bean (the starter's, from {@code egov.sso.*}, or
 * the application's) unless {@link #client(DvcqgOidcClient)} names one. Tested with Spring Security 6.5; it uses
 * no API that Spring Security 7 removed (no {@code and()}, {@code apply()} or {@code AntPathRequestMatcher}).
 */
public final class EgovSsoConfigurer extends AbstractHttpConfigurer<EgovSsoConfigurer, HttpSecurity> {
    private DvcqgOidcClient client;
    private String callbackPath;
    private AuthenticationSuccessHandler successHandler = new SsoSuccessHandler();
    private AuthenticationFailureHandler failureHandler = new SsoFailureHandler();
    private boolean providerLogout = true;
    private String postLogoutRedirectUri;
    private boolean postLogoutRedirectUriSet;

    private EgovSsoConfigurer() {
    }

    /**
     * A configurer with the defaults, for {@code http.with(egovSso(), withDefaults())}.
     *
     * @return the configurer
     */
    public static EgovSsoConfigurer egovSso() {
        return new EgovSsoConfigurer();
    }

    /**
     * The login client to use instead of the application context's {@code DvcqgOidcClient} bean.
     *
     * @param value the client
     * @return this configurer
     */
    public EgovSsoConfigurer client(DvcqgOidcClient value) {
        this.client = ValidationException.requireNonNull(value, "EgovSsoConfigurer.client");
        return this;
    }

    /**
     * The path the provider redirects back to, as the request sees it (context path included); by default the
     * path of {@code egov.sso.redirect-uri}. It must be the path of the client's redirect URI.
     *
     * @param value a path starting with {@code /}
     * @return this configurer
     */
    public EgovSsoConfigurer callbackPath(String value) {
        ValidationException.requireText(value, "EgovSsoConfigurer.callbackPath");
        if (!value.startsWith("/")) {
            throw ValidationException.of("path", "EgovSsoConfigurer.callbackPath",
                    "the callback path must start with /");
        }
        this.callbackPath = value;
        return this;
    }

    /**
     * What to do after a login (default: expire the binding cookie and redirect to
     * {@link EgovSsoAuthentication#returnPath()}).
     *
     * @param value the handler
     * @return this configurer
     */
    public EgovSsoConfigurer successHandler(AuthenticationSuccessHandler value) {
        this.successHandler = ValidationException.requireNonNull(value, "EgovSsoConfigurer.successHandler");
        return this;
    }

    /**
     * What to answer a refused login (default: a status and a short page naming the kind). The exception is an
     * {@link EgovSsoLoginException} carrying the SDK's typed error.
     *
     * @param value the handler
     * @return this configurer
     */
    public EgovSsoConfigurer failureHandler(AuthenticationFailureHandler value) {
        this.failureHandler = ValidationException.requireNonNull(value, "EgovSsoConfigurer.failureHandler");
        return this;
    }

    /**
     * Whether Spring Security's logout also sends the browser to the provider's end-session endpoint (default
     * {@code true}; it replaces the logout's success handler). {@code false} leaves the logout as configured.
     *
     * @param value whether to log out at the provider too
     * @return this configurer
     */
    public EgovSsoConfigurer providerLogout(boolean value) {
        this.providerLogout = value;
        return this;
    }

    /**
     * Where the provider sends the browser after its logout (registered there); by default
     * {@code egov.sso.post-logout-redirect-uri}.
     *
     * @param value an absolute URL, or {@code null} for none
     * @return this configurer
     */
    public EgovSsoConfigurer postLogoutRedirectUri(String value) {
        this.postLogoutRedirectUri = value;
        this.postLogoutRedirectUriSet = true;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(HttpSecurity http) {
        DvcqgOidcClient login = client(http);
        ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
        if (exceptions != null) {
            exceptions.defaultAuthenticationEntryPointFor(new SsoEntryPoint(login), request -> true);
        }
        LogoutConfigurer<HttpSecurity> logout = http.getConfigurer(LogoutConfigurer.class);
        if (logout != null && providerLogout) {
            String after = postLogoutRedirectUriSet ? postLogoutRedirectUri
                    : properties(http) == null ? null : properties(http).getPostLogoutRedirectUri();
            logout.logoutSuccessHandler(new SsoLogoutSuccessHandler(login, after == null ? null : URI.create(after)));
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        SsoCallbackFilter filter = new SsoCallbackFilter(new SsoCallbackMatcher(callbackPath(http)));
        filter.setAuthenticationManager(new ProviderManager(new SsoAuthenticationProvider(client(http))));
        filter.setAuthenticationSuccessHandler(successHandler);
        filter.setAuthenticationFailureHandler(failureHandler);
        SessionAuthenticationStrategy sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
        filter.setSessionAuthenticationStrategy(sessions != null ? sessions
                : new ChangeSessionIdAuthenticationStrategy());
        SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
        filter.setSecurityContextRepository(contexts != null ? contexts : new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
        filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        http.addFilterBefore(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
    }

    private DvcqgOidcClient client(HttpSecurity http) {
        if (client == null) {
            ApplicationContext context = http.getSharedObject(ApplicationContext.class);
            client = context == null ? null : context.getBeanProvider(DvcqgOidcClient.class).getIfAvailable();
            if (client == null) {
                throw ValidationException.of("required", "egov.sso.client-id", "EgovSsoConfigurer needs a "
                        + "DvcqgOidcClient: set egov.sso.client-id (with egov.sso.issuer or egov.sso.preset, "
                        + "egov.sso.client-secret and egov.sso.redirect-uri), define a DvcqgOidcClient bean, or "
                        + "call EgovSsoConfigurer.client(...)");
            }
        }
        return client;
    }

    private String callbackPath(HttpSecurity http) {
        if (callbackPath != null) {
            return callbackPath;
        }
        EgovSsoProperties p = properties(http);
        if (p == null || p.getRedirectUri() == null) {
            throw ValidationException.of("required", "egov.sso.redirect-uri", "EgovSsoConfigurer needs the callback "
                    + "path: set egov.sso.redirect-uri or call EgovSsoConfigurer.callbackPath(...)");
        }
        String path = URI.create(p.getRedirectUri()).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static EgovSsoProperties properties(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        return context == null ? null : context.getBeanProvider(EgovSsoProperties.class).getIfAvailable();
    }
}
