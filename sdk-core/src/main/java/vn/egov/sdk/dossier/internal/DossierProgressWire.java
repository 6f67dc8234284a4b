package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.egov.sdk.dossier.DossierProgress;

/** The wire form of a {@link DossierProgress} ({@code CapNhatTienDoHoSoMC}), in the portal's field order. */
public final class DossierProgressWire {
    private DossierProgressWire() {
    }

    /** Writes the value. */
    public static ObjectNode write(DossierProgress v) {
        WireWriter out = new WireWriter();
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

    /** Reads a value from a JSON node. */
    public static DossierProgress read(JsonNode json) {
        WireReader in = WireReader.root(json, "DossierProgress");
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
