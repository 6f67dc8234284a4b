package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.dossier.DossierFormatException;
import vn.egov.sdk.dossier.DossierProgress;

/** The wire form of a {@link DossierProgress} ({@code CapNhatTienDoHoSoMC}), in the portal's field order. */
public final class DossierProgressWire {
    private DossierProgressWire() {
    }

    /** Writes the value. */
    public static ObjectNode write(DossierProgress v) {
        WireWriter out = new WireWriter(9);
        out.text("MaHoSo", v.dossierCode());
        out.text("NguoiXuLy", v.handler());
        out.text("ChucDanh", v.handlerTitle());
        out.date("ThoiDiemXuLy", v.handledAt());
        out.text("PhongBanXuLy", v.department());
        out.text("NoiDungXuLy", v.content());
        out.status("TrangThai", v.status());
        out.date("NgayBatDau", v.startedAt());
        out.date("NgayKetThucTheoQuyDinh", v.dueAt());
        return out.node();
    }

    /** Reads a value from JSON bytes. */
    public static DossierProgress read(byte[] json) {
        return read(BoundedJson.readObject(json, "DossierProgress"));
    }

    /** Reads values from a JSON array. */
    public static List<DossierProgress> readAll(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new DossierFormatException("DossierProgress", "json.notArray", "a JSON array is required", null);
        }
        List<DossierProgress> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(read(json.get(i), "DossierProgress[" + i + "]"));
        }
        return out;
    }

    /** Reads a value from a JSON node. */
    public static DossierProgress read(JsonNode json) {
        return read(json, "DossierProgress");
    }

    private static DossierProgress read(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new DossierProgress(
                in.text("MaHoSo"),
                in.text("NguoiXuLy"),
                in.text("ChucDanh"),
                in.date("ThoiDiemXuLy"),
                in.text("PhongBanXuLy"),
                in.text("NoiDungXuLy"),
                in.status("TrangThai"),
                in.date("NgayBatDau"),
                in.date("NgayKetThucTheoQuyDinh"));
    }
}
