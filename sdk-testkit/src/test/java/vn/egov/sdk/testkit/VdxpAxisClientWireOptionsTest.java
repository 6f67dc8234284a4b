package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpHashFormat;
import vn.egov.sdk.axis.VdxpUploadForm;
import vn.egov.sdk.edxml.DocumentPackage;

/** The upload options against the sandbox, and the duplicate check with either form of {@code hash-file}. */
class VdxpAxisClientWireOptionsTest {
    private static final String SEND = "/vdxp/sendEdoc";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();

    @Test
    void everyCombinationOfUploadFormAndHashFormatIsDeliveredOnce() {
        int n = 0;
        for (VdxpUploadForm form : VdxpUploadForm.values()) {
            for (VdxpHashFormat hash : VdxpHashFormat.values()) {
                DocumentPackage doc = VdxpFixtures.documentWithAShortHash("50" + n++);
                try (VdxpAxisClient axis = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                        .uploadForm(form).hashFormat(hash).build();
                     VdxpAxisClient receiver = VdxpFixtures.system2(sandbox)) {
                    SendResult sent = axis.send(doc);
                    assertFalse(sent.duplicate());
                    assertTrue(receiver.listReceived(MessageType.EDOC).stream().map(ReceivedItem::docId)
                            .anyMatch(sent.docId()::equals), form + " " + hash);
                }
            }
        }
        assertEquals(4, sandbox.vdxp().storedPackages());
    }

    @Test
    void aSendWhoseOutcomeIsUnknownFindsThePackageListedWithTheOtherHashForm() throws IOException {
        DocumentPackage doc = VdxpFixtures.documentWithAShortHash("510");
        byte[] file = VdxpFixtures.bytes(doc);
        // the official client sent this very file first: the sent list holds its unpadded hash-file
        OfficialClientWire.Exchange official = new OfficialClientWire(sandbox.vdxpUrl(), VdxpSandbox.SYSTEM_1,
                VdxpSandbox.SECRET_1, Instant.now()).sendEdoc(Map.of("from", VdxpSandbox.ORGAN_1, "servicetype",
                "eDoc", "messagetype", "edoc", "hash-file", OfficialClientWire.unpaddedSha256(file)), file, true,
                VdxpSandbox.SECRET_1);
        String first = official.answer().path("DocId").asText();
        sandbox.faults().on("POST", SEND).connectionReset();

        try (VdxpAxisClient padded = VdxpFixtures.client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1)
                .hashFormat(VdxpHashFormat.ZERO_PADDED).build()) {
            SendResult r = padded.send(doc);

            assertTrue(r.duplicate(), "found in the sent list under the unpadded form");
            assertEquals(first, r.docId());
        }
        assertEquals(2, sandbox.requestsTo(SEND), "the official send and the one that was reset, no resend");
        assertEquals(List.of(first), sandbox.vdxp().storedDocIds());
    }
}
