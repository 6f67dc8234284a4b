package vn.egov.sdk.examples.boot;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import vn.egov.sdk.spring.identity.EgovSsoConfigurer;

/**
 * Every page but the home page needs a login through the national SSO (the starter's {@link EgovSsoConfigurer}:
 * entry point, callback on the path of {@code egov.sso.redirect-uri}, typed principal, logout at the provider too).
 * The payment platform's callbacks come without a login or a CSRF token: their checksum is what authenticates them.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    /** Created by Spring. */
    public SecurityConfiguration() {
        // configuration class
    }

    /**
     * The filter chain.
     *
     * @param http Spring Security's builder
     * @return the chain
     * @throws Exception as {@link HttpSecurity#build()}
     */
    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/", "/egov/payment/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers("/egov/payment/**"))
                .with(EgovSsoConfigurer.egovSso(), withDefaults());
        return http.build();
    }
}
