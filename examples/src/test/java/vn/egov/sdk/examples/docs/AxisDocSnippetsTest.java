package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.edxml.Attachment;
import vn.egov.sdk.edxml.AttachmentContent;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.testkit.LgspSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.VdxpSandbox;

/** The code blocks of docs/AXIS.md, run against the sandbox; the page must show them as they are here. */
class AxisDocSnippetsTest {
    private static NationalSandbox sandbox;

    @TempDir
    Path archiveDir;

    @BeforeAll
    static void start() {
        sandbox = NationalSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theNationalAxisClientWithEveryRequiredSetting() throws IOException {
        DocumentPackage letter = letter(Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ"),
                Organization.of(VdxpSandbox.ORGAN_2, "UBND tỉnh Nghệ An"), "801");
        // snippet:axis-vdxp
        ClientSettings settings = ClientSettings.builder()
                .endpoint(sandbox.vdxpUrl())              // the axis' service.endpoint: required
                .build();                                 // everything else: the client's defaults
        try (VdxpAxisClient axis = VdxpAxisClient.builder()
                .settings(settings)
                .systemId(VdxpSandbox.SYSTEM_1)           // systemid issued by the operator: required
                .secret(Secret.of(VdxpSandbox.SECRET_1))  // the system's secret: required
                .build()) {
            SendResult sent = axis.send(letter, RequestOptions.DEFAULT, archiveDir.resolve("sent.edxml"));
            System.out.println("docId " + sent.docId() + ", archived " + sent.size() + " bytes, SHA-256 "
                    + sent.sha256());
        }
        // end:axis-vdxp
        byte[] archived = Files.readAllBytes(archiveDir.resolve("sent.edxml"));
        assertTrue(new String(archived, StandardCharsets.UTF_8).contains("801"));
    }

    @Test
    void theProvincialAxisClientWithEveryRequiredSetting() {
        DocumentPackage letter = letter(Organization.of(LgspSandbox.SYSTEM_1_ORGAN, "UBND tỉnh (hộp cát 01)"),
                Organization.of(LgspSandbox.SYSTEM_2_ORGAN, "UBND tỉnh (hộp cát 02)"), "802");
        // snippet:axis-lgsp
        ClientSettings settings = ClientSettings.builder()
                .endpoint(sandbox.lgspUrl())              // the LGSP base URL, without /v1: required
                .build();
        try (LgspAxisClient lgsp = LgspAxisClient.builder()
                .settings(settings)
                .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD),
                        LgspSandbox.APPLICATION_CODE)     // account login: required
                .system(LgspSandbox.SYSTEM_1_ID, Secret.of(LgspSandbox.SYSTEM_1_SECRET_KEY)) // required
                .build()) {
            SendResult sent = lgsp.send(letter);
            System.out.println("docId " + sent.docId() + ", " + sent.size() + " bytes sent");
        }
        // end:axis-lgsp
    }

    @Test
    void oneSettingsValueSharedByBothClients() {
        // snippet:axis-shared-settings
        ClientSettings shared = ClientSettings.builder()
                .deadline(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
                .clock(Clock.systemUTC())
                .build();
        try (VdxpAxisClient national = VdxpAxisClient.builder()
                .settings(shared.toBuilder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_2)
                .secret(Secret.of(VdxpSandbox.SECRET_2))
                .build();
             LgspAxisClient provincial = LgspAxisClient.builder()
                .settings(shared.toBuilder().endpoint(sandbox.lgspUrl()).build())
                .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD),
                        LgspSandbox.APPLICATION_CODE)
                .system(LgspSandbox.SYSTEM_2_ID, Secret.of(LgspSandbox.SYSTEM_2_SECRET_KEY))
                .build()) {
            System.out.println(national.countReceived(MessageType.EDOC) + " waiting on the national axis, "
                    + provincial.countReceived(MessageType.EDOC) + " on the provincial one");
        }
        // end:axis-shared-settings
    }

    @Test
    void thePageShowsTheseSnippets() throws IOException {
        checkPage("docs/AXIS.md", "examples/src/test/java/vn/egov/sdk/examples/docs/AxisDocSnippetsTest.java");
    }

    /** Every ```java block of the page is a snippet of the test, equal to it ignoring indentation. */
    static void checkPage(String page, String test) throws IOException {
        Path root = Paths.get(System.getProperty("egov.repo.root", ".."));
        String doc = Files.readString(root.resolve(page));
        String source = Files.readString(root.resolve(test));
        Matcher block = Pattern.compile("(?:<!-- snippet:([\\w-]+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(doc);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            assertTrue(block.group(1) != null, page + ": a java block without a snippet marker: " + block.group(2));
            Matcher code = Pattern.compile("// snippet:" + Pattern.quote(block.group(1)) + "\\n(.*?)// end:"
                    + Pattern.quote(block.group(1)), Pattern.DOTALL).matcher(source);
            assertTrue(code.find(), test + " has no snippet " + block.group(1));
            assertEquals(normalise(code.group(1)), normalise(block.group(2)), page + " snippet " + block.group(1));
        }
        assertFalse(blocks == 0, page + " shows no code");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    private static DocumentPackage letter(Organization from, Organization to, String number) {
        MessageHeader header = MessageHeader.builder()
                .from(from)
                .addTo(to)
                .code(number, "VPCP-KSTT")
                .promulgation("Hà Nội", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("V/v thử nghiệm liên thông văn bản số " + number)
                .signer(new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"))
                .build();
        Attachment pdf = new Attachment("cid:1", "cv" + number + ".pdf", "Công văn " + number, "application/pdf",
                AttachmentContent.ofBytes(("%PDF-1.7\n% " + number + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII)));
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "Trần Thị B", "vanthu@chinhphu.vn", ""),
                List.of(pdf), Clock.systemUTC());
    }
}
