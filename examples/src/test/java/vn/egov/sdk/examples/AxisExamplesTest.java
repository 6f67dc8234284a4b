package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.StatusPackage;

/** The SendDocument and ReceiveDocuments examples run and leave what they say they leave. */
class AxisExamplesTest {
    @Test
    void sendDocumentWritesTheSentPackage(@TempDir Path out) throws Exception {
        SendDocument.main(new String[] {"--out", out.toString()});
        try (InputStream in = Files.newInputStream(out.resolve("sent.edxml"))) {
            DocumentPackage doc = assertInstanceOf(DocumentPackage.class, EdXml.read(in));
            assertEquals(AxisDemo.RECEIVER.organId(), doc.header().to().get(0).organId());
        }
    }

    @Test
    void receiveDocumentsReceivesAcknowledgesAndReplies(@TempDir Path out) throws Exception {
        ReceiveDocuments.main(new String[] {"--out", out.toString()});
        try (InputStream in = Files.newInputStream(out.resolve("received.edxml"))) {
            DocumentPackage doc = assertInstanceOf(DocumentPackage.class, EdXml.read(in));
            assertTrue(doc.trace().traceHeaders().size() >= 2, "the axis added its hop");
        }
        try (InputStream in = Files.newInputStream(out.resolve("status.edxml"))) {
            StatusPackage status = assertInstanceOf(StatusPackage.class, EdXml.read(in));
            assertEquals(EdocStatus.ACCEPTED, status.status());
        }
        assertTrue(Files.size(out.resolve("checkpoints.log")) > 0);
    }
}
