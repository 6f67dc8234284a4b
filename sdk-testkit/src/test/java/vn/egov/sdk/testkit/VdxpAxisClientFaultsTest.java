package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.TransportException;

/** Sends lose nothing and send nothing twice when the network or the axis fails mid-send. */
class VdxpAxisClientFaultsTest {

    private static final String SEND = "/vdxp/sendEdoc";
    private static final String SENT_LIST = "/vdxp/getSentEdocList";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void resetBeforeTheAxisStoredItIsSentAgainOnce() {
        sandbox.faults().on("POST", SEND).connectionReset();

        SendResult r = send();

        assertFalse(r.duplicate());
        assertExactlyOneStored(r);
        assertEquals(2, sandbox.requestsTo(SEND));
        assertEquals(1, sandbox.requestsTo(SENT_LIST));
    }

    @Test
    void resetAfterTheAxisStoredItReturnsTheStoredIdWithoutSendingAgain() {
        sandbox.faults().on("POST", SEND).afterServing().connectionReset();

        SendResult r = send();

        assertTrue(r.duplicate());
        assertExactlyOneStored(r);
        assertEquals(1, sandbox.requestsTo(SEND));
    }

    @Test
    void serverErrorBeforeStoringIsSentAgainOnce() {
        sandbox.faults().on("POST", SEND).status(503);

        SendResult r = send();

        assertFalse(r.duplicate());
        assertExactlyOneStored(r);
        assertEquals(2, sandbox.requestsTo(SEND));
    }

    @Test
    void serverErrorAfterStoringReturnsTheStoredId() {
        sandbox.faults().on("POST", SEND).afterServing().status(500);

        SendResult r = send();

        assertTrue(r.duplicate());
        assertExactlyOneStored(r);
        assertEquals(1, sandbox.requestsTo(SEND));
    }

    @Test
    void timeoutAfterStoringReturnsTheStoredId() {
        sandbox.faults().on("POST", SEND).delay(Duration.ofMillis(1500));
        try (VdxpAxisClient axis = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                .settings(VdxpFixtures.settings(sandbox).readTimeout(Duration.ofMillis(300)).build()).build()) {
            SendResult r = axis.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "303"));

            assertTrue(r.duplicate());
            assertExactlyOneStored(r);
            assertEquals(1, sandbox.requestsTo(SEND));
        }
    }

    @Test
    void axisThatKeepsFailingEndsTheSendAfterTheAttemptCapWithNothingStored() {
        sandbox.faults().on("POST", SEND).always().status(503);

        PlatformException e = assertThrows(PlatformException.class, this::send);

        assertTrue(e.retryable());
        assertEquals(0, sandbox.vdxp().storedPackages());
        assertEquals(3, sandbox.requestsTo(SEND));
        assertEquals(2, e.getSuppressed().length);
    }

    @Test
    void whenTheSentListCannotBeAskedTheOutcomeStaysUnknownAndNothingIsResent() {
        sandbox.faults().on("POST", SEND).afterServing().connectionReset();
        sandbox.faults().on("POST", SENT_LIST).always().status(503);

        TransportException e = assertThrows(TransportException.class, this::send);

        assertTrue(e.mayHaveReachedServer());
        assertEquals(1, sandbox.requestsTo(SEND));
        assertEquals(1, sandbox.vdxp().storedPackages());
    }

    @Test
    void theReceiverGetsTheDocumentOnceWhateverHappenedToTheSend() {
        sandbox.faults().on("POST", SEND).afterServing().connectionReset();
        SendResult r = send();

        try (VdxpAxisClient receiver = VdxpFixtures.system2(sandbox)) {
            assertEquals(List.of(r.docId()),
                    receiver.listReceived(MessageType.EDOC).stream().map(i -> i.docId()).toList());
        }
    }

    private SendResult send() {
        try (VdxpAxisClient axis = VdxpFixtures.system1(sandbox)) {
            return axis.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "301"));
        }
    }

    private void assertExactlyOneStored(SendResult r) {
        assertEquals(List.of(r.docId()), sandbox.vdxp().storedDocIds());
    }
}
