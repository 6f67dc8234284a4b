package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.jdbc.JdbcSendOutbox;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.spring.jdbc.EgovJdbcAutoConfiguration;
import vn.egov.sdk.spring.jdbc.SendOutboxRelayLifecycle;
import vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration;
import vn.egov.sdk.testkit.LgspSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

/** The send outbox relay runs with the context: what was recorded in a transaction reaches the sandbox's axis. */
@ExtendWith(NationalSandboxExtension.class)
class EgovJdbcRelayTest {
    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.create();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private ApplicationContextRunner sender(NationalSandbox sandbox, String... more) {
        return StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovJdbcAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource)
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_1,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_1, "egov.jdbc.initialize-schema=true",
                        "egov.jdbc.relay.poll-interval=100ms")
                .withPropertyValues(more);
    }

    @Test
    void theRelaySendsWhatWasQueuedAndStopsWithTheContext(NationalSandbox sandbox) throws Exception {
        db.execute("CREATE TABLE reply (id TEXT PRIMARY KEY)");
        SendOutboxRelayLifecycle[] lifecycle = new SendOutboxRelayLifecycle[1];
        UUID[] queued = new UUID[1];
        sender(sandbox).run(context -> {
            assertNull(context.getStartupFailure());
            lifecycle[0] = context.getBean(SendOutboxRelayLifecycle.class);
            assertTrue(lifecycle[0].isRunning(), "started with the context");
            JdbcSendOutbox outbox = context.getBean(JdbcSendOutbox.class);
            DataSource dataSource = context.getBean(DataSource.class);
            try (Connection tx = dataSource.getConnection()) {
                tx.setAutoCommit(false);
                tx.createStatement().execute("INSERT INTO reply (id) VALUES ('reply-1')");
                queued[0] = outbox.enqueue(tx, "reply-1", StarterTestSupport.letter("401"));
                tx.commit();
            }
            // recorded in a transaction that rolls back: never sent
            try (Connection tx = dataSource.getConnection()) {
                tx.setAutoCommit(false);
                outbox.enqueue(tx, "reply-2", StarterTestSupport.letter("402"));
                tx.rollback();
            }
            String docId = awaitSent(queued[0]);
            try (VdxpAxisClient receiver = VdxpAxisClient.builder()
                    .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                    .systemId(VdxpSandbox.SYSTEM_2).secret(Secret.of(VdxpSandbox.SECRET_2)).build()) {
                assertTrue(receiver.listReceived(MessageType.EDOC).stream().anyMatch(i -> i.docId().equals(docId)),
                        "the axis holds the sent package for its recipient");
                assertEquals("401", ((DocumentPackage) receiver.fetch(docId).pkg()).header().code()
                        .codeNumber());
            }
            assertEquals(1, db.number("SELECT count(*) FROM egov_send_outbox"), "the rolled-back send left no row");
        });
        assertFalse(lifecycle[0].isRunning(), "stopped with the context");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("egov-send-outbox-relay") && t.isAlive()),
                "the relay's thread ended with the context");
        // queued while no node runs a relay: it waits in the table, and the next start sends it
        UUID later;
        try (Connection tx = db.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            later = new JdbcSendOutbox(JdbcTables.defaults()).enqueue(tx, "reply-3", StarterTestSupport.letter("403"));
            tx.commit();
        }
        Thread.sleep(300);
        assertEquals("PENDING", db.text("SELECT status FROM egov_send_outbox WHERE id = '" + later + "'"),
                "nothing sends after the context stopped");
        sender(sandbox).run(context -> assertNotNull(awaitSent(later)));
    }

    @Test
    void aSendRecordedInASpringManagedTransactionCommitsOrRollsBackWithIt(NationalSandbox sandbox) throws Exception {
        db.execute("CREATE TABLE reply (id TEXT PRIMARY KEY)");
        sender(sandbox).run(context -> {
            assertNull(context.getStartupFailure());
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcSendOutbox outbox = context.getBean(JdbcSendOutbox.class);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            UUID committed = transactions.execute(status -> {
                new JdbcTemplate(dataSource).update("INSERT INTO reply (id) VALUES ('reply-tx-1')");
                return outbox.enqueue(DataSourceUtils.getConnection(dataSource), "reply-tx-1",
                        StarterTestSupport.letter("411"));
            });
            transactions.executeWithoutResult(status -> {
                new JdbcTemplate(dataSource).update("INSERT INTO reply (id) VALUES ('reply-tx-2')");
                outbox.enqueue(DataSourceUtils.getConnection(dataSource), "reply-tx-2",
                        StarterTestSupport.letter("412"));
                status.setRollbackOnly();
            });
            assertNotNull(awaitSent(committed));
            assertEquals("reply-tx-1", db.text("SELECT string_agg(id, ',') FROM reply"));
            assertEquals("reply-tx-1", db.text("SELECT string_agg(aggregateid, ',') FROM egov_send_outbox"),
                    "the rolled-back change took its send with it");
        });
    }

    @Test
    void withBothAxesTheRelaySendsThroughTheNationalOneOrTheOneChosen(NationalSandbox sandbox) throws Exception {
        String[] lgspSender = {"egov.lgsp.url=" + sandbox.lgspUrl(), "egov.lgsp.username=" + LgspSandbox.ADMIN_USERNAME,
            "egov.lgsp.password=" + LgspSandbox.ADMIN_PASSWORD, "egov.lgsp.application-code=" + LgspSandbox.APPLICATION_CODE,
            "egov.lgsp.system-id=" + LgspSandbox.SYSTEM_1_ID, "egov.lgsp.secret-key=" + LgspSandbox.SYSTEM_1_SECRET_KEY};
        sender(sandbox, lgspSender).withConfiguration(AutoConfigurations.of(EgovLgspAutoConfiguration.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(VdxpAxisClient.class, context.getBean(SendOutboxRelayLifecycle.class).axis(),
                            "the national axis unless egov.jdbc.relay.axis says otherwise");
                });
        sender(sandbox, lgspSender).withPropertyValues("egov.jdbc.relay.axis=lgsp")
                .withConfiguration(AutoConfigurations.of(EgovLgspAutoConfiguration.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    SendOutboxRelayLifecycle relay = context.getBean(SendOutboxRelayLifecycle.class);
                    assertSame(context.getBean(LgspAxisClient.class), relay.axis());
                    UUID queued;
                    try (Connection tx = context.getBean(DataSource.class).getConnection()) {
                        tx.setAutoCommit(false);
                        queued = context.getBean(JdbcSendOutbox.class).enqueue(tx, "provincial-1", provincialLetter());
                        tx.commit();
                    }
                    String docId = awaitSent(queued);
                    try (LgspAxisClient receiver = LgspAxisClient.builder()
                            .settings(ClientSettings.builder().endpoint(sandbox.lgspUrl()).build())
                            .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD),
                                    LgspSandbox.APPLICATION_CODE)
                            .system(LgspSandbox.SYSTEM_2_ID, Secret.of(LgspSandbox.SYSTEM_2_SECRET_KEY)).build()) {
                        assertTrue(receiver.listReceived(MessageType.EDOC).stream()
                                .anyMatch(i -> i.docId().equals(docId)), "the provincial axis holds it");
                    }
                });
        // only the provincial axis, and the national one asked for: the start stops naming the property
        StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovJdbcAutoConfiguration.class, EgovLgspAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource)
                .withPropertyValues(lgspSender).withPropertyValues("egov.jdbc.relay.axis=national")
                .run(context -> {
                    assertNotNull(context.getStartupFailure());
                    String messages = StarterTestSupport.messages(context.getStartupFailure());
                    assertTrue(messages.contains("egov.jdbc.relay.axis=national needs the national axis client "
                            + "(set egov.axis.url, or define one VdxpAxisClient bean)"), messages);
                });
    }

    private static DocumentPackage provincialLetter() {
        Clock clock = Clock.systemUTC();
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(LgspSandbox.SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)"))
                .addTo(Organization.of(LgspSandbox.SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)"))
                .code("501", "UBND-VP")
                .promulgation("Vinh", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .subject("V/v thử nghiệm hộp thư đi qua trục tỉnh")
                .build();
        return EdXmlPackages.newDocument(header,
                StaffInfo.of("Văn thư", "Nguyễn Thị B", "vanthu@example.gov.vn", "0912000002"), List.of(), clock);
    }

    @Test
    void noRelayWhenDisabledOrWithoutAnAxisClient(NationalSandbox sandbox) {
        sender(sandbox, "egov.jdbc.relay.enabled=false").run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(SendOutboxRelayLifecycle.class).length);
            assertNotNull(context.getBean(JdbcSendOutbox.class), "the outbox still records sends");
        });
        StarterTestSupport.runner().withConfiguration(AutoConfigurations.of(EgovJdbcAutoConfiguration.class))
                .withBean(DataSource.class, db::dataSource)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(SendOutboxRelayLifecycle.class).length);
                });
    }

    private String awaitSent(UUID id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String status = null;
        while (System.nanoTime() < deadline) {
            status = db.text("SELECT status FROM egov_send_outbox WHERE id = '" + id + "'");
            if ("SENT".equals(status)) {
                return db.text("SELECT axis_doc_id FROM egov_send_outbox WHERE id = '" + id + "'");
            }
            Thread.sleep(50);
        }
        assertEquals("SENT", status, "row " + id + " sent within 30 s (last error: "
                + db.text("SELECT last_error FROM egov_send_outbox WHERE id = '" + id + "'") + ")");
        return null;
    }
}
