package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.dossier.DossierFormatException;
import vn.egov.sdk.dossier.Dossier;

/** The wire form of a {@link Dossier} ({@code DongBoHoSoMC}), in the portal's field order. */
public final class DossierWire {
    /** How many fields the wire form has. */
    private static final int FIELDS = 38;

    private DossierWire() {
    }

    /** Writes the value. */
    public static ObjectNode write(Dossier v) {
        WireWriter out = new WireWriter(FIELDS);
        out.text("MaHoSo", v.dossierCode());
        out.text("MaTTHC", v.procedureCode());
        out.text("TenTTHC", v.procedureName());
        out.text("MaLinhVuc", v.fieldCode());
        out.text("TenLinhVuc", v.fieldName());
        out.channel("KenhThucHien", v.channel());
        out.text("SoBienNhan", v.receiptNumber());
        out.text("SoGiayToChuHoSo", v.holderDocumentNumber());
        out.text("ChuHoSo", v.holderName());
        out.subjectType("LoaiDoiTuong", v.subjectType());
        out.text("MaDoiTuong", v.subjectId());
        out.text("ThongTinKhac", v.otherInfo());
        out.text("Email", v.email());
        out.text("Fax", v.fax());
        out.text("SoDienThoai", v.phone());
        out.text("TrichYeuHoSo", v.summary());
        out.date("NgayTiepNhan", v.receivedAt());
        out.date("NgayHenTra", v.dueAt());
        out.status("TrangThaiHoSo", v.status());
        out.date("NgayTra", v.returnedAt());
        out.text("ThongTinTra", v.returnInfo());
        out.delivery("HinhThuc", v.delivery());
        out.date("NgayKetThucXuLy", v.processingEndedAt());
        out.text("DonViXuLy", v.handlingUnit());
        out.text("GhiChu", v.note());
        out.list("DanhSachLePhi", v.fees(), NestedWire::writeFee);
        out.list("DanhSachTepDinhKemKhac", v.otherAttachments(), NestedWire::writeOtherAttachment);
        out.list("DanhSachHoSoBoSung", v.supplements(), NestedWire::writeSupplement);
        out.list("TaiLieuNop", v.submittedFiles(), NestedWire::writeSubmittedFile);
        out.list("DanhSachGiayToKetQua", v.resultDocuments(), NestedWire::writeResultDocument);
        out.text("NoiNopHoSo", v.submissionPlace());
        out.flag("HoSoCoThanhPhanSoHoa", v.hasDigitisedComponents());
        out.flag("TaiKhoanDuocXacThucVoiVNeID", v.accountVerifiedWithVneid());
        out.text("DuocThanhToanTrucTuyen", v.onlinePayment());
        out.date("NgayTuChoi", v.refusedAt());
        out.date("NgayNopHoSo", v.submittedAt());
        out.list("DinhDanhCHS", v.holderIdentifiers(), NestedWire::writeHolderIdentifier);
        out.list("DSKetNoiCSDL", v.connectedDatabases(), NestedWire::writeConnectedDatabase);
        return out.node();
    }

    /** Reads a value from JSON bytes. */
    public static Dossier read(byte[] json) {
        return read(BoundedJson.readObject(json, "Dossier"));
    }

    /** Reads values from a JSON array. */
    public static List<Dossier> readAll(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new DossierFormatException("Dossier", "json.notArray", "a JSON array is required", null);
        }
        List<Dossier> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(read(json.get(i), "Dossier[" + i + "]"));
        }
        return out;
    }

    /** Reads a value from a JSON node. */
    public static Dossier read(JsonNode json) {
        return read(json, "Dossier");
    }

    private static Dossier read(JsonNode json, String name) {
        WireReader in = WireReader.root(json, name);
        return new Dossier(
                in.text("MaHoSo"),
                in.text("MaTTHC"),
                in.text("TenTTHC"),
                in.text("MaLinhVuc"),
                in.text("TenLinhVuc"),
                in.channel("KenhThucHien"),
                in.text("SoBienNhan"),
                in.text("SoGiayToChuHoSo"),
                in.text("ChuHoSo"),
                in.subjectType("LoaiDoiTuong"),
                in.text("MaDoiTuong"),
                in.text("ThongTinKhac"),
                in.text("Email"),
                in.text("Fax"),
                in.text("SoDienThoai"),
                in.text("TrichYeuHoSo"),
                in.date("NgayTiepNhan"),
                in.date("NgayHenTra"),
                in.status("TrangThaiHoSo"),
                in.date("NgayTra"),
                in.text("ThongTinTra"),
                in.delivery("HinhThuc"),
                in.date("NgayKetThucXuLy"),
                in.text("DonViXuLy"),
                in.text("GhiChu"),
                in.list("DanhSachLePhi", NestedWire::readFee),
                in.list("DanhSachTepDinhKemKhac", NestedWire::readOtherAttachment),
                in.list("DanhSachHoSoBoSung", NestedWire::readSupplement),
                in.list("TaiLieuNop", NestedWire::readSubmittedFile),
                in.list("DanhSachGiayToKetQua", NestedWire::readResultDocument),
                in.text("NoiNopHoSo"),
                in.flag("HoSoCoThanhPhanSoHoa"),
                in.flag("TaiKhoanDuocXacThucVoiVNeID"),
                in.text("DuocThanhToanTrucTuyen"),
                in.date("NgayTuChoi"),
                in.date("NgayNopHoSo"),
                in.list("DinhDanhCHS", NestedWire::readHolderIdentifier),
                in.list("DSKetNoiCSDL", NestedWire::readConnectedDatabase));
    }
}
