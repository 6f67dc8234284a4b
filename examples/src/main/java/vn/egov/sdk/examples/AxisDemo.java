package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.StatusEvent;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.axis.VdxpAxisClientBuilder;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.EdocStatus;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.OtherInfo;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.signing.xml.EdXmlAxisSignatures;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * The national-axis walk-through shared by {@link SendDocument}, {@link ReceiveDocuments} and the {@link Tour}: two
 * agencies on the sandbox's axis, Văn phòng Chính phủ (system {@code vxp.sandbox.01}) and UBND tỉnh Nghệ An
 * (system {@code vxp.sandbox.02}).
 */
final class AxisDemo {
    static final Clock CLOCK = Clock.systemUTC();
    static final Organization SENDER = Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ");
    static final Organization RECEIVER = Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An");

    private AxisDemo() {
    }

    /** A client for the sender's system. */
    static VdxpAxisClient sender(NationalSandbox sandbox) {
        return client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, null);
    }

    /** A client for the receiver's system. */
    static VdxpAxisClient receiver(NationalSandbox sandbox) {
        return client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2, null);
    }

    /** A client for the sender's system that signs what it sends and verifies what it receives. */
    static VdxpAxisClient sender(NationalSandbox sandbox, EdXmlAxisSignatures signatures) {
        return client(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1, signatures);
    }

    /** A client for the receiver's system that signs what it sends and verifies what it receives. */
    static VdxpAxisClient receiver(NationalSandbox sandbox, EdXmlAxisSignatures signatures) {
        return client(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2, signatures);
    }

    private static VdxpAxisClient client(NationalSandbox sandbox, String systemId, String secret,
            EdXmlAxisSignatures signatures) {
        VdxpAxisClientBuilder b = VdxpAxisClient.builder().settings(ClientSettings.builder()
                .endpoint(sandbox.vdxpUrl()).build())
                .systemId(systemId)
                .secret(Secret.of(secret));
        if (signatures != null) {
            b.signer(signatures).verifier(signatures);
        }
        return b.build();
    }

    /** A new official letter (công văn) from the sender to the receiver, with one PDF. */
    static DocumentPackage letter(String number) {
        MessageHeader header = MessageHeader.builder()
                .from(SENDER)
                .addTo(RECEIVER)
                .code(number, "VPCP-KSTT")
                .promulgation("Hà Nội", LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v triển khai liên thông văn bản điện tử")
                .content("Đề nghị các cơ quan hoàn thành kết nối trục liên thông")
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .addToPlace("Như trên")
                .otherInfo(OtherInfo.of(0, "Liên thông văn bản quốc gia", "NVA", 1, 2))
                .build();
        Attachment pdf = new Attachment("cid:1", "cv" + number + ".pdf", "Công văn " + number, "application/pdf",
                AttachmentContent.ofBytes("%PDF-1.7\n% công văn mẫu\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Trần Thị B", "vanthu@chinhphu.vn", ""),
                List.of(pdf), CLOCK);
    }

    /** Sends the letter and archives the exact bytes the client sent (signed, when it signs) to {@code sentFile}. */
    static SendResult send(VdxpAxisClient client, DocumentPackage letter, Path sentFile) {
        return client.send(letter, RequestOptions.DEFAULT, sentFile);
    }

    /** What one receive pass saw: documents, their signature checks (when verifying), status events. */
    record Received(int documents, List<String> docIds, List<SignatureCheck> signatures, List<StatusEvent> statuses) {
    }

    /**
     * One pass of a receive loop (checkpoints in {@code checkpointFile}): each document is written to
     * {@code receivedDir} and answered with status 03 (accepted); status packages are collected.
     */
    static Received receiveOnce(VdxpAxisClient client, Path checkpointFile, Path receivedDir, Organization me) {
        List<String> docIds = new ArrayList<>();
        List<SignatureCheck> signatures = new ArrayList<>();
        List<StatusEvent> statuses = new ArrayList<>();
        try (FileCheckpointStore store = FileCheckpointStore.open(checkpointFile);
             ReceiveLoop loop = ReceiveLoop.builder(client, store, received -> {
                 write(received.pkg(), receivedDir.resolve("received.edxml"));
                 docIds.add(received.docId());
                 received.signature().ifPresent(signatures::add);
                 DocumentPackage doc = (DocumentPackage) received.pkg();
                 StatusPackage reply = EdXmlPackages.statusReply(doc, me, EdocStatus.ACCEPTED,
                         StaffInfo.of("Văn thư", "Lê Văn C", "", ""), "", CLOCK);
                 write(reply, receivedDir.resolve("status.edxml"));
                 client.send(reply);
             }).statusListener(statuses::add).build()) {
            loop.pollOnce();
        }
        return new Received(docIds.size(), docIds, signatures, statuses);
    }

    static void write(EdXmlPackage pkg, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            EdXml.write(pkg, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
