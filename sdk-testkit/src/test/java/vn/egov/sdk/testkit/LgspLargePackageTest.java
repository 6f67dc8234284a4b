package vn.egov.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;

/** A package far larger than a JSON library's default string limit travels through the LGSP axis intact. */
class LgspLargePackageTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @Test
    void twelveMegabyteAttachmentRoundTrip() throws Exception {
        byte[] big = new byte[12 * 1024 * 1024];
        new Random(3).nextBytes(big);
        DocumentPackage base = LgspTestData.document(LgspTestData.SYSTEM_1, LgspTestData.SYSTEM_2, "900");
        DocumentPackage doc = new DocumentPackage(base.header(), base.trace(), base.signature(),
                base.manifestAttributes(), List.of(vn.egov.sdk.edxml.Reference.of(attachment(big))),
                List.of(attachment(big)), base.headerExtensions());
        try (LgspAxisClient sender = LgspTestData.system1(SANDBOX.sandbox());
             LgspAxisClient receiver = LgspTestData.system2(SANDBOX.sandbox())) {
            sender.send(doc);
            List<ReceivedItem> items = receiver.listReceived(MessageType.EDOC);
            assertEquals(1, items.size());
            try (ReceivedPackage got = receiver.fetch(items.get(0).docId());
                 InputStream in = ((DocumentPackage) got.pkg()).attachments().get(0).content().openStream()) {
                assertArrayEquals(big, in.readAllBytes());
            }
        }
    }

    private static Attachment attachment(byte[] bytes) {
        return new Attachment("cid:1", "big.bin", "", "application/octet-stream", AttachmentContent.ofBytes(bytes));
    }
}
