package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * Progress bars on axis send and fetch of a large package, forced on as on a terminal ({@code --progress=always}),
 * off when piped (the test's writers are not a terminal), with {@code --no-progress} and with {@code --json}; and
 * colour on the bilingual errors and the validate report.
 */
class ProgressAndColorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 3 * 1024 * 1024;
    private static final Pattern PERCENT = Pattern.compile("\\r(sending|fetching) \\S+ +\\[[# ]{30}\\] +(\\d+)%");

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @TempDir
    Path dir;

    private static Run axis(String system, String secret, String... args) {
        List<String> all = new ArrayList<>(List.of("axis"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", SANDBOX.sandbox().baseUrl() + "/vdxp", "--system", system, "--secret", secret));
        return Run.egov(all.toArray(String[]::new));
    }

    @Test
    void sendAndFetchOfALargePackageShowTheBytesMoving() throws IOException {
        Path file = Samples.write(dir, "big.edxml", Samples.large(Samples.header().build(), SIZE));
        long fileSize = Files.size(file);
        Run sent = axis("vxp.sandbox.01", "sandbox-secret", "send", "--progress=always", file.toString());
        assertEquals(ExitCodes.OK, sent.status(), sent::toString);
        List<Integer> up = percents(sent.err(), "sending");
        assertTrue(up.size() >= 2 && up.get(0) < 100 && up.get(up.size() - 1) == 100, "rising to 100%: " + up);
        assertTrue(sent.err().endsWith("\n") && !sent.out().contains("\r"), "the bar only on stderr: " + sent);
        Matcher total = Pattern.compile(" / ([0-9.]+) MiB").matcher(sent.err());
        assertTrue(total.find(), sent::toString);
        double mib = Double.parseDouble(total.group(1));
        assertTrue(Math.abs(mib * 1024 * 1024 - fileSize) < fileSize / 10.0,
                "the body sent is about the package's size (" + fileSize + " bytes): " + sent);

        Run list = axis("vxp.sandbox.02", "sandbox-secret-02", "list", "--json");
        String docId = JSON.readTree(list.out()).get("items").get(0).get("docId").asText();
        Path got = dir.resolve("got.edxml");
        Run fetched = axis("vxp.sandbox.02", "sandbox-secret-02", "fetch", docId, "--out", got.toString(),
                "--progress=always");
        assertEquals(ExitCodes.OK, fetched.status(), fetched::toString);
        // the axis streams its answer without a length: the bar counts the bytes received (base64 in JSON)
        Matcher received = Pattern.compile("\\rfetching " + Pattern.quote(docId) + "  ([0-9.]+) (B|KiB|MiB)")
                .matcher(fetched.err());
        List<String> counts = new ArrayList<>();
        while (received.find()) {
            counts.add(received.group(1) + " " + received.group(2));
        }
        assertTrue(counts.size() >= 2 && counts.get(0).equals("0 B"), "from 0 B: " + counts);
        String last = counts.get(counts.size() - 1);
        assertTrue(last.endsWith(" MiB") && Double.parseDouble(last.split(" ")[0]) * 1024 * 1024 > SIZE * 4 / 3,
                "the base64 of the package, received: " + counts);
        assertTrue(fetched.err().endsWith("\n"), fetched::toString);
        assertTrue(Files.size(got) > SIZE, "the package itself was saved");

        Run piped = axis("vxp.sandbox.02", "sandbox-secret-02", "fetch", docId, "--out", got.toString());
        assertEquals(ExitCodes.OK, piped.status(), piped::toString);
        assertEquals("", piped.err(), "no bar when standard error is not a terminal");
        Run off = axis("vxp.sandbox.02", "sandbox-secret-02", "fetch", docId, "--out", got.toString(),
                "--progress=always", "--no-progress");
        assertEquals("", off.err(), off::toString);
        Run json = axis("vxp.sandbox.02", "sandbox-secret-02", "fetch", docId, "--out", got.toString(),
                "--progress=always", "--json");
        assertEquals("", json.err(), json::toString);
        assertEquals(docId, JSON.readTree(json.out()).get("docId").asText());
    }

    @Test
    void errorsAndTheValidateReportAreColouredOnlyWhenAsked() throws IOException {
        Path missing = dir.resolve("missing.edxml");
        Run plain = Run.egov("edxml", "validate", missing.toString());
        assertTrue(plain.err().startsWith("Lỗi: ") && !plain.err().contains("\u001B["), plain::toString);
        Run coloured = Run.egov("edxml", "validate", "--color=always", missing.toString());
        assertEquals(ExitCodes.UNREADABLE, coloured.status());
        assertTrue(coloured.err().startsWith("\u001B[31mLỗi:\u001B[0m ")
                && coloured.err().contains("\u001B[31mError:\u001B[0m unreadable input"), coloured::toString);
        Run never = Run.egov("edxml", "validate", "--color=never", missing.toString());
        assertFalse(never.err().contains("\u001B["), never::toString);
        Run json = Run.egov("edxml", "validate", "--color=always", "--json", missing.toString());
        assertFalse(json.err().contains("\u001B[") || json.out().contains("\u001B["), "never in JSON: " + json);

        var header = Samples.header().from(vn.egov.sdk.edxml.Organization.of("G22", ""))
                .subject("x".repeat(50_000)).build();
        Path bad = Samples.write(dir, "bad.edxml", Samples.document(header));
        Run report = Run.egov("edxml", "validate", "--color=always", bad.toString());
        assertEquals(ExitCodes.INVALID, report.status(), report::toString);
        assertTrue(report.out().contains("\u001B[31merror\u001B[0m  "), report::toString);
        assertTrue(report.out().contains("\u001B[33mwarning\u001B[0m  "), report::toString);
        assertTrue(report.out().contains("\u001B[31mkhông hợp lệ / invalid\u001B[0m"), report::toString);
        Path good = Samples.write(dir, "good.edxml", Samples.document(Samples.header().build()));
        Run valid = Run.egov("edxml", "validate", "--color=always", good.toString());
        assertEquals(ExitCodes.OK, valid.status(), valid::toString);
        assertTrue(valid.out().contains("\u001B[32mhợp lệ / valid\u001B[0m"), valid::toString);
        Run uncoloured = Run.egov("edxml", "validate", bad.toString());
        assertFalse(uncoloured.out().contains("\u001B["), uncoloured::toString);
        assertEquals(ExitCodes.USAGE, Run.egov("edxml", "validate", "--color=sometimes", bad.toString()).status());
    }

    private static List<Integer> percents(String err, String label) {
        List<Integer> found = new ArrayList<>();
        Matcher m = PERCENT.matcher(err);
        while (m.find()) {
            assertEquals(label, m.group(1));
            found.add(Integer.parseInt(m.group(2)));
        }
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i) >= found.get(i - 1), "never backwards: " + found);
        }
        return found;
    }
}
