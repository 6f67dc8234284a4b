package vn.egov.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.edxml.EdXml;
import vn.egov.sdk.edxml.EdXmlPackage;
import vn.egov.sdk.edxml.StatusPackage;

class EdxmlWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String DOCUMENT = """
            # a letter from the Government Office to Nghệ An
            from: {id: 000.00.00.G22, name: Văn phòng Chính phủ}
            to:
              - {id: 000.00.00.H41, name: UBND tỉnh Nghệ An}
              - {id: 000.00.00.H29, name: UBND thành phố Hà Nội, email: vanthu@hanoi.gov.vn}
            code: {number: "123", notation: VPCP-TTĐT}
            subject: V/v thử nghiệm dòng lệnh
            content: Nội dung công văn
            promulgation: {place: Hà Nội, date: 2024-05-02}
            documentType: {type: 1, detail: 1, name: Công văn}
            signer: {competence: KT. BỘ TRƯỞNG, position: Thứ trưởng, fullName: Nguyễn Văn B}
            dueDate: 2024-06-01
            steeringType: 1
            otherInfo: {priority: 1, sphereOfPromulgation: Toàn quốc, promulgationAmount: 2, pageAmount: 1}
            toPlaces: [Như trên, Lưu VT]
            staff: {department: Văn thư, name: Nguyễn Văn A, email: vanthu@example.vn}
            attachments:
              - file: cong-van.pdf
                description: Công văn
              - {file: phu-luc.txt, name: Phụ lục.txt}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("cong-van.pdf"), "%PDF-1.4 tiny", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("phu-luc.txt"), "phụ lục", StandardCharsets.UTF_8);
    }

    private Path description(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static EdXmlPackage read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return EdXml.read(in);
        }
    }

    @Test
    void writesADocumentThatValidatesAndReadsBackWithEveryField() throws IOException {
        Path yaml = description("letter.yaml", DOCUMENT);
        Run run = Run.egov("edxml", "write", yaml.toString());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        Path written = dir.resolve("letter.edxml");
        assertTrue(run.out().contains("written: " + written), run::toString);
        assertTrue(run.out().contains("2 attachment(s)"), run::toString);

        Run validate = Run.egov("edxml", "validate", written.toString());
        assertEquals(ExitCodes.OK, validate.status(), validate::toString);
        try (EdXmlPackage pkg = read(written)) {
            DocumentPackage doc = (DocumentPackage) pkg;
            var h = doc.header();
            assertEquals("000.00.00.G22", h.from().organId().value());
            assertEquals(2, h.to().size());
            assertEquals("vanthu@hanoi.gov.vn", h.to().get(1).email());
            assertEquals("123", h.code().codeNumber());
            assertEquals("VPCP-TTĐT", h.code().codeNotation());
            assertEquals("V/v thử nghiệm dòng lệnh", h.subject());
            assertEquals("Hà Nội", h.promulgationInfo().place());
            assertEquals("2024-05-02", h.promulgationInfo().promulgationDate().orElseThrow().toString());
            assertEquals("Công văn", h.documentType().typeName());
            assertEquals("Nguyễn Văn B", h.signerInfo().fullName());
            assertEquals("2024-06-01", h.dueDate().orElseThrow().toString());
            assertEquals(1, h.steeringType().orElseThrow());
            assertEquals(1, h.otherInfo().priority().orElseThrow());
            assertEquals(2, h.toPlaces().size());
            assertEquals("application/pdf", doc.attachments().get(0).contentType());
            assertEquals("Phụ lục.txt", doc.attachments().get(1).name());
            assertEquals("phụ lục", new String(doc.attachments().get(1).content().openStream().readAllBytes(),
                    StandardCharsets.UTF_8));
            assertFalse(h.documentId().value().isBlank());
        }
    }

    @Test
    void jsonDescriptionAndJsonOutputAndOut() throws IOException {
        Path json = description("letter.json", """
                {"from": {"id": "000.00.00.G22", "name": "Văn phòng Chính phủ"},
                 "to": [{"id": "000.00.00.H41", "name": "UBND tỉnh Nghệ An"}],
                 "code": {"number": 7, "notation": "VPCP-KSTT"},
                 "subject": "Trích yếu", "promulgation": {"place": "Hà Nội", "date": "2024-05-03"},
                 "documentType": {"type": 1, "detail": 1, "name": "Công văn"},
                 "staff": {"name": "Nguyễn Văn A"}}
                """);
        Path target = dir.resolve("out/x.edxml");
        Files.createDirectories(target.getParent());
        Run run = Run.egov("edxml", "write", json.toString(), "--out", target.toString(), "--json");
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        JsonNode out = JSON.readTree(run.out());
        assertTrue(out.get("written").asBoolean());
        assertEquals(target.toString(), out.get("file").asText());
        assertEquals("document", out.get("kind").asText());
        assertEquals(0, out.get("attachments").asInt());
        assertEquals(Files.size(target), out.get("bytes").asLong());
        assertEquals(0, out.get("errors").asInt());
        assertEquals(ExitCodes.OK, Run.egov("edxml", "validate", target.toString()).status());
    }

    @Test
    void aYamlFileInFlowStyleIsReadAsYamlAndAnUnnamedOneStartingWithABraceAsJson() throws IOException {
        String flow = "{from: {id: 000.00.00.G22, name: VPCP}, to: [{id: 000.00.00.H41, name: Nghệ An}], "
                + "code: {number: 1, notation: X}, subject: s, promulgation: {place: HN, date: 2024-05-02}, "
                + "staff: {name: A}}\n";
        Run yaml = Run.egov("edxml", "write", description("flow.yaml", flow).toString());
        assertEquals(ExitCodes.OK, yaml.status(), yaml::toString);
        Run json = Run.egov("edxml", "write", description("flow.txt", flow).toString());
        assertEquals(ExitCodes.UNREADABLE, json.status(), json::toString);
        assertTrue(json.err().contains("not well-formed JSON"), json::toString);
    }

    @Test
    void writesAStatusPackage() throws IOException {
        Path yaml = description("status.yml", """
                kind: status
                from: {id: 000.00.00.H41, name: UBND tỉnh Nghệ An}
                responseFor:
                  organId: 000.00.00.G22
                  code: 123/VPCP-TTĐT
                  date: 2024-05-02
                  documentId: 000.00.00.G22,2024/05/02,123/VPCP-TTĐT
                status: "03"
                staff: {department: Văn thư, name: Trần Thị B}
                """);
        Run run = Run.egov("edxml", "write", yaml.toString());
        assertEquals(ExitCodes.OK, run.status(), run::toString);
        Path written = dir.resolve("status.edxml");
        assertEquals(ExitCodes.OK, Run.egov("edxml", "validate", written.toString()).status());
        try (EdXmlPackage pkg = read(written)) {
            StatusPackage status = (StatusPackage) pkg;
            assertEquals("03", status.status().code());
            assertEquals("Tiếp nhận, vào sổ văn bản đến", status.description());
            assertEquals("000.00.00.G22", status.responseFor().organId().value());
            assertEquals("Trần Thị B", status.staff().orElseThrow().staff());
        }
    }

    @Test
    void everyMissingUnknownOrMalformedKeyIsNamedAtOnceWithItsRule() throws IOException {
        Path yaml = description("bad.yaml", """
                from: {id: 000.00.00.G22, nmae: Văn phòng Chính phủ}
                to:
                  - {id: 000.00.00.H41, name: UBND tỉnh Nghệ An}
                  - name: no id
                code: {number: "123"}
                promulgation: {place: Hà Nội, date: 02/05/2024}
                staff: {name: A}
                steeringType: often
                colour: blue
                attachments:
                  - file: missing.pdf
                """);
        Run run = Run.egov("edxml", "write", yaml.toString());
        assertEquals(ExitCodes.UNREADABLE, run.status(), run::toString);
        String err = run.err();
        for (String expected : new String[] {"from.name is required [required]",
            "from.nmae is not a known key here", "[unknown-key]", "to[1].id is required",
            "code.notation is required", "subject is required", "promulgation.date must be a date written YYYY-MM-DD",
            "steeringType must be a whole number", "colour is not a known key",
            "attachments[0].file names no readable"}) {
            assertTrue(err.contains(expected), () -> expected + " in\n" + run);
        }
        assertFalse(Files.exists(dir.resolve("bad.edxml")));
        assertEquals("", run.out());
        String[] lines = err.strip().split("\\R");
        assertEquals(2, lines.length, run::toString);
        assertTrue(lines[0].startsWith("Lỗi: ") && lines[1].startsWith("Error: "), run::toString);

        Run json = Run.egov("edxml", "write", "--json", yaml.toString());
        JsonNode error = JSON.readTree(json.out()).get("error");
        assertEquals(ExitCodes.UNREADABLE, error.get("exitCode").asInt());
        assertTrue(error.get("message").asText().contains("to[1].id is required"), json::toString);
    }

    @Test
    void aStatusCodeOutsideQd28AndAnUnknownKindAreRefused() throws IOException {
        Path status = description("s.yaml", """
                kind: status
                from: {id: 000.00.00.H41, name: UBND tỉnh Nghệ An}
                responseFor: {organId: 000.00.00.G22, code: 1/X, documentId: "000.00.00.G22,2024/05/02,1/X"}
                status: "99"
                staff: {name: B}
                """);
        Run run = Run.egov("edxml", "write", status.toString());
        assertEquals(ExitCodes.UNREADABLE, run.status(), run::toString);
        assertTrue(run.err().contains("status must be one of QĐ 28's status codes"), run::toString);
        Path kind = description("k.yaml", "kind: memo\n");
        Run other = Run.egov("edxml", "write", kind.toString());
        assertEquals(ExitCodes.UNREADABLE, other.status(), other::toString);
        assertTrue(other.err().contains("kind must be 'document' or 'status'"), other::toString);
        assertFalse(other.err().contains("not a known key"), other::toString);
    }

    @Test
    void malformedTruncatedAndHostileDescriptionsAreUnreadable() throws IOException {
        String truncated = DOCUMENT.substring(0, DOCUMENT.indexOf("{id: 000.00.00.H41") + 10);
        String[][] cases = {
            {"truncated.yaml", truncated, "not well-formed YAML"},
            {"tabs.yaml", "from:\n\t- x: [\n", "not well-formed YAML"},
            {"list.yaml", "- a\n- b\n", "must be a mapping"},
            {"dup.yaml", "subject: a\nsubject: b\n", "not well-formed YAML"},
            {"dup.json", "{\"subject\": \"a\", \"subject\": \"b\"}", "not well-formed JSON"},
            {"deep.json", "[".repeat(5000), "not well-formed JSON"},
            {"deep.yaml", "a: ".repeat(3000) + "b\n", "not well-formed YAML"},
            {"laughs.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n", "b[0] is a YAML alias (*a, line 2)"},
            {"alias.yaml", "from: {id: 000.00.00.G22, name: &n Văn phòng}\nto:\n  - {id: 000.00.00.H41, name: *n}\n",
                "to[0].name is a YAML alias (*n, line 3): write the value itself [alias]"},
            {"empty.yaml", "", "is empty"},
            {"big.yaml", "subject: " + "x".repeat(300_000) + "\n", "is over 256 KiB"},
            {"java.yaml", "from: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://127.0.0.1:9/\"]]]]\n", ""},
        };
        for (String[] c : cases) {
            Path file = description(c[0], c[1]);
            Run run = Run.egov("edxml", "write", file.toString());
            assertEquals(ExitCodes.UNREADABLE, run.status(), () -> c[0] + ": " + run);
            assertTrue(run.err().contains(c[2]), () -> c[0] + ": " + run);
            assertFalse(run.err().contains("Exception"), () -> c[0] + ": " + run);
            assertEquals(2, run.err().strip().split("\\R").length, () -> c[0] + ": " + run);
        }
        Run missing = Run.egov("edxml", "write", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.UNREADABLE, missing.status());
        assertTrue(missing.err().contains("no such file"), missing::toString);
        assertEquals(ExitCodes.UNREADABLE, Run.egov("edxml", "write", dir.toString()).status());
    }

    @Test
    void aPackageThatWouldBreakARuleIsNotWritten() throws IOException {
        Path yaml = description("rule.yaml", DOCUMENT.replace("V/v thử nghiệm dòng lệnh", "x".repeat(50_000)));
        Run run = Run.egov("edxml", "write", yaml.toString());
        assertEquals(ExitCodes.INVALID, run.status(), run::toString);
        assertTrue(run.out().contains("Subject"), run::toString);
        assertTrue(run.err().contains("Error: the package would break rules, nothing written"), run::toString);
        assertFalse(Files.exists(dir.resolve("rule.edxml")));
        Run json = Run.egov("edxml", "write", "--json", yaml.toString());
        assertEquals(ExitCodes.INVALID, json.status());
        JsonNode out = JSON.readTree(json.out());
        assertFalse(out.get("written").asBoolean());
        assertTrue(out.get("errors").asInt() >= 1);
    }

    @Test
    void theDescriptionsInDocsCliMdWriteValidPackages() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "CLI.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## Writing a package"), doc.indexOf("## Signing and verifying"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
        int count = 0;
        while (yaml.find()) {
            Path file = description("docs-" + count++ + ".yaml", yaml.group(1));
            Run run = Run.egov("edxml", "write", file.toString());
            assertEquals(ExitCodes.OK, run.status(), () -> file + ": " + run);
            assertEquals(ExitCodes.OK, Run.egov("edxml", "validate", file.toString().replace(".yaml", ".edxml"))
                    .status());
        }
        assertEquals(2, count, "the document and the status example");
    }

    @Test
    void usageAndHelp() {
        assertEquals(ExitCodes.USAGE, Run.egov("edxml", "write").status());
        Run help = Run.egov("edxml", "write", "--help");
        assertEquals(ExitCodes.OK, help.status());
        assertTrue(help.out().startsWith("Usage: egov edxml write"), help::toString);
    }
}
