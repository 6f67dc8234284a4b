package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.core.ManualClock;

/** The LGSP login token's life: expiry by the server's clock, early refresh by the client's, one login in flight. */
class LgspTokenTest {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2025-03-03T02:00:00Z"));

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension() {
        @Override
        protected void configure(NationalSandboxBuilder builder) {
            builder.clock(CLOCK);
        }
    };

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void tokenExpiredOnTheServerMeansOneReLoginAndTheCallSucceeds() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) { // client on the real clock
            lgsp.listReceived(MessageType.EDOC);
            CLOCK.advance(LgspSandbox.TOKEN_LIFETIME.plusMinutes(1));
            lgsp.listReceived(MessageType.EDOC);
        }
        assertEquals(2, sandbox.lgsp().logins());
        assertEquals(3, sandbox.requestsTo("/lgsp/v1/syncReceivedEdocList"));
    }

    @Test
    void tokenIsRefreshedBeforeItExpires() {
        try (LgspAxisClient lgsp = onSandboxClock()) {
            lgsp.listReceived(MessageType.EDOC);
            CLOCK.advance(Duration.ofMinutes(20));
            lgsp.listReceived(MessageType.EDOC);
            assertEquals(1, sandbox.lgsp().logins());
            CLOCK.advance(Duration.ofMinutes(6)); // 26 of 30 minutes: inside the 5-minute refresh window
            lgsp.listReceived(MessageType.EDOC);
        }
        assertEquals(2, sandbox.lgsp().logins());
        assertEquals(3, sandbox.requestsTo("/lgsp/v1/syncReceivedEdocList")); // no 401, no repeat
    }

    @Test
    void manyThreadsWithAnExpiredTokenShareOneLogin() throws Exception {
        try (LgspAxisClient lgsp = onSandboxClock()) {
            lgsp.listReceived(MessageType.EDOC);
            CLOCK.advance(LgspSandbox.TOKEN_LIFETIME.plusMinutes(1));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(() -> lgsp.listReceived(MessageType.EDOC)));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        assertEquals(2, sandbox.lgsp().logins());
    }

    private LgspAxisClient onSandboxClock() {
        return LgspTestData.client(sandbox, LgspSandbox.SYSTEM_1_ID, LgspSandbox.SYSTEM_1_SECRET_KEY)
                .settings(LgspTestData.settings(sandbox).clock(CLOCK).build()).build();
    }
}
