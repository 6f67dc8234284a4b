package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.egov.sdk.dossier.ConnectedDatabase;
import vn.egov.sdk.dossier.Fee;
import vn.egov.sdk.dossier.HolderIdentifier;
import vn.egov.sdk.dossier.OtherAttachment;
import vn.egov.sdk.dossier.ResultDocument;
import vn.egov.sdk.dossier.SubmittedFile;
import vn.egov.sdk.dossier.Supplement;

/** The wire forms of the small values nested in a dossier, in the portal's field order. */
public final class NestedWire {
    private NestedWire() {
    }

    /** Writes a {@link Fee}. */
    public static ObjectNode writeFee(Fee v) {
        WireWriter out = new WireWriter(5);
        out.text("TenPhiLePhi", v.name());
        out.text("MaPhiLePhi", v.code());
        out.text("HinhThucThu", v.collectionMethod());
        out.text("Gia", v.amount());
        out.text("LoaiPhiLePhi", v.kind());
        return out.node();
    }

    /** Reads a {@link Fee}. */
    public static Fee readFee(WireReader in) {
        return new Fee(
                in.text("TenPhiLePhi"),
                in.text("MaPhiLePhi"),
                in.text("HinhThucThu"),
                in.text("Gia"),
                in.text("LoaiPhiLePhi"));
    }

    /** Writes a {@link OtherAttachment}. */
    public static ObjectNode writeOtherAttachment(OtherAttachment v) {
        WireWriter out = new WireWriter(3);
        out.text("TenGiayTo", v.name());
        out.text("SoLuong", v.quantity());
        out.text("LoaiGiayTo", v.kind());
        return out.node();
    }

    /** Reads a {@link OtherAttachment}. */
    public static OtherAttachment readOtherAttachment(WireReader in) {
        return new OtherAttachment(
                in.text("TenGiayTo"),
                in.text("SoLuong"),
                in.text("LoaiGiayTo"));
    }

    /** Writes a {@link Supplement}. */
    public static ObjectNode writeSupplement(Supplement v) {
        WireWriter out = new WireWriter(12);
        out.text("HoSoBoSungId", v.id());
        out.text("NguoiYeuCauBoSung", v.requestedBy());
        out.text("NoiDungBoSung", v.content());
        out.date("NgayBoSung", v.requestedAt());
        out.text("NguoiTiepNhanBoSung", v.receivedBy());
        out.text("ThongTinTiepNhan", v.receiptInfo());
        out.date("NgayTiepNhanBoSung", v.receivedAt());
        out.text("TrangThaiBoSung", v.state());
        out.text("DanhSachGiayToBoSung", v.papers());
        out.text("DanhSachLePhiBoSung", v.fees());
        out.date("NgayHenTraTruoc", v.previousDueAt());
        out.date("NgayHenTraMoi", v.newDueAt());
        return out.node();
    }

    /** Reads a {@link Supplement}. */
    public static Supplement readSupplement(WireReader in) {
        return new Supplement(
                in.text("HoSoBoSungId"),
                in.text("NguoiYeuCauBoSung"),
                in.text("NoiDungBoSung"),
                in.date("NgayBoSung"),
                in.text("NguoiTiepNhanBoSung"),
                in.text("ThongTinTiepNhan"),
                in.date("NgayTiepNhanBoSung"),
                in.text("TrangThaiBoSung"),
                in.text("DanhSachGiayToBoSung"),
                in.text("DanhSachLePhiBoSung"),
                in.date("NgayHenTraTruoc"),
                in.date("NgayHenTraMoi"));
    }

    /** Writes a {@link SubmittedFile}. */
    public static ObjectNode writeSubmittedFile(SubmittedFile v) {
        WireWriter out = new WireWriter(9);
        out.text("TepDinhKemId", v.fileId());
        out.text("TenTepDinhKem", v.fileName());
        out.trueFalse("IsDeleted", v.deleted());
        out.text("MaThanhPhanHoSo", v.componentCode());
        out.text("DuongDanTaiTepTin", v.url());
        out.text("DuocSoHoa", v.digitised());
        out.text("DuocTaiSuDung", v.reuse());
        out.text("DuocLayTuKhoDMQG", v.fromNationalStore());
        out.text("MaKetQuaThayThe", v.replacedResultCode());
        return out.node();
    }

    /** Reads a {@link SubmittedFile}. */
    public static SubmittedFile readSubmittedFile(WireReader in) {
        return new SubmittedFile(
                in.text("TepDinhKemId"),
                in.text("TenTepDinhKem"),
                in.trueFalse("IsDeleted"),
                in.text("MaThanhPhanHoSo"),
                in.text("DuongDanTaiTepTin"),
                in.text("DuocSoHoa"),
                in.text("DuocTaiSuDung"),
                in.text("DuocLayTuKhoDMQG"),
                in.text("MaKetQuaThayThe"));
    }

    /** Writes a {@link ResultDocument}. */
    public static ObjectNode writeResultDocument(ResultDocument v) {
        WireWriter out = new WireWriter(5);
        out.text("GiayToId", v.documentId());
        out.text("TenGiayTo", v.name());
        out.text("MaThanhPhanHoSo", v.componentCode());
        out.text("DuongDanTepTinKetQua", v.url());
        out.text("MaGiayToKetQua", v.resultCode());
        return out.node();
    }

    /** Reads a {@link ResultDocument}. */
    public static ResultDocument readResultDocument(WireReader in) {
        return new ResultDocument(
                in.text("GiayToId"),
                in.text("TenGiayTo"),
                in.text("MaThanhPhanHoSo"),
                in.text("DuongDanTepTinKetQua"),
                in.text("MaGiayToKetQua"));
    }

    /** Writes a {@link HolderIdentifier}. */
    public static ObjectNode writeHolderIdentifier(HolderIdentifier v) {
        WireWriter out = new WireWriter(2);
        out.text("LoaiDinhDanh", v.type());
        out.text("SoDinhDanh", v.number());
        return out.node();
    }

    /** Reads a {@link HolderIdentifier}. */
    public static HolderIdentifier readHolderIdentifier(WireReader in) {
        return new HolderIdentifier(
                in.text("LoaiDinhDanh"),
                in.text("SoDinhDanh"));
    }

    /** Writes a {@link ConnectedDatabase}. */
    public static ObjectNode writeConnectedDatabase(ConnectedDatabase v) {
        WireWriter out = new WireWriter(1);
        out.text("MaCSDL", v.code());
        return out.node();
    }

    /** Reads a {@link ConnectedDatabase}. */
    public static ConnectedDatabase readConnectedDatabase(WireReader in) {
        return new ConnectedDatabase(
                in.text("MaCSDL"));
    }
}
