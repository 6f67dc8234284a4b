package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.WireDates;
import vn.egov.sdk.dossier.internal.DossierWire;

/**
 * One dossier as the national public-service portal's {@code DongBoHoSoMC} service takes it: every field seen in
 * the integrations, the 2024/25 additions included. Immutable; build with {@link #builder()}, send
 * {@link #toWire()}, read back with {@link #parse(byte[])}; check with {@link DossierValidator} before sending.
 *
 * @param dossierCode {@code MaHoSo}: the dossier's code, province-prefixed (required)
 * @param procedureCode {@code MaTTHC}: the procedure's national code, for example {@code 1.003560.000.00.00.H56} (required)
 * @param procedureName {@code TenTTHC}: the procedure's name (required)
 * @param fieldCode {@code MaLinhVuc}: the field's code, for example {@code G03-GD10} (required)
 * @param fieldName {@code TenLinhVuc}: the field's name (required)
 * @param channel {@code KenhThucHien}: how the dossier was submitted
 * @param receiptNumber {@code SoBienNhan}: the receipt number
 * @param holderDocumentNumber {@code SoGiayToChuHoSo}: the holder's identity paper number
 * @param holderName {@code ChuHoSo}: the holder's name (required)
 * @param subjectType {@code LoaiDoiTuong}: who the holder is (required)
 * @param subjectId {@code MaDoiTuong}: the submitter's DVCQG TechID
 * @param otherInfo {@code ThongTinKhac}: other information
 * @param email {@code Email}: the holder's e-mail
 * @param fax {@code Fax}: the holder's fax
 * @param phone {@code SoDienThoai}: the holder's phone number
 * @param summary {@code TrichYeuHoSo}: the dossier's summary (required)
 * @param receivedAt {@code NgayTiepNhan}: when the dossier was received (required)
 * @param dueAt {@code NgayHenTra}: when the result is due (required)
 * @param status {@code TrangThaiHoSo}: the national status (required)
 * @param returnedAt {@code NgayTra}: when the result was returned
 * @param returnInfo {@code ThongTinTra}: notes on the returned result
 * @param delivery {@code HinhThuc}: how the result is delivered (required)
 * @param processingEndedAt {@code NgayKetThucXuLy}: when processing ended
 * @param handlingUnit {@code DonViXuLy}: the unit handling the dossier (required)
 * @param note {@code GhiChu}: a note
 * @param fees {@code DanhSachLePhi}: the fees
 * @param otherAttachments {@code DanhSachTepDinhKemKhac}: other papers handed in
 * @param supplements {@code DanhSachHoSoBoSung}: requests for more papers
 * @param submittedFiles {@code TaiLieuNop}: the files submitted
 * @param resultDocuments {@code DanhSachGiayToKetQua}: the result papers
 * @param submissionPlace {@code NoiNopHoSo}: where the dossier was submitted
 * @param hasDigitisedComponents {@code HoSoCoThanhPhanSoHoa}: whether the dossier has digitised components ({@code 0}/{@code 1})
 * @param accountVerifiedWithVneid {@code TaiKhoanDuocXacThucVoiVNeID}: whether the submitter's account is verified with VNeID ({@code 0}/{@code 1})
 * @param onlinePayment {@code DuocThanhToanTrucTuyen}: {@code 0} default, {@code 1} fee paid online, {@code 3} a fee exists but was not paid online
 * @param refusedAt {@code NgayTuChoi}: when the dossier was refused
 * @param submittedAt {@code NgayNopHoSo}: when the dossier was submitted
 * @param holderIdentifiers {@code DinhDanhCHS}: the holder's identity numbers
 * @param connectedDatabases {@code DSKetNoiCSDL}: the national databases consulted
 */
