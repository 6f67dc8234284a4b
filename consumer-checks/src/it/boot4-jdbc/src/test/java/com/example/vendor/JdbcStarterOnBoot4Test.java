package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.jdbc.JdbcCheckpointStore;
import vn.egov.sdk.jdbc.JdbcReceiveCoordinator;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.spring.ReceiveLoopLifecycle;
import vn.egov.sdk.spring.jdbc.EgovJdbcSchema;
import vn.egov.sdk.spring.jdbc.SendOutboxRelayLifecycle;

/** The starter's JDBC stores in a Boot 4.0 application whose DataSource is Boot 4's own, on a real PostgreSQL. */
class JdbcStarterOnBoot4Test {
    private static EmbeddedPostgres postgres;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ReceivingApp {
        @Bean
        PackageHandler handler() {
            return pkg -> { };
        }
    }

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theStoresComeAfterBoot4sDataSourceAndRunWithTheContext() throws Exception {
        assertEquals(System.getProperty("expected.spring-boot.version"), SpringBootVersion.getVersion());
        ReceiveLoopLifecycle loop;
        SendOutboxRelayLifecycle relay;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReceivingApp.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres",
                        "egov.axis.url=http://127.0.0.1:9", "egov.axis.system-id=vendor.system",
                        "egov.axis.secret=vendor-secret", "egov.axis.receive.enabled=true",
                        "egov.axis.receive.interval=1h", "egov.jdbc.initialize-schema=true",
                        "egov.jdbc.node-id=boot4-node")
                .run()) {
            assertInstanceOf(HikariDataSource.class, context.getBean(DataSource.class), "Boot 4's own DataSource");
            assertInstanceOf(JdbcCheckpointStore.class, context.getBean(CheckpointStore.class));
            assertEquals(JdbcSchema.scripts(), context.getBean(EgovJdbcSchema.class).applied());
            assertEquals("boot4-node", context.getBean(JdbcReceiveCoordinator.class).node());
            loop = context.getBean(ReceiveLoopLifecycle.class);
            relay = context.getBean(SendOutboxRelayLifecycle.class);
            assertTrue(loop.isRunning());
            assertTrue(relay.isRunning());
            try (Connection c = context.getBean(DataSource.class).getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM egov_schema_history")) {
                assertTrue(rs.next());
                assertEquals(JdbcSchema.scripts().size(), rs.getInt(1));
            }
        }
        assertFalse(loop.isRunning());
        assertFalse(relay.isRunning());
    }
}
