package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.egov.sdk.testkit.LgspTestData.SYSTEM_1;
import static vn.egov.sdk.testkit.LgspTestData.SYSTEM_2;
import static vn.egov.sdk.testkit.LgspTestData.bytes;
import static vn.egov.sdk.testkit.LgspTestData.document;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.Agency;
import vn.egov.sdk.axis.CodeSystem;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.TransportAck;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.CounterpartyException;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.StatusPackage;

/** The LGSP v1 client end to end against the sandbox's LGSP simulator. */
class LgspAxisClientTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void logsInOnceAndReusesTheToken() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            lgsp.listReceived(MessageType.EDOC);
            lgsp.agencies(CodeSystem.QD_20);
            lgsp.countReceived(MessageType.STATUS);
        }
        assertEquals(1, sandbox.lgsp().logins());
        assertEquals(1, sandbox.requestsTo("/lgsp/v1/auth/login"));
    }

    @Test
    void sendsAsOneSystemAndReceivesListsFetchesAndAcknowledgesAsTheOther() {
        DocumentPackage doc = document(SYSTEM_1, SYSTEM_2, "101");
        try (LgspAxisClient sender = LgspTestData.system1(sandbox);
                LgspAxisClient receiver = LgspTestData.system2(sandbox)) {
            SendResult sent = sender.send(doc);
            assertFalse(sent.duplicate());
            assertEquals(doc.header().documentId().value(), sent.documentId());

            List<ReceivedItem> waiting = receiver.listReceived(MessageType.EDOC);
            assertEquals(1, waiting.size());
            ReceivedItem item = waiting.get(0);
            assertEquals(sent.docId(), item.docId());
            assertEquals(LgspSandbox.SYSTEM_1_ORGAN, item.from());
            assertEquals(LgspSandbox.SYSTEM_2_ORGAN, item.to());
            assertEquals(MessageType.EDOC, item.messageType());
            assertTrue(item.created().isPresent());
            assertEquals(0, sender.countReceived(MessageType.EDOC));
            assertEquals(1, receiver.countReceived(MessageType.EDOC));

            try (ReceivedPackage received = receiver.fetch(sent.docId())) {
                DocumentPackage got = assertInstanceOf(DocumentPackage.class, received.pkg());
                assertEquals(doc.header(), got.header());
                assertArrayEquals(bytes(doc), bytes(got));
                assertEquals(Optional.empty(), received.signature());
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            receiver.fetchTo(sent.docId(), raw);
            assertArrayEquals(bytes(doc), raw.toByteArray());

            receiver.acknowledge(sent.docId(), TransportAck.DONE);
            assertEquals(List.of(), receiver.listReceived(MessageType.EDOC));
        }
    }

    @Test
    void acceptsEdxmlAsTextAsWellAsBase64() {
        sandbox.lgsp().edxmlAsText(true);
        DocumentPackage doc = document(SYSTEM_1, SYSTEM_2, "102");
        try (LgspAxisClient sender = LgspTestData.system1(sandbox);
                LgspAxisClient receiver = LgspTestData.system2(sandbox)) {
            String docId = sender.send(doc).docId();
            try (ReceivedPackage received = receiver.fetch(docId)) {
                assertArrayEquals(bytes(doc), bytes(received.pkg()));
            }
        } finally {
            sandbox.lgsp().edxmlAsText(false);
        }
    }

    @Test
    void routesAStatusPackageBackToTheSender() {
        DocumentPackage doc = document(SYSTEM_1, SYSTEM_2, "103");
        try (LgspAxisClient one = LgspTestData.system1(sandbox);
                LgspAxisClient two = LgspTestData.system2(sandbox)) {
            one.send(doc);
            StatusPackage status = EdXmlPackages.statusReply(doc, SYSTEM_2, EdocStatus.RECEIVED,
                    LgspTestData.clerk(), "Đã nhận", Clock.systemUTC());
            SendResult sent = two.send(status);

            assertEquals(List.of(), two.listReceived(MessageType.STATUS));
            List<ReceivedItem> statuses = one.listReceived(MessageType.STATUS);
            assertEquals(1, statuses.size());
            assertEquals(MessageType.STATUS, statuses.get(0).messageType());
            try (ReceivedPackage received = one.fetch(sent.docId())) {
                StatusPackage got = assertInstanceOf(StatusPackage.class, received.pkg());
                assertEquals(EdocStatus.RECEIVED, got.status());
                assertEquals(doc.header().documentId(), got.responseFor().documentId());
            }
            assertEquals(List.of(), one.listReceived(MessageType.EDOC));
        }
    }

    @Test
    void wrongSecretKeyIsAnAuthenticationError() {
        try (LgspAxisClient lgsp = LgspTestData.client(sandbox, LgspSandbox.SYSTEM_1_ID, "not-the-key").build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> lgsp.listReceived(MessageType.EDOC));
            assertEquals(Optional.of("15"), e.platformErrorCode());
            assertEquals(Fault.CALLER, e.fault());
            assertFalse(e.retryable());
            assertFalse(e.getMessage().contains("not-the-key"));
            assertEquals(1, sandbox.requestsTo("/lgsp/v1/syncReceivedEdocList"));
        }
    }

    @Test
    void wrongPasswordIsAnAuthenticationError() {
        try (LgspAxisClient lgsp = LgspAxisClient.builder().settings(ClientSettings.builder()
                .endpoint(sandbox.lgspUrl()).build())
                .login(LgspSandbox.ADMIN_USERNAME, vn.egov.sdk.core.Secret.of("wrong-password"), "QLVB")
                .system(LgspSandbox.SYSTEM_1_ID, vn.egov.sdk.core.Secret.of(LgspSandbox.SYSTEM_1_SECRET_KEY))
                .build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> lgsp.agencies(CodeSystem.QCVN_102));
            assertFalse(e.getMessage().contains("wrong-password"));
        }
        assertEquals(0, sandbox.lgsp().logins());
    }

    @Test
    void unknownRecipientIsACounterpartyErrorAndNothingIsStored() {
        DocumentPackage doc = document(SYSTEM_1, Organization.of("000.00.00.H99", "Không có"), "104");
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            CounterpartyException e = assertThrows(CounterpartyException.class, () -> lgsp.send(doc));
            assertEquals(Optional.of("18"), e.platformErrorCode());
            assertEquals(1, e.attempts());
        }
        assertEquals(0, sandbox.lgsp().documentsStored());
    }

    @Test
    void sendingAsAnOrganOfAnotherSystemIsRefused() {
        DocumentPackage doc = document(SYSTEM_2, SYSTEM_1, "105");
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> lgsp.send(doc));
            assertEquals(Optional.of("19"), e.platformErrorCode());
        }
    }

    @Test
    void anInvalidPackageIsNotSent() {
        DocumentPackage valid = document(SYSTEM_1, SYSTEM_2, "106");
        // a header without a receiver cannot even be built: the builder names the missing field
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid.header().toBuilder().to(List.of()).build());
        assertFalse(e.errors().isEmpty());
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            assertThrows(ValidationException.class, () -> lgsp.send(null));
            assertThrows(ValidationException.class, () -> lgsp.fetch(" "));
        }
        assertEquals(0, sandbox.requestsTo("/lgsp/v1/sendEdoc"));
        assertEquals(0, sandbox.requestsTo("/lgsp/v1/auth/login"));
    }

    @Test
    void revokedTokenMeansOneReLoginAndTheCallSucceeds() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            lgsp.listReceived(MessageType.EDOC);
            sandbox.lgsp().revokeTokens();
            assertEquals(List.of(), lgsp.listReceived(MessageType.EDOC));
            lgsp.send(document(SYSTEM_1, SYSTEM_2, "107"));
        }
        assertEquals(2, sandbox.lgsp().logins());
        assertEquals(3, sandbox.requestsTo("/lgsp/v1/syncReceivedEdocList"));
        assertEquals(1, sandbox.lgsp().documentsStored());
    }

    @Test
    void revokedTokenDuringASendMeansOneReLoginAndOneStoredPackage() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            lgsp.agencies(CodeSystem.QD_20);
            sandbox.lgsp().revokeTokens();
            assertFalse(lgsp.send(document(SYSTEM_1, SYSTEM_2, "111")).duplicate());
        }
        assertEquals(2, sandbox.lgsp().logins());
        assertEquals(2, sandbox.requestsTo("/lgsp/v1/sendEdoc"));
        assertEquals(1, sandbox.lgsp().documentsStored());
    }

    @Test
    void lgspSystemErrorIsRetriedForReadsButNotForSends() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            sandbox.lgsp().refuseNext("20", 2);
            assertEquals(List.of(), lgsp.listReceived(MessageType.EDOC));
            assertEquals(3, sandbox.requestsTo("/lgsp/v1/syncReceivedEdocList"));

            sandbox.lgsp().refuseNext("20", 1);
            PlatformException e = assertThrows(PlatformException.class,
                    () -> lgsp.send(document(SYSTEM_1, SYSTEM_2, "112")));
            assertEquals(Optional.of("20"), e.platformErrorCode());
            assertTrue(e.retryable());
            assertEquals(1, sandbox.requestsTo("/lgsp/v1/sendEdoc"));
            assertEquals(0, sandbox.lgsp().documentsStored());
        }
    }

    @Test
    void lockedRecipientIsACounterpartyError() {
        sandbox.lgsp().refuseNext("23", 1);
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            CounterpartyException e = assertThrows(CounterpartyException.class,
                    () -> lgsp.send(document(SYSTEM_1, SYSTEM_2, "113")));
            assertEquals(Optional.of("23"), e.platformErrorCode());
            assertEquals(Fault.COUNTERPARTY, e.fault());
        }
    }

    @Test
    void serverErrorsOnTheListAreRetried() {
        sandbox.faults().on("/lgsp/v1/syncReceivedEdocList").times(2).status(503);
        try (LgspAxisClient lgsp = LgspTestData.system2(sandbox)) {
            assertEquals(List.of(), lgsp.listReceived(MessageType.EDOC));
        }
        assertEquals(3, sandbox.requestsTo("/lgsp/v1/syncReceivedEdocList"));
    }

    @Test
    void resetDuringSendIsAnUnknownOutcomeAndIsNotRepeated() {
        sandbox.faults().on("/lgsp/v1/sendEdoc").connectionReset();
        DocumentPackage doc = document(SYSTEM_1, SYSTEM_2, "108");
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            TransportException e = assertThrows(TransportException.class, () -> lgsp.send(doc));
            assertTrue(e.mayHaveReachedServer());
            assertEquals(1, e.attempts());
        }
        assertEquals(1, sandbox.requestsTo("/lgsp/v1/sendEdoc"));
        assertEquals(0, sandbox.lgsp().documentsStored());
    }

    @Test
    void aResendAfterAnUnknownOutcomeIsRecognisedAsADuplicate() {
        sandbox.faults().on("/lgsp/v1/sendEdoc").afterServing().connectionReset();
        DocumentPackage doc = document(SYSTEM_1, SYSTEM_2, "109");
        try (LgspAxisClient sender = LgspTestData.system1(sandbox);
                LgspAxisClient receiver = LgspTestData.system2(sandbox)) {
            TransportException e = assertThrows(TransportException.class, () -> sender.send(doc));
            assertTrue(e.mayHaveReachedServer());
            assertEquals(1, sandbox.lgsp().documentsStored());

            SendResult again = sender.send(doc);
            assertTrue(again.duplicate());
            assertEquals(1, sandbox.lgsp().documentsStored());
            List<ReceivedItem> waiting = receiver.listReceived(MessageType.EDOC);
            assertEquals(1, waiting.size());
            assertEquals(again.docId(), waiting.get(0).docId());
        }
        assertEquals(2, sandbox.requestsTo("/lgsp/v1/sendEdoc"));
    }

    @Test
    void agenciesAreOneListForBothCodeSystems() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            List<Agency> qd20 = lgsp.agencies(CodeSystem.QD_20);
            assertEquals(qd20, lgsp.agencies(CodeSystem.QCVN_102));
            assertTrue(qd20.stream().anyMatch(a -> a.code().equals(LgspSandbox.SYSTEM_1_ORGAN)));
            assertTrue(qd20.stream().anyMatch(a -> a.code().equals(LgspSandbox.SYSTEM_2_ORGAN)));
            assertTrue(qd20.stream().allMatch(a -> a.otherCode().isEmpty() && !a.name().isEmpty()));
        }
    }

    @Test
    void signsBeforeSendingAndVerifiesWhatItFetches() {
        java.util.concurrent.atomic.AtomicInteger signed = new java.util.concurrent.atomic.AtomicInteger();
        vn.egov.sdk.axis.DocumentSigner signer = (in, out) -> {
            signed.incrementAndGet();
            in.transferTo(out);
        };
        vn.egov.sdk.axis.SignatureVerifier verifier = in -> new vn.egov.sdk.axis.SignatureCheck(
                in.readAllBytes().length > 0 ? vn.egov.sdk.axis.SignatureCheck.Indication.VALID
                        : vn.egov.sdk.axis.SignatureCheck.Indication.INVALID, Optional.of("CN=Test"), "test");
        DocumentPackage doc = document(SYSTEM_1, SYSTEM_2, "110");
        try (LgspAxisClient sender = LgspTestData.client(sandbox, LgspSandbox.SYSTEM_1_ID,
                        LgspSandbox.SYSTEM_1_SECRET_KEY).signer(signer).build();
                LgspAxisClient receiver = LgspTestData.client(sandbox, LgspSandbox.SYSTEM_2_ID,
                        LgspSandbox.SYSTEM_2_SECRET_KEY).verifier(verifier).build()) {
            String docId = sender.send(doc).docId();
            assertEquals(1, signed.get());
            try (ReceivedPackage received = receiver.fetch(docId)) {
                assertEquals(vn.egov.sdk.axis.SignatureCheck.Indication.VALID,
                        received.signature().orElseThrow().indication());
            }
        }
    }

    @Test
    void listSentIsNotOfferedByLgspV1() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            PlatformException e = assertThrows(PlatformException.class,
                    () -> lgsp.listSent(MessageType.EDOC, Optional.empty()));
            assertEquals(Optional.of(LgspAxisClient.UNSUPPORTED), e.platformErrorCode());
            assertEquals(0, e.attempts());
        }
        assertEquals(0, sandbox.requestsTo("/lgsp/v1/auth/login"));
    }

    @Test
    void builderNamesEveryMissingSetting() {
        ValidationException e = assertThrows(ValidationException.class, () -> LgspAxisClient.builder().build());
        List<String> paths = e.errors().stream().map(vn.egov.sdk.core.FieldError::path).toList();
        assertTrue(paths.containsAll(List.of("LgspAxisClient.settings.endpoint", "LgspAxisClient.username",
                "LgspAxisClient.password", "LgspAxisClient.applicationCode", "LgspAxisClient.systemId",
                "LgspAxisClient.secretKey")), paths.toString());
    }

    @Test
    void secretsStayOutOfToString() {
        try (LgspAxisClient lgsp = LgspTestData.system1(sandbox)) {
            assertFalse(lgsp.toString().contains(LgspSandbox.SYSTEM_1_SECRET_KEY));
            assertFalse(lgsp.toString().contains(LgspSandbox.ADMIN_PASSWORD));
        }
    }
}
