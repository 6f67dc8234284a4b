package vn.egov.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare JDK HttpClient caller of the sandbox's {@code /dvcqg/} adapter, for the simulator's own tests. */
final class DvcqgPortalClient {

    private final DvcqgPortalSandbox portal;
    private final HttpClient http = SandboxHttp.newClient();
    private String session;

    DvcqgPortalClient(DvcqgPortalSandbox portal) {
        this.portal = portal;
    }

    HttpResponse<String> post(String endpoint, String json, String dstcode) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.adapterUrl() + endpoint))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Charset", "utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (dstcode != null) {
            request.header("dstcode", dstcode);
        }
        return SandboxHttp.send(http, request.build());
    }

    JsonNode login(String username, String password, String dstcode) {
        ObjectNode body = SandboxHttp.JSON.createObjectNode().put("username", username).put("password", password);
        return parse(post("/auth", body.toString(), dstcode).body());
    }

    String login() {
        session = login(DvcqgPortalSandbox.USERNAME, DvcqgPortalSandbox.PASSWORD, DvcqgPortalSandbox.DSTCODE)
                .get("session").asText();
        return session;
    }

    /** An envelope with the current session, the test madonvi and the service. */
    ObjectNode envelope(String service) {
        if (session == null) {
            login();
        }
        return SandboxHttp.JSON.createObjectNode().put("session", session)
                .put("madonvi", DvcqgPortalSandbox.MADONVI).put("service", service);
    }

    JsonNode integration(ObjectNode envelope) {
        return parse(post("/integration", envelope.toString(), DvcqgPortalSandbox.DSTCODE).body());
    }

    JsonNode share(ObjectNode envelope) {
        return parse(post("/share", envelope.toString(), DvcqgPortalSandbox.DSTCODE).body());
    }

    JsonNode pushDossiers(boolean updating, ObjectNode... records) {
        ObjectNode call = envelope("DongBoHoSoMC").put("isUpdating", updating ? "True" : "False");
        for (ObjectNode r : records) {
            call.withArray("data").add(r);
        }
        return integration(call);
    }

    static ObjectNode dossier(String maHoSo, String chuHoSo, String status) {
        return SandboxHttp.JSON.createObjectNode().put("MaHoSo", maHoSo).put("MaTTHC", "1.000001.000.00.00.H99")
                .put("TenTTHC", "Cấp bản sao trích lục khai sinh (thử nghiệm)").put("ChuHoSo", chuHoSo)
                .put("LoaiDoiTuong", "1").put("NgayTiepNhan", "20261207083000").put("TrangThaiHoSo", status)
                .put("HinhThuc", "0").put("DonViXuLy", "Sở Tư pháp");
    }

    static ObjectNode progressRow(String maHoSo, String content, String status) {
        return SandboxHttp.JSON.createObjectNode().put("MaHoSo", maHoSo).put("NguoiXuLy", "Nguyễn Văn A")
                .put("ThoiDiemXuLy", "20261207090000").put("NoiDungXuLy", content).put("TrangThai", status);
    }

    static JsonNode parse(String json) {
        try {
            return SandboxHttp.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
