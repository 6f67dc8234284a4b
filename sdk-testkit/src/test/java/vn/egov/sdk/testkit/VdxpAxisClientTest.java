package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SentItem;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.edxml.TraceHeader;

/** Send, list, fetch, acknowledge and the directory, end to end against the sandbox axis. */
class VdxpAxisClientTest {

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final VdxpAxisClient sender = VdxpFixtures.system1(sandbox);
    private final VdxpAxisClient receiver = VdxpFixtures.system2(sandbox);

    @AfterEach
    void close() {
        sender.close();
        receiver.close();
    }

    @Test
    void documentTravelsFromOneSystemToTheOtherWithTheAxisTraceHop() throws Exception {
        DocumentPackage doc = VdxpFixtures.document(VdxpFixtures.ngheAn(), "101");

        SendResult sent = sender.send(doc);

        assertFalse(sent.duplicate());
        assertEquals(doc.header().documentId().value(), sent.documentId());
        assertEquals(List.of(sent.docId()), sandbox.vdxp().storedDocIds());
        List<ReceivedItem> waiting = receiver.listReceived(MessageType.EDOC);
        assertEquals(1, waiting.size());
        assertEquals(sent.docId(), waiting.get(0).docId());
        assertEquals(VdxpSandbox.ORGAN_1, waiting.get(0).from());
        assertTrue(waiting.get(0).created().isPresent());
        assertEquals(1, receiver.countReceived(MessageType.EDOC));
        assertEquals(0, receiver.countReceived(MessageType.STATUS));
        assertEquals(0, sender.countReceived(MessageType.EDOC));

        try (ReceivedPackage received = receiver.fetch(sent.docId())) {
            DocumentPackage got = assertInstanceOf(DocumentPackage.class, received.pkg());
            List<TraceHeader> hops = got.trace().traceHeaders();
            assertEquals(doc.trace().traceHeaders().size() + 1, hops.size());
            TraceHeader axisHop = hops.get(hops.size() - 1);
            assertEquals(VdxpSandbox.AXIS_ORGAN_ID, axisHop.organId().value());
            DocumentPackage expected = doc.withHop(axisHop.organId(), axisHop.timestamp().orElseThrow());
            assertArrayEquals(VdxpFixtures.bytes(expected), VdxpFixtures.bytes(got));
            assertTrue(received.signature().isEmpty());
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        receiver.fetchTo(sent.docId(), raw);
        try (var again = EdXml.read(new ByteArrayInputStream(raw.toByteArray()))) {
            assertInstanceOf(DocumentPackage.class, again);
        }

        receiver.acknowledge(sent.docId(), TransportAck.DONE);

        assertTrue(receiver.listReceived(MessageType.EDOC).isEmpty());
        assertEquals(0, receiver.countReceived(MessageType.EDOC));
        List<SentItem> sentList = sender.listSent(MessageType.EDOC, Optional.of(sent.docId()));
        assertEquals(1, sentList.size());
        assertEquals(VdxpSandbox.ORGAN_2, sentList.get(0).to());
        assertEquals("done", sentList.get(0).receiveStatus());
        assertTrue(sentList.get(0).receivedTime().isPresent());
    }

    @Test
    void statusReplyIsRoutedBackToTheOriginalSender() {
        SendResult sent = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "102"));
        try (ReceivedPackage received = receiver.fetch(sent.docId())) {
            StatusPackage reply = EdXmlPackages.statusReply((DocumentPackage) received.pkg(),
                    VdxpFixtures.ngheAn(), EdocStatus.ACCEPTED, VdxpFixtures.staff(), "", VdxpFixtures.CLOCK);
            receiver.acknowledge(sent.docId(), TransportAck.DONE);
            SendResult replied = receiver.send(reply);
            assertEquals("", replied.documentId());
        }

        List<ReceivedItem> statuses = sender.listReceived(MessageType.STATUS);
        assertEquals(1, statuses.size());
        assertEquals(MessageType.STATUS, statuses.get(0).messageType());
        assertEquals(1, sender.countReceived(MessageType.STATUS));
        assertTrue(receiver.listReceived(MessageType.STATUS).isEmpty());
        try (ReceivedPackage status = sender.fetch(statuses.get(0).docId())) {
            StatusPackage got = assertInstanceOf(StatusPackage.class, status.pkg());
            assertEquals("03", got.status().code());
            assertEquals(VdxpSandbox.ORGAN_1, got.responseFor().organId().value());
            assertEquals(VdxpSandbox.AXIS_ORGAN_ID,
                    got.trace().orElseThrow().traceHeaders().get(0).organId().value());
        }
    }

    @Test
    void failedAcknowledgementListsThePackageAgainAndProcessingKeepsIt() {
        SendResult sent = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "103"));

        receiver.acknowledge(sent.docId(), TransportAck.PROCESSING);
        assertEquals("processing", receiver.listReceived(MessageType.EDOC).get(0).status());
        receiver.acknowledge(sent.docId(), TransportAck.FAIL);
        assertEquals("fail", receiver.listReceived(MessageType.EDOC).get(0).status());
        receiver.acknowledge(sent.docId(), TransportAck.DONE);
        assertTrue(receiver.listReceived(MessageType.EDOC).isEmpty());
    }

    @Test
    void fetchingAPackageOfAnotherSystemIsRefused() {
        SendResult sent = sender.send(VdxpFixtures.document(VdxpFixtures.ngheAn(), "104"));

        PlatformException e = assertThrows(PlatformException.class, () -> sender.fetch(sent.docId()));

        assertEquals(Optional.of(VdxpAxisClient.ErrorCodes.DOC_NOT_FOUND), e.platformErrorCode());
        assertFalse(e.retryable());
    }

    @Test
    void agenciesComeInBothCodeSystemsWithTheMappingBetweenThem() {
        List<Agency> qcvn = sender.agencies(CodeSystem.QCVN_102);
        List<Agency> qd20 = sender.agencies(CodeSystem.QD_20);

        assertEquals(qcvn.size(), qd20.size());
        assertTrue(qcvn.size() >= 3);
        Agency dept102 = qcvn.stream().filter(a -> a.code().equals("000.01.31.H41")).findFirst().orElseThrow();
        Agency deptQd20 = qd20.stream().filter(a -> a.code().equals(dept102.otherCode().orElseThrow()))
                .findFirst().orElseThrow();
        assertEquals(Optional.of("000.01.31.H41"), deptQd20.otherCode());
        assertEquals(dept102.name(), deptQd20.name());
        assertEquals(Optional.of("000.00.00.H41"), dept102.parentCode());
    }
}
