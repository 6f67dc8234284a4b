package vn.egov.sdk.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A provincial agency's portal on the SDK's Spring Boot starter: it receives documents from the national axis and
 * answers each with a signed status package, logs citizens in through the national SSO, and takes the fee of a
 * dossier through the national payment platform. Everything it talks to is a bean the starter makes from
 * {@code egov.*} properties; the application adds only its handler, its listener, its pages and its security rules.
 *
 * <p>Run it against an embedded sandbox with {@code SandboxApplication} (in the tests); against real systems, give
 * the {@code egov.*} properties of {@code application-sandbox.properties} their real values (secrets from the
 * environment) and run this class.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {
    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments ({@code --spring.profiles.active=...}, {@code --egov.axis.url=...})
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
