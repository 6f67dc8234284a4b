package vn.egov.sdk.dossier;

import java.time.Instant;
import java.util.List;
import vn.egov.sdk.core.ValidationException;

/**
 * Builds a {@link Dossier}; get one from {@link Dossier#builder()} or {@link Dossier#toBuilder()}. Not
 * thread-safe.
 */
public final class DossierBuilder {
    private String dossierCode;
    private String procedureCode;
    private String procedureName;
    private String fieldCode;
    private String fieldName;
    private SubmissionChannel channel;
    private String receiptNumber;
    private String holderDocumentNumber;
    private String holderName;
    private SubjectType subjectType;
    private String subjectId;
    private String otherInfo;
    private String email;
    private String fax;
    private String phone;
    private String summary;
    private Instant receivedAt;
    private Instant dueAt;
    private DossierStatus status;
    private Instant returnedAt;
    private String returnInfo;
    private DeliveryMethod delivery;
    private Instant processingEndedAt;
    private String handlingUnit;
    private String note;
    private List<Fee> fees;
    private List<OtherAttachment> otherAttachments;
    private List<Supplement> supplements;
    private List<SubmittedFile> submittedFiles;
    private List<ResultDocument> resultDocuments;
    private String submissionPlace;
    private Boolean hasDigitisedComponents;
    private Boolean accountVerifiedWithVneid;
    private String onlinePayment;
    private Instant refusedAt;
    private Instant submittedAt;
    private List<HolderIdentifier> holderIdentifiers;
    private List<ConnectedDatabase> connectedDatabases;

    DossierBuilder() {
    }

    DossierBuilder(Dossier v) {
        this.dossierCode = v.dossierCode();
        this.procedureCode = v.procedureCode();
        this.procedureName = v.procedureName();
        this.fieldCode = v.fieldCode();
        this.fieldName = v.fieldName();
        this.channel = v.channel();
        this.receiptNumber = v.receiptNumber();
        this.holderDocumentNumber = v.holderDocumentNumber();
        this.holderName = v.holderName();
        this.subjectType = v.subjectType();
        this.subjectId = v.subjectId();
        this.otherInfo = v.otherInfo();
        this.email = v.email();
        this.fax = v.fax();
        this.phone = v.phone();
        this.summary = v.summary();
        this.receivedAt = v.receivedAt();
        this.dueAt = v.dueAt();
        this.status = v.status();
        this.returnedAt = v.returnedAt();
        this.returnInfo = v.returnInfo();
        this.delivery = v.delivery();
        this.processingEndedAt = v.processingEndedAt();
        this.handlingUnit = v.handlingUnit();
        this.note = v.note();
        this.fees = v.fees();
        this.otherAttachments = v.otherAttachments();
        this.supplements = v.supplements();
        this.submittedFiles = v.submittedFiles();
        this.resultDocuments = v.resultDocuments();
        this.submissionPlace = v.submissionPlace();
        this.hasDigitisedComponents = v.hasDigitisedComponents();
        this.accountVerifiedWithVneid = v.accountVerifiedWithVneid();
        this.onlinePayment = v.onlinePayment();
        this.refusedAt = v.refusedAt();
        this.submittedAt = v.submittedAt();
        this.holderIdentifiers = v.holderIdentifiers();
        this.connectedDatabases = v.connectedDatabases();
    }

