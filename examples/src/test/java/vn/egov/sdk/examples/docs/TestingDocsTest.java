package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.DocumentType;
import vn.egov.sdk.edxml.EdXmlPackages;
import vn.egov.sdk.edxml.MessageHeader;
import vn.egov.sdk.edxml.Organization;
import vn.egov.sdk.edxml.SignerInfo;
import vn.egov.sdk.edxml.StaffInfo;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxBuilder;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/** The snippets of docs/TESTING.md: what a vendor's test takes from the sandbox, and the vendor's own axis system. */
class TestingDocsTest {
    @Test
    void theAccessorsAVendorsTestNeeds() {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            // snippet:testing-accessors
            String axisUrl = sandbox.vdxpUrl();                          // national axis (VDXP) endpoint
            String systemId = VdxpSandbox.SYSTEM_1;                      // vxp.sandbox.01, organ 000.00.00.G22
            Secret secret = Secret.of(VdxpSandbox.SECRET_1);
            String receiverOrgan = VdxpSandbox.ORGAN_2;                  // 000.00.00.H41, system vxp.sandbox.02
            SigningKey signer = sandbox.pki().signer(TestPki.Kind.AGENCY); // an agency's key and chain
            X509Certificate root = sandbox.pki().root();                 // trust it in your validator
            String rootPem = sandbox.pki().rootPem();                    // or give it to xmlsec1, openssl
            // end:testing-accessors
            try (VdxpAxisClient client = VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(axisUrl).build()).systemId(systemId)
                    .secret(secret).build()) {
                client.send(letter(VdxpSandbox.ORGAN_1, receiverOrgan));
            }
            assertEquals(1, sandbox.vdxp().storedPackages());
            X509Certificate top = signer.certificateChain().get(signer.certificateChain().size() - 1);
            assertEquals(root.getSubjectX500Principal(), top.getIssuerX500Principal()); // chains to the root
            assertTrue(rootPem.startsWith("-----BEGIN CERTIFICATE-----"), rootPem);
        }
    }

    // snippet:testing-own-system
    @RegisterExtension
    static NationalSandboxExtension sandboxWithMySystem = new NationalSandboxExtension() {
        @Override
        protected void configure(NationalSandboxBuilder builder) {
            builder.vdxpSystem("vxp.myagency.01", "my-test-secret", "000.00.00.H49"); // your system id and organ
        }
    };
    // end:testing-own-system

    @Test
    void theVendorsOwnSystemSendsAndTheSandboxAgencyReceives() {
        NationalSandbox sandbox = sandboxWithMySystem.sandbox();
        try (VdxpAxisClient mine = VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build()).systemId("vxp.myagency.01")
                        .secret(Secret.of("my-test-secret")).build();
             VdxpAxisClient other = VdxpAxisClient.builder().settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                        .systemId(VdxpSandbox.SYSTEM_2).secret(Secret.of(VdxpSandbox.SECRET_2)).build()) {
            mine.send(letter("000.00.00.H49", VdxpSandbox.ORGAN_2));
            assertEquals(1, other.listReceived(MessageType.EDOC).size());
        }
    }

    private static DocumentPackage letter(String from, String to) {
        MessageHeader header = MessageHeader.builder()
                .from(Organization.of(from, "Sender"))
                .addTo(Organization.of(to, "Receiver"))
                .code("1", "TEST")
                .promulgation("Hà Nội", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")))
                .documentType(DocumentType.of(1, 18, "Công văn"))
                .subject("Thử nghiệm")
                .signer(new SignerInfo("", "Chánh Văn phòng", "Nguyễn Văn A"))
                .build();
        return EdXmlPackages.newDocument(header, StaffInfo.of("Văn thư", "B", "", ""), List.of(), Clock.systemUTC());
    }
}
