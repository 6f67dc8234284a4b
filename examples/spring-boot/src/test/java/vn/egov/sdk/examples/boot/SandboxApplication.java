package vn.egov.sdk.examples.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * Runs the sample portal against an embedded sandbox, in the {@code sandbox} profile:
 * {@code mvn -B -q -pl examples/spring-boot -am test-compile exec:java} (port 8080, {@code --server.port=N} for
 * another). It starts the sandbox on a free port, prepares it for the portal ({@link SandboxSetup}), starts the
 * portal, and sends it one signed letter from the sandbox's other agency, so {@code /documents} has something to
 * show. The sandbox closes after the portal, on Ctrl+C.
 */
public final class SandboxApplication {
    private SandboxApplication() {
    }

    /**
     * Entry point.
     *
     * @param args Spring Boot's arguments
     * @throws IOException if the sandbox's files cannot be written
     */
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(portArgument(args));
        Path files = Files.createTempDirectory("egov-sample-");
        NationalSandbox sandbox = NationalSandbox.start();
        Map<String, Object> settings = SandboxSetup.prepare(sandbox, port, files);
        SpringApplication app = new SpringApplication(SampleApplication.class);
        app.setAdditionalProfiles("sandbox");
        app.setDefaultProperties(settings);
        SpringApplication.getShutdownHandlers().add(() -> {
            sandbox.close();
            deleteAll(files);
        });
        ConfigurableApplicationContext context = app.run(args);
        try (PkixCertificateValidator validator = PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(sandbox.pki().root()).build())
                .revocationPolicy(RevocationPolicy.HARD_FAIL).build();
                VdxpAxisClient sender = SandboxSetup.sender(sandbox, validator)) {
            SendResult sent = sender.send(SandboxSetup.letter("101"));
            System.out.println("""

                    The sample portal runs at http://localhost:%d/ against the sandbox at %s
                      /me         log in through the sandbox's SSO (pick a test citizen) and see the typed identity
                      /fees       pay a dossier fee on the sandbox's payment page; the callback marks it paid
                      /documents  the letter just sent to the portal (axis docId %s), answered with a signed status
                    Ctrl+C stops both.
                    """.formatted(port, sandbox.baseUrl(), sent.docId()));
        }
        context.registerShutdownHook();
    }

    /** Deletes the sandbox's files (the test key, the checkpoint journal) once the portal has stopped. */
    private static void deleteAll(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private static String portArgument(String[] args) {
        for (String a : args) {
            if (a.startsWith("--server.port=")) {
                return a.substring("--server.port=".length());
            }
        }
        return "8080";
    }
}
