package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;

/** The SyncDossier example runs against the sandbox and writes the requests it sent. */
class SyncDossierTest {
    @Test
    void syncsTheDossierAndWritesTheRequests(@TempDir Path out) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        boolean ok = SyncDossier.run(out, new PrintStream(console, true, StandardCharsets.UTF_8));
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(ok, text);
        assertTrue(text.contains("Dossier.MaTTHC: ") && text.contains("Dossier.NgayHenTra: "), text);
        assertTrue(text.contains("đã tồn tại"), text);
        assertTrue(text.contains("Thẩm định hồ sơ (TrangThai 4)"), text);

        String written = Files.readString(out.resolve(SyncDossier.SYNC_FILE));
        JsonNode requests = new ObjectMapper().readTree(written);
        assertEquals(4, requests.size(), written);
        assertEquals("DongBoHoSoMC", requests.get(0).get("service").asText());
        assertEquals("False", requests.get(0).get("isUpdating").asText());
        assertEquals("0", requests.get(0).get("reply").get("error_code").asText());
        JsonNode record = requests.get(0).get("data").get(0);
        assertEquals(SyncDossier.DOSSIER_CODE, record.get("MaHoSo").asText());
        assertEquals("2", record.get("TrangThaiHoSo").asText());
        assertTrue(record.get("NgayTiepNhan").asText().matches("\\d{14}"), record.toString());
        assertEquals("CapNhatTienDoHoSoMC", requests.get(1).get("service").asText());
        assertEquals(2, requests.get(1).get("data").size());
        assertEquals("-3", requests.get(2).get("reply").get("error_code").asText().replace("\"", ""));
        assertEquals("True", requests.get(3).get("isUpdating").asText());
        assertFalse(written.contains(DvcqgPortalSandbox.PASSWORD), "no account secret in the file");
        assertFalse(written.contains("session"), "no adapter session in the file");
    }
}