    /** Sets {@code MaHoSo}: the dossier's code, province-prefixed (required).
     * @param dossierCode the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder dossierCode(String dossierCode) { this.dossierCode = dossierCode; return this; }

    /** Sets {@code MaTTHC}: the procedure's national code, for example {@code 1.003560.000.00.00.H56} (required).
     * @param procedureCode the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder procedureCode(String procedureCode) { this.procedureCode = procedureCode; return this; }

    /** Sets {@code TenTTHC}: the procedure's name (required).
     * @param procedureName the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder procedureName(String procedureName) { this.procedureName = procedureName; return this; }

    /** Sets {@code MaLinhVuc}: the field's code, for example {@code G03-GD10} (required).
     * @param fieldCode the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder fieldCode(String fieldCode) { this.fieldCode = fieldCode; return this; }

    /** Sets {@code TenLinhVuc}: the field's name (required).
     * @param fieldName the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder fieldName(String fieldName) { this.fieldName = fieldName; return this; }

    /** Sets {@code KenhThucHien}: how the dossier was submitted.
     * @param channel the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder channel(SubmissionChannel channel) { this.channel = channel; return this; }

    /** Sets {@code SoBienNhan}: the receipt number.
     * @param receiptNumber the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder receiptNumber(String receiptNumber) { this.receiptNumber = receiptNumber; return this; }

    /** Sets {@code SoGiayToChuHoSo}: the holder's identity paper number.
     * @param holderDocumentNumber the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder holderDocumentNumber(String holderDocumentNumber) { this.holderDocumentNumber = holderDocumentNumber; return this; }

    /** Sets {@code ChuHoSo}: the holder's name (required).
     * @param holderName the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder holderName(String holderName) { this.holderName = holderName; return this; }

    /** Sets {@code LoaiDoiTuong}: who the holder is (required).
     * @param subjectType the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder subjectType(SubjectType subjectType) { this.subjectType = subjectType; return this; }

    /** Sets {@code MaDoiTuong}: the submitter's DVCQG TechID.
     * @param subjectId the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder subjectId(String subjectId) { this.subjectId = subjectId; return this; }

    /** Sets {@code ThongTinKhac}: other information.
     * @param otherInfo the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder otherInfo(String otherInfo) { this.otherInfo = otherInfo; return this; }

    /** Sets {@code Email}: the holder's e-mail.
     * @param email the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder email(String email) { this.email = email; return this; }

    /** Sets {@code Fax}: the holder's fax.
     * @param fax the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder fax(String fax) { this.fax = fax; return this; }

    /** Sets {@code SoDienThoai}: the holder's phone number.
     * @param phone the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder phone(String phone) { this.phone = phone; return this; }

    /** Sets {@code TrichYeuHoSo}: the dossier's summary (required).
     * @param summary the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder summary(String summary) { this.summary = summary; return this; }

    /** Sets {@code NgayTiepNhan}: when the dossier was received (required).
     * @param receivedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder receivedAt(Instant receivedAt) { this.receivedAt = receivedAt; return this; }

    /** Sets {@code NgayTiepNhan} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
     * @param receivedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder receivedAt(java.time.ZonedDateTime receivedAt) { this.receivedAt = receivedAt == null ? null : receivedAt.toInstant(); return this; }

    /** Sets {@code NgayHenTra}: when the result is due (required).
     * @param dueAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder dueAt(Instant dueAt) { this.dueAt = dueAt; return this; }

    /** Sets {@code NgayHenTra} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
     * @param dueAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder dueAt(java.time.ZonedDateTime dueAt) { this.dueAt = dueAt == null ? null : dueAt.toInstant(); return this; }

    /** Sets {@code TrangThaiHoSo}: the national status (required).
     * @param status the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder status(DossierStatus status) { this.status = status; return this; }

    /** Sets {@code NgayTra}: when the result was returned.
     * @param returnedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder returnedAt(Instant returnedAt) { this.returnedAt = returnedAt; return this; }

    /** Sets {@code NgayTra} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
     * @param returnedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder returnedAt(java.time.ZonedDateTime returnedAt) { this.returnedAt = returnedAt == null ? null : returnedAt.toInstant(); return this; }

    /** Sets {@code ThongTinTra}: notes on the returned result.
     * @param returnInfo the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder returnInfo(String returnInfo) { this.returnInfo = returnInfo; return this; }

    /** Sets {@code HinhThuc}: how the result is delivered (required).
     * @param delivery the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder delivery(DeliveryMethod delivery) { this.delivery = delivery; return this; }

    /** Sets {@code NgayKetThucXuLy}: when processing ended.
     * @param processingEndedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder processingEndedAt(Instant processingEndedAt) { this.processingEndedAt = processingEndedAt; return this; }

    /** Sets {@code NgayKetThucXuLy} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
     * @param processingEndedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder processingEndedAt(java.time.ZonedDateTime processingEndedAt) { this.processingEndedAt = processingEndedAt == null ? null : processingEndedAt.toInstant(); return this; }

    /** Sets {@code DonViXuLy}: the unit handling the dossier (required).
     * @param handlingUnit the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder handlingUnit(String handlingUnit) { this.handlingUnit = handlingUnit; return this; }

    /** Sets {@code GhiChu}: a note.
     * @param note the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder note(String note) { this.note = note; return this; }

    /** Sets {@code DanhSachLePhi}: the fees.
     * @param fees the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder fees(List<Fee> fees) { this.fees = fees; return this; }

    /** Sets {@code DanhSachTepDinhKemKhac}: other papers handed in.
     * @param otherAttachments the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder otherAttachments(List<OtherAttachment> otherAttachments) { this.otherAttachments = otherAttachments; return this; }

    /** Sets {@code DanhSachHoSoBoSung}: requests for more papers.
     * @param supplements the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder supplements(List<Supplement> supplements) { this.supplements = supplements; return this; }

    /** Sets {@code TaiLieuNop}: the files submitted.
     * @param submittedFiles the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder submittedFiles(List<SubmittedFile> submittedFiles) { this.submittedFiles = submittedFiles; return this; }

    /** Sets {@code DanhSachGiayToKetQua}: the result papers.
     * @param resultDocuments the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder resultDocuments(List<ResultDocument> resultDocuments) { this.resultDocuments = resultDocuments; return this; }

    /** Sets {@code NoiNopHoSo}: where the dossier was submitted.
     * @param submissionPlace the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder submissionPlace(String submissionPlace) { this.submissionPlace = submissionPlace; return this; }

    /** Sets {@code HoSoCoThanhPhanSoHoa}: whether the dossier has digitised components ({@code 0}/{@code 1}).
     * @param hasDigitisedComponents the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder hasDigitisedComponents(Boolean hasDigitisedComponents) { this.hasDigitisedComponents = hasDigitisedComponents; return this; }

    /** Sets {@code TaiKhoanDuocXacThucVoiVNeID}: whether the submitter's account is verified with VNeID ({@code 0}/{@code 1}).
     * @param accountVerifiedWithVneid the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder accountVerifiedWithVneid(Boolean accountVerifiedWithVneid) { this.accountVerifiedWithVneid = accountVerifiedWithVneid; return this; }

    /** Sets {@code DuocThanhToanTrucTuyen}: {@code 0} default, {@code 1} fee paid online, {@code 3} a fee exists but was not paid online.
     * @param onlinePayment the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder onlinePayment(String onlinePayment) { this.onlinePayment = onlinePayment; return this; }

    /** Sets {@code NgayTuChoi}: when the dossier was refused.
     * @param refusedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder refusedAt(Instant refusedAt) { this.refusedAt = refusedAt; return this; }

    /** Sets {@code NgayTuChoi} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
     * @param refusedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder refusedAt(java.time.ZonedDateTime refusedAt) { this.refusedAt = refusedAt == null ? null : refusedAt.toInstant(); return this; }

    /** Sets {@code NgayNopHoSo}: when the dossier was submitted.
     * @param submittedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder submittedAt(Instant submittedAt) { this.submittedAt = submittedAt; return this; }

    /** Sets {@code NgayNopHoSo} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
     * @param submittedAt the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder submittedAt(java.time.ZonedDateTime submittedAt) { this.submittedAt = submittedAt == null ? null : submittedAt.toInstant(); return this; }

    /** Sets {@code DinhDanhCHS}: the holder's identity numbers.
     * @param holderIdentifiers the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder holderIdentifiers(List<HolderIdentifier> holderIdentifiers) { this.holderIdentifiers = holderIdentifiers; return this; }

    /** Sets {@code DSKetNoiCSDL}: the national databases consulted.
     * @param connectedDatabases the value, or {@code null} to unset
     * @return this builder */
    public DossierBuilder connectedDatabases(List<ConnectedDatabase> connectedDatabases) { this.connectedDatabases = connectedDatabases; return this; }

    /**
     * The value. Builds whatever was set; {@link DossierValidator} checks the rules before sending.
     *
     * @return a new immutable value
     * @throws ValidationException when a list holds a {@code null} element
     */
    public Dossier build() {
        return new Dossier(dossierCode, procedureCode, procedureName, fieldCode, fieldName, channel, receiptNumber, holderDocumentNumber, holderName, subjectType, subjectId, otherInfo, email, fax, phone, summary, receivedAt, dueAt, status, returnedAt, returnInfo, delivery, processingEndedAt, handlingUnit, note, fees, otherAttachments, supplements, submittedFiles, resultDocuments, submissionPlace, hasDigitisedComponents, accountVerifiedWithVneid, onlinePayment, refusedAt, submittedAt, holderIdentifiers, connectedDatabases);
    }
}
