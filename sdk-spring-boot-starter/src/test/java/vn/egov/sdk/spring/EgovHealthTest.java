package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.InMemoryDossierOutbox;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.spring.actuate.EgovHealthAutoConfiguration;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

@ExtendWith(NationalSandboxExtension.class)
class EgovHealthTest {

    private static SigningKey expiring;

    /** The GOOD signer of a PKI made 720 days ago (valid 730 days from then): it expires in about 10 days. */
    private static synchronized SigningKey expiringInTenDays(NationalSandbox sandbox) {
        if (expiring == null) {
            expiring = TestPki.create(sandbox.baseUrl(),
                    Clock.fixed(Instant.now().minus(Duration.ofDays(720)), ZoneOffset.UTC)).signer(TestPki.Kind.GOOD);
        }
        return expiring;
    }

    private static ApplicationContextRunner runner() {
        return StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovHealthAutoConfiguration.class));
    }

    private static ApplicationContextRunner axis(String url, String system, String secret) {
        return runner().withPropertyValues("egov.axis.url=" + url, "egov.axis.system-id=" + system,
                "egov.axis.secret=" + secret, "egov.axis.deadline=20s", "egov.axis.connect-timeout=1s");
    }

    private static Health health(org.springframework.context.ApplicationContext context, String name) {
        return context.getBean(name + "HealthIndicator", HealthIndicator.class).health();
    }

    @Test
    void noIndicatorWithoutTheBeansTheyCheck() {
        runner().run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(HealthIndicator.class).length);
        });
    }

    @Test
    void theAxisIsUpWhenReachedAndTheCredentialsAccepted(NationalSandbox sandbox) {
        axis(sandbox.vdxpUrl(), VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2).run(context -> {
            Health h = health(context, "egovAxis");
            assertEquals("UP", h.getStatus().getCode(), h.toString());
            assertEquals("accepted", h.getDetails().get("credentials"));
            assertEquals(0L, h.getDetails().get("documentsWaiting"));
        });
    }

    @Test
    void refusedCredentialsAreDownAndSaySo(NationalSandbox sandbox) {
        axis(sandbox.vdxpUrl(), VdxpSandbox.SYSTEM_2, "not-the-secret").run(context -> {
            Health h = health(context, "egovAxis");
            assertEquals("DOWN", h.getStatus().getCode(), h.toString());
            assertEquals(true, h.getDetails().get("reachable"), h.toString());
            assertEquals("refused", h.getDetails().get("credentials"), h.toString());
            assertTrue(h.getDetails().get("reason").toString().startsWith("credentials refused"), h.toString());
            assertFalse(h.toString().contains("not-the-secret"), h.toString());
        });
    }

    @Test
    void aStoppedAxisIsDownAndUnreachable() {
        String url;
        try (NationalSandbox stopped = NationalSandbox.start()) {
            url = stopped.vdxpUrl();
        }
        axis(url, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2).run(context -> {
            Health h = health(context, "egovAxis");
            assertEquals("DOWN", h.getStatus().getCode(), h.toString());
            assertEquals(false, h.getDetails().get("reachable"), h.toString());
            assertTrue(h.getDetails().get("reason").toString().startsWith("unreachable"), h.toString());
        });
    }

    @Test
    void aCertificateExpiringWithinTheWarningHasItsOwnStatus(NationalSandbox sandbox) {
        Keys.key = expiringInTenDays(sandbox);
        runner().withUserConfiguration(Keys.class).run(context -> {
            Health h = health(context, "egovCertificate");
            assertEquals("CERTIFICATE_EXPIRING", h.getStatus().getCode(), h.toString());
            long daysLeft = (Long) h.getDetails().get("daysLeft");
            assertTrue(daysLeft >= 8 && daysLeft <= 10, h.toString());
            assertTrue(h.getDetails().get("reason").toString().contains("expires within 30 days"), h.toString());
            assertTrue(h.getDetails().get("subject").toString().contains(TestPki.Kind.GOOD.commonName()),
                    h.toString());
        });
        runner().withUserConfiguration(Keys.class).withPropertyValues("egov.health.certificate-expiry-warning=5d")
                .run(context -> assertEquals("UP", health(context, "egovCertificate").getStatus().getCode()));
    }

    @Test
    void theEndpointShowsEachIndicatorByNameAndRanksTheWarningOnlyWhenTold(NationalSandbox sandbox) {
        Keys.key = expiringInTenDays(sandbox);
        ApplicationContextRunner withEndpoint = axis(sandbox.vdxpUrl(), VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration.class,
                        org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration.class))
                .withUserConfiguration(Keys.class);
        withEndpoint.run(context -> {
            org.springframework.boot.actuate.health.HealthEndpoint endpoint =
                    context.getBean(org.springframework.boot.actuate.health.HealthEndpoint.class);
            assertEquals("UP", endpoint.healthForPath("egovAxis").getStatus().getCode(),
                    String.valueOf(((org.springframework.boot.actuate.health.Health) endpoint.healthForPath("egovAxis")).getDetails()));
            assertEquals("CERTIFICATE_EXPIRING", endpoint.healthForPath("egovCertificate").getStatus().getCode());
            assertEquals("UP", endpoint.health().getStatus().getCode(),
                    "Boot leaves a status out of its order list out of the overall status");
        });
        withEndpoint.withPropertyValues(
                "management.endpoint.health.status.order=DOWN,OUT_OF_SERVICE,CERTIFICATE_EXPIRING,UP,UNKNOWN")
                .run(context -> assertEquals("CERTIFICATE_EXPIRING", context.getBean(
                        org.springframework.boot.actuate.health.HealthEndpoint.class).health().getStatus().getCode()));
    }

    @Test
    void anExpiredCertificateIsDown(NationalSandbox sandbox) {
        Keys.key = sandbox.pki().signer(TestPki.Kind.EXPIRED);
        runner().withUserConfiguration(Keys.class).run(context -> {
            Health h = health(context, "egovCertificate");
            assertEquals("DOWN", h.getStatus().getCode(), h.toString());
            assertTrue(h.getDetails().get("reason").toString().startsWith("the signing certificate expired on"),
                    h.toString());
        });
        Keys.key = sandbox.pki().signer(TestPki.Kind.GOOD);
        runner().withUserConfiguration(Keys.class)
                .run(context -> assertEquals("UP", health(context, "egovCertificate").getStatus().getCode()));
    }

    @Test
    void anOutboxBacklogAboveTheThresholdIsDown() {
        InMemoryDossierOutbox outbox = new InMemoryDossierOutbox();
        outbox.enqueue(items(3));
        Outboxes.outbox = outbox;
        runner().withUserConfiguration(Outboxes.class).run(context -> {
            Health h = health(context, "egovOutbox");
            assertEquals("UP", h.getStatus().getCode(), h.toString());
            assertEquals(3L, h.getDetails().get("backlog"));
            assertEquals(3L, h.getDetails().get("pending"));
        });
        runner().withUserConfiguration(Outboxes.class).withPropertyValues("egov.health.outbox.max-backlog=2")
                .run(context -> {
                    Health h = health(context, "egovOutbox");
                    assertEquals("DOWN", h.getStatus().getCode(), h.toString());
                    assertEquals("3 entries wait to be sent, more than egov.health.outbox.max-backlog (2)",
                            h.getDetails().get("reason"));
                });
    }

    @Test
    void anOutboxWhoseOldestEntryWaitedTooLongIsDown() {
        InMemoryDossierOutbox outbox = new InMemoryDossierOutbox(
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC), 100);
        outbox.enqueue(items(1));
        Outboxes.outbox = outbox;
        runner().withUserConfiguration(Outboxes.class).run(context -> {
            Health h = health(context, "egovOutbox");
            assertEquals("DOWN", h.getStatus().getCode(), h.toString());
            assertTrue(h.getDetails().get("reason").toString().contains("longer than egov.health.outbox.max-age "
                    + "(PT1H)"), h.toString());
        });
        runner().withUserConfiguration(Outboxes.class).withPropertyValues("egov.health.outbox.max-age=3h")
                .run(context -> assertEquals("UP", health(context, "egovOutbox").getStatus().getCode()));
    }

    @Test
    void theSendOutboxBacklogOfSdkJdbc() throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
            SendOutboxes.dataSource = pg.getPostgresDatabase();
            vn.egov.sdk.jdbc.JdbcSchema.install(SendOutboxes.dataSource, vn.egov.sdk.jdbc.JdbcTables.defaults());
            vn.egov.sdk.jdbc.JdbcSendOutbox outbox =
                    new vn.egov.sdk.jdbc.JdbcSendOutbox(vn.egov.sdk.jdbc.JdbcTables.defaults());
            try (java.sql.Connection c = SendOutboxes.dataSource.getConnection()) {
                c.setAutoCommit(false);
                outbox.enqueue(c, "reply-1", StarterTestSupport.letter("401"));
                outbox.enqueue(c, "reply-2", StarterTestSupport.letter("402"));
                c.commit();
            }
            runner().withUserConfiguration(SendOutboxes.class).run(context -> {
                Health h = health(context, "egovSendOutbox");
                assertEquals("UP", h.getStatus().getCode(), h.toString());
                assertEquals(2L, h.getDetails().get("waiting"));
                assertEquals(0L, h.getDetails().get("dead"));
            });
            runner().withUserConfiguration(SendOutboxes.class).withPropertyValues("egov.health.outbox.max-backlog=1")
                    .run(context -> {
                        Health h = health(context, "egovSendOutbox");
                        assertEquals("DOWN", h.getStatus().getCode(), h.toString());
                        assertEquals("2 packages wait to be sent, more than egov.health.outbox.max-backlog (1)",
                                h.getDetails().get("reason"));
                    });
            try (java.sql.Connection c = SendOutboxes.dataSource.getConnection();
                    java.sql.Statement st = c.createStatement()) {
                st.execute("UPDATE egov_send_outbox SET created_at = now() - interval '2 hours'");
            }
            runner().withUserConfiguration(SendOutboxes.class).run(context -> {
                Health h = health(context, "egovSendOutbox");
                assertEquals("DOWN", h.getStatus().getCode(), h.toString());
                assertTrue(h.getDetails().get("reason").toString().contains("longer than egov.health.outbox.max-age"),
                        h.toString());
            });
        }
    }

    @Test
    void brokenThresholdsAreNamedAtStartUp() {
        runner().withPropertyValues("egov.health.certificate-expiry-warning=0s", "egov.health.outbox.max-age=-1m",
                "egov.health.outbox.max-backlog=-1").run(context -> {
                    assertNotNull(context.getStartupFailure());
                    String m = StarterTestSupport.messages(context.getStartupFailure());
                    assertTrue(m.contains("egov.health.certificate-expiry-warning must be positive (got PT0S)"), m);
                    assertTrue(m.contains("egov.health.outbox.max-age must be positive (got PT-1M)"), m);
                    assertTrue(m.contains("egov.health.outbox.max-backlog must be 0 or more (got -1)"), m);
                });
    }

    @Test
    void aVendorsIndicatorOfTheSameNameWins(NationalSandbox sandbox) {
        axis(sandbox.vdxpUrl(), VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2).withUserConfiguration(VendorIndicator.class)
                .run(context -> assertEquals("vendor", health(context, "egovAxis").getDetails().get("by")));
    }

    @Test
    void theBoot4AdapterReportsTheSameStatusAndDetails() {
        vn.egov.sdk.spring.actuate.internal.CheckResult result = new vn.egov.sdk.spring.actuate.internal.CheckResult(
                "CERTIFICATE_EXPIRING", Map.of("daysLeft", 3L));
        org.springframework.boot.health.contributor.Health h =
                new vn.egov.sdk.spring.actuate.internal.Boot4HealthIndicator(() -> result).health();
        assertEquals("CERTIFICATE_EXPIRING", h.getStatus().getCode());
        assertEquals(3L, h.getDetails().get("daysLeft"));
    }

    private static List<OutboxItem> items(int n) {
        java.util.ArrayList<OutboxItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new OutboxItem("key-" + i, OutboxKind.values()[0], "H12.34-250101-000" + i, "{}"));
        }
        return items;
    }

    @Configuration(proxyBeanMethods = false)
    static class Keys {
        static SigningKey key;

        @Bean
        SigningKey signingKey() {
            return key;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Outboxes {
        static DossierOutbox outbox;

        @Bean
        DossierOutbox outbox() {
            return outbox;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SendOutboxes {
        static javax.sql.DataSource dataSource;

        @Bean
        javax.sql.DataSource dataSource() {
            return dataSource;
        }

        @Bean
        vn.egov.sdk.jdbc.JdbcSendOutbox sendOutbox() {
            return new vn.egov.sdk.jdbc.JdbcSendOutbox(vn.egov.sdk.jdbc.JdbcTables.defaults());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorIndicator {
        @Bean
        HealthIndicator egovAxisHealthIndicator() {
            return () -> Health.up().withDetails(Map.of("by", "vendor")).build();
        }
    }
}
