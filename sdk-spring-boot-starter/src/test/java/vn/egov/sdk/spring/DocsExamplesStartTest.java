package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.identity.DvcqgOidcClient;

import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.PayGovSandbox;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * Each {@code properties} example of {@code docs/SPRING.md} starts an application context with every
 * auto-configuration of the starter, its addresses and credentials replaced by the sandbox's and its files by
 * temporary ones, and gives the client beans it promises. Left out: the examples that need a database
 * ({@code spring.datasource.*}), key and certificate files ({@code egov.signing.*}) or placeholders ({@code ${...}}).
 */
@ExtendWith(NationalSandboxExtension.class)
class DocsExamplesStartTest {
    private static final Pattern BLOCK = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleStartsAndGivesItsClients(NationalSandbox sandbox, @TempDir Path dir) throws Exception {
        Map<String, String[]> credentials = credentials(sandbox);
        Map<String, Class<?>> clients = Map.of("egov.axis", VdxpAxisClient.class, "egov.lgsp", LgspAxisClient.class,
                "egov.dossier", DvcqgAdapterClient.class, "egov.payment.dvcqg", DvcqgPaymentPlatformClient.class,
                "egov.payment.keypay", KeypayDvcqgClient.class, "egov.payment.paygov", PayGovClient.class,
                "egov.sso", DvcqgOidcClient.class);
        Matcher block = BLOCK.matcher(Files.readString(Path.of("..", "docs", "SPRING.md"), StandardCharsets.UTF_8));
        int started = 0;
        while (block.find()) {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String line : block.group(1).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    String[] pair = s.split("=", 2);
                    properties.put(pair[0].strip(), pair[1].strip());
                }
            }
            if (properties.values().stream().anyMatch(v -> v.contains("${"))
                    || properties.keySet().stream().anyMatch(k -> k.startsWith("spring.datasource.")
                    || k.startsWith("egov.signing."))) {
                continue;
            }
            List<String> values = new ArrayList<>();
            properties.forEach((key, value) -> values.add(key + "=" + (value.startsWith("/")
                    ? dir.resolve(Path.of(value).getFileName()).toString() : value)));
            List<Class<?>> expected = new ArrayList<>();
            credentials.forEach((prefix, sandboxValues) -> {
                if (properties.containsKey(prefix + ".url") || properties.containsKey(prefix + ".client-id")
                        && prefix.equals("egov.sso")) {
                    values.addAll(List.of(sandboxValues));
                    expected.add(clients.get(prefix));
                }
            });
            String example = String.join("\n", properties.keySet());
            runner().withPropertyValues(values.toArray(String[]::new))
                    .withBean(EgovPaymentAutoConfiguration.PAYGOV_AUTH_BEAN, AuthStrategy.class,
                            () -> sandbox.payGov().lgspAuth())
                    .run(context -> {
                        assertNull(context.getStartupFailure(), () -> "the example starts:\n" + example + "\n"
                                + StarterTestSupport.messages(context.getStartupFailure()));
                        for (Class<?> client : expected) {
                            assertEquals(1, context.getBeanNamesForType(client).length, client + " for\n" + example);
                        }
                    });
            started++;
        }
        assertFalse(started < 5, "the guide's examples were started: " + started);
    }

    /** Per client prefix, the sandbox's address and credentials, which replace the example's. */
    private static Map<String, String[]> credentials(NationalSandbox sandbox) {
        Map<String, String[]> out = new LinkedHashMap<>();
        out.put("egov.axis", new String[] {"egov.axis.url=" + sandbox.vdxpUrl(),
            "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2, "egov.axis.secret=" + VdxpSandbox.SECRET_2});
        out.put("egov.lgsp", LgspTestSupport.receiver(sandbox));
        out.put("egov.dossier", new String[] {"egov.dossier.url=" + sandbox.dvcqg().adapterUrl(),
            "egov.dossier.username=" + DvcqgPortalSandbox.USERNAME,
            "egov.dossier.password=" + DvcqgPortalSandbox.PASSWORD,
            "egov.dossier.madonvi=" + DvcqgPortalSandbox.MADONVI,
            "egov.dossier.dstcode=" + DvcqgPortalSandbox.DSTCODE});
        out.put("egov.payment.dvcqg", new String[] {"egov.payment.dvcqg.url=" + sandbox.dvcqgPayUrl(),
            "egov.payment.dvcqg.merchant-code=" + DvcqgPaySandbox.MERCHANT_CODE,
            "egov.payment.dvcqg.hash-key=" + DvcqgPaySandbox.SECRET});
        out.put("egov.payment.keypay", new String[] {"egov.payment.keypay.url=" + sandbox.keypay().url(),
            "egov.payment.keypay.client-id=" + KeypaySandbox.CLIENT_ID,
            "egov.payment.keypay.hash-key1=" + KeypaySandbox.HASH_KEY_1,
            "egov.payment.keypay.hash-key2=" + KeypaySandbox.HASH_KEY_2});
        out.put("egov.payment.paygov", new String[] {"egov.payment.paygov.url=" + sandbox.payGov().baseUrl(),
            "egov.payment.paygov.partner-code=" + PayGovSandbox.PARTNER_CODE,
            "egov.payment.paygov.access-key=" + PayGovSandbox.ACCESS_KEY,
            "egov.payment.paygov.secret-key=" + PayGovSandbox.SECRET_KEY,
            "egov.payment.paygov.service-code=" + PayGovSandbox.SERVICE_CODE});
        out.put("egov.sso", new String[] {"egov.sso.client-secret=doc-example-secret"});
        return out;
    }

    /** Every auto-configuration the starter lists for Boot. */
    private static ApplicationContextRunner runner() throws IOException, ClassNotFoundException {
        List<Class<?>> all = new ArrayList<>();
        try (InputStream in = DocsExamplesStartTest.class.getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
                if (!name.isBlank() && !name.startsWith("#")) {
                    all.add(Class.forName(name));
                }
            }
        }
        assertTrue(all.size() > 10, "the starter's auto-configurations: " + all);
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(all.toArray(Class[]::new)));
    }
}