public record Dossier(
        String dossierCode,
        String procedureCode,
        String procedureName,
        String fieldCode,
        String fieldName,
        SubmissionChannel channel,
        String receiptNumber,
        String holderDocumentNumber,
        String holderName,
        SubjectType subjectType,
        String subjectId,
        String otherInfo,
        String email,
        String fax,
        String phone,
        String summary,
        Instant receivedAt,
        Instant dueAt,
        DossierStatus status,
        Instant returnedAt,
        String returnInfo,
        DeliveryMethod delivery,
        Instant processingEndedAt,
        String handlingUnit,
        String note,
        List<Fee> fees,
        List<OtherAttachment> otherAttachments,
        List<Supplement> supplements,
        List<SubmittedFile> submittedFiles,
        List<ResultDocument> resultDocuments,
        String submissionPlace,
        Boolean hasDigitisedComponents,
        Boolean accountVerifiedWithVneid,
        String onlinePayment,
        Instant refusedAt,
        Instant submittedAt,
        List<HolderIdentifier> holderIdentifiers,
        List<ConnectedDatabase> connectedDatabases) {
    /**
     * Normalises the components: instants truncated to whole seconds (the wire's precision), lists copied and
     * never {@code null}.
     *
     * @param dossierCode {@code MaHoSo}
     * @param procedureCode {@code MaTTHC}
     * @param procedureName {@code TenTTHC}
     * @param fieldCode {@code MaLinhVuc}
     * @param fieldName {@code TenLinhVuc}
     * @param channel {@code KenhThucHien}
     * @param receiptNumber {@code SoBienNhan}
     * @param holderDocumentNumber {@code SoGiayToChuHoSo}
     * @param holderName {@code ChuHoSo}
     * @param subjectType {@code LoaiDoiTuong}
     * @param subjectId {@code MaDoiTuong}
     * @param otherInfo {@code ThongTinKhac}
     * @param email {@code Email}
     * @param fax {@code Fax}
     * @param phone {@code SoDienThoai}
     * @param summary {@code TrichYeuHoSo}
     * @param receivedAt {@code NgayTiepNhan}
     * @param dueAt {@code NgayHenTra}
     * @param status {@code TrangThaiHoSo}
     * @param returnedAt {@code NgayTra}
     * @param returnInfo {@code ThongTinTra}
     * @param delivery {@code HinhThuc}
     * @param processingEndedAt {@code NgayKetThucXuLy}
     * @param handlingUnit {@code DonViXuLy}
     * @param note {@code GhiChu}
     * @param fees {@code DanhSachLePhi}
     * @param otherAttachments {@code DanhSachTepDinhKemKhac}
     * @param supplements {@code DanhSachHoSoBoSung}
     * @param submittedFiles {@code TaiLieuNop}
     * @param resultDocuments {@code DanhSachGiayToKetQua}
     * @param submissionPlace {@code NoiNopHoSo}
     * @param hasDigitisedComponents {@code HoSoCoThanhPhanSoHoa}
     * @param accountVerifiedWithVneid {@code TaiKhoanDuocXacThucVoiVNeID}
     * @param onlinePayment {@code DuocThanhToanTrucTuyen}
     * @param refusedAt {@code NgayTuChoi}
     * @param submittedAt {@code NgayNopHoSo}
     * @param holderIdentifiers {@code DinhDanhCHS}
     * @param connectedDatabases {@code DSKetNoiCSDL}
     * @throws ValidationException when a list holds a {@code null} element
     */
    public Dossier {
        receivedAt = WireDates.seconds(receivedAt);
        dueAt = WireDates.seconds(dueAt);
        returnedAt = WireDates.seconds(returnedAt);
        processingEndedAt = WireDates.seconds(processingEndedAt);
        fees = fees == null ? List.of() : List.copyOf(ValidationException.requireElements(fees, "Dossier.DanhSachLePhi"));
        otherAttachments = otherAttachments == null ? List.of() : List.copyOf(ValidationException.requireElements(otherAttachments, "Dossier.DanhSachTepDinhKemKhac"));
        supplements = supplements == null ? List.of() : List.copyOf(ValidationException.requireElements(supplements, "Dossier.DanhSachHoSoBoSung"));
        submittedFiles = submittedFiles == null ? List.of() : List.copyOf(ValidationException.requireElements(submittedFiles, "Dossier.TaiLieuNop"));
        resultDocuments = resultDocuments == null ? List.of() : List.copyOf(ValidationException.requireElements(resultDocuments, "Dossier.DanhSachGiayToKetQua"));
        refusedAt = WireDates.seconds(refusedAt);
        submittedAt = WireDates.seconds(submittedAt);
        holderIdentifiers = holderIdentifiers == null ? List.of() : List.copyOf(ValidationException.requireElements(holderIdentifiers, "Dossier.DinhDanhCHS"));
        connectedDatabases = connectedDatabases == null ? List.of() : List.copyOf(ValidationException.requireElements(connectedDatabases, "Dossier.DSKetNoiCSDL"));
    }

    /**
     * A builder with every field unset.
     *
     * @return a new builder
     */
    public static DossierBuilder builder() {
        return new DossierBuilder();
    }

    /**
     * A builder holding this value's fields, to change some of them.
     *
     * @return a new builder
     */
    public DossierBuilder toBuilder() {
        return new DossierBuilder(this);
    }

    /**
     * The wire form: a JSON object with the portal's field names in the portal's order; fields not set are left
     * out, codes and flags are sent as text, instants as {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh. Text is sent
     * as given (no Unicode normalisation).
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return DossierWire.write(this);
    }

    /**
     * Reads the wire form of one {@code DongBoHoSoMC} record, with hard limits on size and nesting; unknown fields
     * are ignored, JSON {@code null} is read as not set, codes sent as numbers are read as text.
     *
     * @param json the UTF-8 JSON bytes of one object
     * @return the value
     * @throws DossierFormatException when the bytes are not one JSON object of this shape, say which field
     */
    public static Dossier parse(byte[] json) {
        return DossierWire.read(json);
    }

    /**
     * Reads an already parsed wire form of one {@code DongBoHoSoMC} record (see {@link #parse(byte[])}).
     *
     * @param json the JSON object
     * @return the value
     * @throws DossierFormatException when the node is not an object of this shape, say which field
     */
    public static Dossier parse(JsonNode json) {
        return DossierWire.read(json);
    }

    /**
     * Reads a JSON array of {@code DongBoHoSoMC} records, as the portal's services and the provincial endpoints
     * carry them ({@code data:[…]}); a broken element is named by its index, for example {@code Dossier[3].MaHoSo}.
     *
     * @param json the JSON array
     * @return the values, in order
     * @throws DossierFormatException when the node is not an array of objects of this shape
     */
    public static List<Dossier> parseAll(JsonNode json) {
        return DossierWire.readAll(json);
    }

    @Override
    public String toString() {
        // personal data (names, phone numbers, ID numbers) stays out of logs
        return "Dossier[MaHoSo=" + dossierCode + ", status=" + status + "]";
    }
}
