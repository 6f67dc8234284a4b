package vn.egov.sdk.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.util.TestSocketUtils;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.SignatureCheck;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.StatusPackage;
import vn.egov.sdk.signing.validation.PkixCertificateValidator;
import vn.egov.sdk.signing.validation.RevocationPolicy;
import vn.egov.sdk.signing.validation.TrustStore;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.SsoTestUser;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * The sample portal, started whole on a real port in the {@code sandbox} profile (the same
 * {@code application-sandbox.properties} a learner runs), against the sandbox of {@link NationalSandboxExtension}:
 * the sandbox's URLs and files reach Spring through {@link DynamicPropertySource}. The port is chosen before the
 * start ({@code DEFINED_PORT} on a free port rather than {@code RANDOM_PORT}) because the SSO's redirect URI, which
 * names it, is registered with the provider and bound at start-up, as in production.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
@DirtiesContext
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class SampleApplicationTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    private static final int PORT = TestSocketUtils.findAvailableTcpPort();

    @TempDir
    static Path files;
    private static Map<String, Object> settings;
    private static PkixCertificateValidator validator;

    private final ReceivedDocuments documents;

    SampleApplicationTest(ReceivedDocuments documents) {
        this.documents = documents;
    }

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        for (String key : List.of("sandbox.base-url", "sandbox.files", "sandbox.pkcs12-password", "server.port")) {
            registry.add(key, () -> settings().get(key));
        }
        registry.add("egov.axis.receive.interval", () -> "200ms");
    }

    private static synchronized Map<String, Object> settings() {
        if (settings == null) {
            settings = SandboxSetup.prepare(SANDBOX.sandbox(), PORT, files);
        }
        return settings;
    }

    @BeforeAll
    static void trustTheTestPki() {
        validator = PkixCertificateValidator.builder()
                .trustStore(TrustStore.builder().trust(SANDBOX.sandbox().pki().root()).build())
                .revocationPolicy(RevocationPolicy.HARD_FAIL).build();
    }

    @AfterAll
    static void closeValidator() {
        validator.close();
    }

    private static URI portal(String path) {
        return URI.create("http://localhost:" + PORT + path);
    }

    @Test
    void aSignedDocumentIsKeptAndAnsweredWithAStatusSignedByThePortalsKeyThatVerifies() {
        NationalSandbox sandbox = SANDBOX.sandbox();
        try (VdxpAxisClient sender = SandboxSetup.sender(sandbox, validator)) {
            SendResult sent = sender.send(SandboxSetup.letter("201"));

            ReceivedDocuments.Document kept = await(() -> documents.find(sent.docId()), "the portal's hand-over");
            assertEquals("VALID", kept.signature());
            assertEquals("03", kept.status(), "accepted");
            assertEquals(VdxpSandbox.ORGAN_1, kept.from());
            assertEquals("201/VPCP-KSTT", kept.code());

            ReceivedItem item = await(() -> sender.listReceived(MessageType.STATUS).stream().findFirst(),
                    "the status reply at the sender");
            assertEquals(kept.replyDocId(), item.docId());
            try (ReceivedPackage reply = sender.fetch(item.docId())) {
                StatusPackage status = assertInstanceOf(StatusPackage.class, reply.pkg());
                assertEquals("03", status.status().code());
                assertEquals(sent.documentId(), status.responseFor().documentId().value());
                assertEquals(VdxpSandbox.ORGAN_2, status.from().organId().value());
                assertTrue(status.signature().isPresent(), "the starter's axis client signed it");
                SignatureCheck check = reply.signature().orElseThrow();
                assertEquals(SignatureCheck.Indication.VALID, check.indication(), check.reason());
                assertTrue(check.signer().orElseThrow().contains(TestPki.Kind.AGENCY.commonName()),
                        check.signer().toString());
            }
        }
    }

    @Test
    void anUnsignedDocumentIsAnsweredWithRefusal() {
        NationalSandbox sandbox = SANDBOX.sandbox();
        try (VdxpAxisClient unsigned = VdxpAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1)).build()) {
            SendResult sent = unsigned.send(SandboxSetup.letter("202"));
            ReceivedDocuments.Document kept = await(() -> documents.find(sent.docId()), "the portal's hand-over");
            assertFalse(kept.signature().equals("VALID"), kept.signature());
            assertEquals("02", kept.status(), "refused");
        }
    }

    @Test
    void aCitizenLogsInThroughTheSsoPageSeesTheirTypedIdentityAndLogsOut() {
        Browser browser = new Browser();
        HttpResponse<String> me = logIn(browser, "/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(portal("/me"), me.uri(), "back where the login started");
        SsoTestUser user = SsoTestUser.CITIZEN_VNEID_IAL2;
        assertEquals(user.fullName(), Browser.byId(me, "full-name"));
        assertTrue(me.body().contains("Xin chào / Hello, " + user.fullName()), me.body());
        assertEquals("CITIZEN(1)", Browser.byId(me, "account-type"));
        assertEquals("IAL2", Browser.byId(me, "ial"));
        String id = user.claims().get("SoDinhDanh").toString();
        assertFalse(me.body().contains(id), "the ID number is masked");
        assertTrue(Browser.byId(me, "id-number").endsWith(id.substring(id.length() - 3)), me.body());

        HttpResponse<String> documentsPage = browser.get(portal("/documents"));
        assertEquals(200, documentsPage.statusCode(), "the session holds the login");
        assertEquals(portal("/documents"), documentsPage.uri());

        assertEquals(1, SANDBOX.sandbox().sso().activeSessions());
        HttpResponse<String> loggedOut = browser.submit(me, "logout", Map.of());
        assertEquals(portal("/"), loggedOut.uri(), "through the SSO's end-session endpoint back to the home page");
        assertEquals(0, SANDBOX.sandbox().sso().activeSessions(), "the SSO's session ended too");
        URI again = browser.get(portal("/me")).uri();
        assertTrue(again.toString().startsWith(SANDBOX.sandbox().sso().issuer() + "/"), "logged out: " + again);
    }

    @Test
    void aFeePaidOnThePlatformsPageIsMarkedPaidByTheVerifiedCallback() {
        NationalSandbox sandbox = SANDBOX.sandbox();
        Browser browser = new Browser();
        HttpResponse<String> fees = logIn(browser, "/fees");
        assertEquals(portal("/fees"), fees.uri(), fees.body());

        HttpResponse<String> paymentPage = browser.submit(fees, "pay", Map.of());
        assertEquals(200, paymentPage.statusCode(), paymentPage.body());
        assertTrue(paymentPage.uri().toString().startsWith(sandbox.dvcqgPayUrl() + "/page/"), paymentPage.uri()
                .toString());
        Matcher bank = Pattern.compile("<option value=\"([^\"]+)\"").matcher(paymentPage.body());
        assertTrue(bank.find(), paymentPage.body());
        browser.submit(paymentPage, "pay-form", Map.of("bank", bank.group(1), "action", "pay"));

        DvcqgPaySandbox.Transaction tx = sandbox.dvcqgPay().transactions().get(0);
        assertEquals("PAID", tx.state());
        assertEquals(150_000, tx.amount());
        String dossier = dossierPaidBy(browser, tx.reference());
        HttpResponse<String> state = await(() -> Optional.of(browser.get(portal("/fees/" + dossier)))
                .filter(p -> Browser.byId(p, "state").equals("PAID")), "the fee paid");
        assertEquals(tx.reference(), Browser.byId(state, "reference"));
        assertEquals("150000", Browser.byId(state, "amount"));

        DvcqgPaySandbox.Delivery delivery = sandbox.dvcqgPay().deliveries().get(0);
        assertEquals(portal("/egov/payment/dvcqg/callback"), delivery.url());
        assertEquals(200, delivery.status(), delivery.reply());
        assertTrue(Pattern.compile("\"MaLoi\"\\s*:\\s*\"00\"").matcher(delivery.reply()).find(),
                "the platform was told: received: " + delivery.reply());

        URI stranger = new Browser().get(portal("/fees/" + dossier)).uri();
        assertTrue(stranger.toString().startsWith(sandbox.sso().issuer() + "/"), "another browser must log in: "
                + stranger);
    }

    @Test
    void aForgedCallbackIsRefusedAndTheFeeStaysPending() {
        NationalSandbox sandbox = SANDBOX.sandbox();
        Browser browser = new Browser();
        HttpResponse<String> paymentPage = browser.submit(logIn(browser, "/fees"), "pay", Map.of());
        assertTrue(paymentPage.uri().toString().startsWith(sandbox.dvcqgPayUrl() + "/page/"), paymentPage.uri()
                .toString());
        DvcqgPaySandbox.Transaction tx = sandbox.dvcqgPay().transactions().get(0);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("LoaiBanTin", "CONFIRM");
        fields.put("MaLoi", "00");
        fields.put("MaDoiTac", DvcqgPaySandbox.MERCHANT_CODE);
        fields.put("MaThamChieu", tx.reference());
        fields.put("SoTien", Long.toString(tx.amount()));
        fields.put("MaTienTe", "VND");
        fields.put("MaGiaoDich", "FORGED-1");
        fields.put("MaNganHang", "BIDV");
        fields.put("ThoiGianGD", DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(Instant.now()));
        fields.put("ThongTinGiaoDich", "Lệ phí cấp giấy phép xây dựng");
        String forged = DvcqgPaySandbox.signCallback(fields, "a-guessed-key").entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        HttpResponse<String> refused = new Browser().postJson(portal("/egov/payment/dvcqg/callback"), forged);
        assertTrue(Pattern.compile("\"MaLoi\"\\s*:\\s*\"99\"").matcher(refused.body()).find(),
                "refused in the platform's format, without a login or a CSRF token: " + refused.body());

        assertEquals("PENDING", Browser.byId(browser.get(portal("/fees/" + dossierPaidBy(browser, tx.reference()))),
                "state"));
    }

    /** The dossier of the citizen's list of fees whose page names the payment's {@code reference}. */
    private static String dossierPaidBy(Browser browser, String reference) {
        Matcher link = Pattern.compile("href=\"/fees/([^\"]+)\"").matcher(browser.get(portal("/fees")).body());
        while (link.find()) {
            if (Browser.byId(browser.get(portal("/fees/" + link.group(1))), "reference").equals(reference)) {
                return link.group(1);
            }
        }
        throw new AssertionError("no fee of the citizen's is paid by " + reference);
    }

    /** Opens {@code path}, is sent to the SSO's login page, logs in as a VNeID level-2 citizen, comes back. */
    private static HttpResponse<String> logIn(Browser browser, String path) {
        HttpResponse<String> loginPage = browser.get(portal(path));
        assertTrue(loginPage.uri().toString().startsWith(SANDBOX.sandbox().sso().issuer() + "/"),
                "sent to the SSO: " + loginPage.uri());
        return browser.submit(loginPage, "login-form",
                Map.of("consent", "yes", "user", SsoTestUser.CITIZEN_VNEID_IAL2.key()));
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
