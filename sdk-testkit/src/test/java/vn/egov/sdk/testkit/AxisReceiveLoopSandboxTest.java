package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.TransportException;

/**
 * The receive loop end to end against the sandbox's national axis: a crash between handing a package over and
 * acknowledging it neither loses nor repeats it; a failing handler sees the package again.
 */
class AxisReceiveLoopSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @Test
    void aKillBetweenHandlingAndAcknowledgingNeitherLosesNorRepeatsThePackage(@TempDir Path dir) {
        NationalSandbox sandbox = SANDBOX.sandbox();
        Path checkpoints = dir.resolve("checkpoints.log");
        List<String> handled = new ArrayList<>();
        try (VdxpAxisClient sender = VdxpFixtures.system1(sandbox);
             VdxpAxisClient receiver = VdxpFixtures.system2(sandbox)) {
            SendResult sent = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "501"));

            // first run: the acknowledgement never arrives (the process "dies" with the connection)
            sandbox.faults().on("POST", "/vdxp/updateStatus").always().connectionReset();
            try (FileCheckpointStore store = FileCheckpointStore.open(checkpoints);
                 ReceiveLoop loop = ReceiveLoop.builder(receiver, store, p -> handled.add(p.docId())).build()) {
                assertThrows(TransportException.class, loop::pollOnce);
            }
            assertEquals(List.of(sent.docId()), handled);
            assertEquals(1, receiver.countReceived(MessageType.EDOC), "not acknowledged: still offered");

            // restart with the same checkpoint file: the ack is completed, the handler is not called again
            sandbox.faults().clear();
            try (FileCheckpointStore store = FileCheckpointStore.open(checkpoints);
                 ReceiveLoop loop = ReceiveLoop.builder(receiver, store, p -> handled.add(p.docId())).build()) {
                ReceiveLoop.PollResult result = loop.pollOnce();
                assertEquals(0, result.handedOver());
                assertEquals(1, result.acknowledged());
            }
            assertEquals(List.of(sent.docId()), handled, "handed over exactly once");
            assertEquals(0, receiver.countReceived(MessageType.EDOC), "acknowledged: no longer offered");
        }
    }

    @Test
    void aHandlerThatThrowsSeesThePackageAgainUntilItSucceeds(@TempDir Path dir) {
        NationalSandbox sandbox = SANDBOX.sandbox();
        AtomicInteger calls = new AtomicInteger();
        try (VdxpAxisClient sender = VdxpFixtures.system1(sandbox);
             VdxpAxisClient receiver = VdxpFixtures.system2(sandbox);
             FileCheckpointStore store = FileCheckpointStore.open(dir.resolve("c.log"));
             ReceiveLoop loop = ReceiveLoop.builder(receiver, store, p -> {
                 if (calls.incrementAndGet() == 1) {
                     throw new IllegalStateException("database down");
                 }
             }).build()) {
            sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "502"));
            ReceiveLoop.PollResult first = loop.pollOnce();
            assertEquals(1, first.failed());
            assertEquals(1, receiver.countReceived(MessageType.EDOC));
            ReceiveLoop.PollResult second = loop.pollOnce();
            assertEquals(1, second.handedOver());
            assertEquals(2, calls.get());
            assertEquals(0, receiver.countReceived(MessageType.EDOC));
            assertTrue(loop.pollOnce().handedOver() == 0, "nothing handed over twice");
        }
    }
}
