package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.QuarantineEvent;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SentItem;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.SignatureVerifier;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;

/**
 * The receive loop end to end against the sandbox's national axis: a crash between handing a package over and
 * acknowledging it neither loses nor repeats it; a failing handler sees the package again; a package that breaks
 * the client's reading with an {@link Error} is counted and quarantined with its raw bytes, the others received.
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

    @Test
    void aPackageThatBreaksReadingWithAnErrorIsQuarantinedWithItsRawBytes(@TempDir Path dir) throws IOException {
        NationalSandbox sandbox = SANDBOX.sandbox();
        SignatureVerifier hostile = in -> {
            if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("70707")) {
                throw new StackOverflowError("verifier recursion"); // what a hostile package did to the reader
            }
            return new SignatureCheck(SignatureCheck.Indication.INDETERMINATE, Optional.empty(), "not checked");
        };
        List<String> handled = new ArrayList<>();
        List<QuarantineEvent> quarantined = new ArrayList<>();
        try (VdxpAxisClient sender = VdxpFixtures.system1(sandbox);
             VdxpAxisClient receiver = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)
                     .verifier(hostile).build();
             FileCheckpointStore store = FileCheckpointStore.open(dir.resolve("c.log"));
             ReceiveLoop loop = ReceiveLoop.builder(receiver, store, p -> handled.add(p.docId()))
                     .maxAttempts(2).quarantineListener(quarantined::add).build()) {
            SendResult bad = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "70707"));
            SendResult good = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "503"));

            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 1, 0), loop.pollOnce(), "counted; the other goes on");
            assertEquals(new ReceiveLoop.PollResult(0, 0, 0, 1, 1), loop.pollOnce(), "budget spent: quarantined");
            assertEquals(new ReceiveLoop.PollResult(0, 0, 1, 0, 0), loop.pollOnce(), "listed as fail: left alone");
            assertEquals(List.of(good.docId()), handled);

            QuarantineEvent e = quarantined.get(0);
            assertEquals(1, quarantined.size());
            assertEquals(bad.docId(), e.docId());
            assertEquals(2, e.attempts());
            assertTrue(e.lastFailure().contains("StackOverflowError: verifier recursion"), e.lastFailure());
            assertEquals(dir.resolve("c.log.quarantine"), e.file().orElseThrow().getParent(), "beside the journal");
            ByteArrayOutputStream onTheAxis = new ByteArrayOutputStream();
            receiver.fetchTo(bad.docId(), onTheAxis);
            byte[] kept = Files.readAllBytes(e.file().get());
            assertArrayEquals(onTheAxis.toByteArray(), kept, "the raw bytes as the axis holds them");
            assertEquals("70707", ((DocumentPackage) EdXml.read(new ByteArrayInputStream(kept))).header()
                    .code().codeNumber());
            List<SentItem> sent = sender.listSent(MessageType.EDOC, Optional.of(bad.docId()));
            assertEquals("fail", sent.get(0).receiveStatus(), "the sender sees the ack fail");
        }
    }
}
