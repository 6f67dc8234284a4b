package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdxmlCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path validPackage() throws IOException {
        return Samples.write(dir, "doc.edxml", Samples.document(Samples.header().build()));
    }

    @Test
    void inspectPrintsTheHeaderAsATable() throws IOException {
        Run run = Run.egov("edxml", "inspect", validPackage().toString());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        String out = run.out();
        assertTrue(out.contains("000.00.00.G22  Văn phòng Chính phủ"), out);
        assertTrue(out.contains("000.00.00.H41  UBND tỉnh Nghệ An"), out);
        assertTrue(out.contains("123/VPCP-TTĐT") || out.contains("123") && out.contains("VPCP-TTĐT"), out);
        assertTrue(out.contains("V/v thử nghiệm dòng lệnh"), out);
        assertTrue(out.contains("Hà Nội, 2024-05-02"), out);
        assertTrue(out.contains("Công văn"), out);
        assertTrue(out.contains("cong-van.pdf (application/pdf, 13 bytes)"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("Trace") && l.contains("000.00.00.G22")), out);
        assertEquals("", run.err());
    }

    @Test
    void inspectJsonHasTheSameFields() throws IOException {
        Run run = Run.egov("edxml", "inspect", "--json", validPackage().toString());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        JsonNode json = JSON.readTree(run.out());
        assertEquals("document", json.get("kind").asText());
        assertEquals("000.00.00.G22", json.get("from").get("organId").asText());
        assertEquals("000.00.00.H41", json.get("to").get(0).get("organId").asText());
        assertEquals("123", json.get("codeNumber").asText());
        assertEquals("VPCP-TTĐT", json.get("codeNotation").asText());
        assertEquals("2024-05-02", json.get("promulgationDate").asText());
        assertEquals(13, json.get("attachments").get(0).get("size").asLong());
        assertEquals("000.00.00.G22", json.get("trace").get(0).get("organId").asText());
        assertFalse(json.get("signed").asBoolean());
    }

    @Test
    void inspectShowsAStatusPackage() throws IOException {
        var doc = Samples.document(Samples.header().build());
        var status = vn.egov.sdk.edxml.EdXmlPackages.statusReply(doc,
                vn.egov.sdk.edxml.Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An"),
                vn.egov.sdk.edxml.EdocStatus.ACCEPTED,
                vn.egov.sdk.edxml.StaffInfo.of("Văn thư", "Trần Thị B", "", ""), "", Samples.CLOCK);
        Path file = Samples.write(dir, "status.edxml", status);
        Run run = Run.egov("edxml", "inspect", "--json", file.toString());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        JsonNode json = JSON.readTree(run.out());
        assertEquals("status", json.get("kind").asText());
        assertEquals("03", json.get("statusCode").asText());
    }

    @Test
    void validateAcceptsAValidPackage() throws IOException {
        Run run = Run.egov("edxml", "validate", validPackage().toString());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        assertTrue(run.out().contains("valid"), run::toString);
    }

    @Test
    void validateListsEveryViolationAtOnce() throws IOException {
        var header = Samples.header().from(vn.egov.sdk.edxml.Organization.of("G22", ""))
                .subject("x".repeat(50_000)).build();
        Path file = Samples.write(dir, "bad.edxml", Samples.document(header));
        Run run = Run.egov("edxml", "validate", "--json", file.toString());
        assertEquals(ExitCodes.INVALID, run.status(), run::toString);
        JsonNode json = JSON.readTree(run.out());
        assertFalse(json.get("valid").asBoolean());
        assertTrue(json.get("errors").asInt() >= 1, run::toString);
        assertTrue(json.get("warnings").asInt() >= 1, run::toString);
        String paths = json.get("violations").toString();
        assertTrue(paths.contains("From"), paths);
        assertTrue(paths.contains("Subject"), paths);

        Run text = Run.egov("edxml", "validate", file.toString());
        assertEquals(ExitCodes.INVALID, text.status());
        assertTrue(text.out().contains("không hợp lệ / invalid"), text::toString);
    }

    @Test
    void aMissingFileIsUnreadableInputInBothLanguagesWithoutAStackTrace() {
        Run run = Run.egov("edxml", "inspect", dir.resolve("nope.edxml").toString());
        assertEquals(ExitCodes.UNREADABLE, run.status(), run::toString);
        assertBilingualOneLiners(run);
        assertTrue(run.err().contains("no such file"), run::toString);
    }

    @Test
    void aTruncatedPackageIsUnreadable() throws IOException {
        byte[] whole = Files.readAllBytes(validPackage());
        Path cut = Files.write(dir.resolve("cut.edxml"), Arrays.copyOf(whole, whole.length / 2));
        for (String command : new String[] {"inspect", "validate"}) {
            Run run = Run.egov("edxml", command, cut.toString());
            assertEquals(ExitCodes.UNREADABLE, run.status(), run::toString);
            assertBilingualOneLiners(run);
            assertEquals("", run.out());
        }
    }

    @Test
    void aHostilePackageIsRefused() throws IOException {
        Path xxe = Files.writeString(dir.resolve("xxe.edxml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;"
                + "</edXML:edXMLEnvelope>", StandardCharsets.UTF_8);
        Run run = Run.egov("edxml", "inspect", xxe.toString());
        assertEquals(ExitCodes.UNREADABLE, run.status(), run::toString);
        assertFalse(run.out().contains("root:"), run::toString);
        assertBilingualOneLiners(run);
    }

    @Test
    void anOversizedHeaderIsRefused() throws IOException {
        var header = Samples.header().subject("x".repeat(3_000_000)).build();
        Path big = Samples.write(dir, "big.edxml", Samples.document(header));
        Run run = Run.egov("edxml", "inspect", big.toString());
        assertEquals(ExitCodes.UNREADABLE, run.status(), run::toString);
        assertBilingualOneLiners(run);
    }

    @Test
    void notAPackageAtAllIsUnreadable() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertEquals(ExitCodes.UNREADABLE, Run.egov("edxml", "inspect", text.toString()).status());
        assertEquals(ExitCodes.UNREADABLE, Run.egov("edxml", "inspect", dir.toString()).status());
    }

    @Test
    void verboseAddsTheStackTraceAndJsonAddsAnErrorObject() throws IOException {
        Path missing = dir.resolve("nope.edxml");
        Run verbose = Run.egov("edxml", "inspect", "--verbose", missing.toString());
        assertEquals(ExitCodes.UNREADABLE, verbose.status());
        assertTrue(verbose.err().contains("\tat "), verbose::toString);
        Run json = Run.egov("edxml", "validate", "--json", missing.toString());
        assertEquals(ExitCodes.UNREADABLE, json.status());
        JsonNode error = JSON.readTree(json.out()).get("error");
        assertEquals(ExitCodes.UNREADABLE, error.get("exitCode").asInt());
        assertEquals("unreadable", error.get("kind").asText());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(ExitCodes.USAGE, Run.egov("edxml", "inspect").status());
        assertEquals(ExitCodes.USAGE, Run.egov("edxml", "inspect", "--nope", "x").status());
        assertEquals(ExitCodes.USAGE, Run.egov("edxml").status());
        assertEquals(ExitCodes.USAGE, Run.egov().status());
        assertEquals(ExitCodes.USAGE, Run.egov("frobnicate").status());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"edxml", "--help"}, {"edxml", "inspect", "--help"},
            {"edxml", "validate", "--help"}}) {
            Run run = Run.egov(args);
            assertEquals(ExitCodes.OK, run.status(), run::toString);
            assertTrue(run.out().startsWith("Usage: egov"), run::toString);
        }
    }

    @Test
    void completionScriptIsGenerated() {
        Run run = Run.egov("generate-completion");
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        assertTrue(run.out().contains("complete -F"), run::toString);
        assertTrue(run.out().contains("edxml"), run::toString);
    }

    private static void assertBilingualOneLiners(Run run) {
        String[] lines = run.err().strip().split("\\R");
        assertEquals(2, lines.length, run::toString);
        assertTrue(lines[0].startsWith("Lỗi: "), run::toString);
        assertTrue(lines[1].startsWith("Error: "), run::toString);
        assertFalse(run.err().contains(": null"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }
}
