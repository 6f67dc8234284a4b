package vn.egov.sdk.spring;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Puts variables in the context's system-environment property source, as the process environment would. */
final class EnvironmentSecret {
    private EnvironmentSecret() {
    }

    static ApplicationContextInitializer<ConfigurableApplicationContext> of(String name, String value) {
        return context -> context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(name, value)));
    }
}
