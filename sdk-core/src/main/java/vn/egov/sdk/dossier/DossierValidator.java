package vn.egov.sdk.dossier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.Checks;

/**
 * Checks dossier records before they are sent and reports every broken rule at once, each as a
 * {@link FieldError} whose path names the wire field, for example {@code Dossier.DanhSachLePhi[2].Gia}.
 *
 * <p>Rules: the required fields ({@code MaHoSo, MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, ChuHoSo, LoaiDoiTuong,
 * TrichYeuHoSo, NgayTiepNhan, NgayHenTra, TrangThaiHoSo, HinhThuc, DonViXuLy}; in a progress row {@code MaHoSo,
 * NguoiXuLy, ThoiDiemXuLy, NoiDungXuLy, TrangThai}; the name of every fee, paper, file and result, the type and number
 * of every identifier, the code of every database); length limits (by default the ones integrators were seen to
 * truncate to: {@code TrichYeuHoSo} 1000, {@code TenTepDinhKem} 4000, {@code TenGiayTo} 2000, {@code NguoiXuLy} 50,
 * counted in characters of the NFC form, so NFD text counts the same; whether the portal enforces them is not
 * documented, so they can be changed); code shapes (numeric codes, {@code MaTTHC} like
 * {@code 1.003560.000.00.00.H56} or {@code 2.002492}, {@code MaLinhVuc} like {@code G03-GD10}, amounts and counts as
 * digits, a 12-digit CCCD or 9-digit CMND, {@code DuocThanhToanTrucTuyen} 0, 1 or 3, an e-mail and phone shape);
 * the {@link DossierCodeRule} on {@code MaHoSo}; and dates in order (submitted, received, due; returned, ended and
 * refused not before received or submitted; a supplement answered not before it was asked; a step due not before it
 * started). Immutable and thread-safe.
 */
public final class DossierValidator {
    private static final Pattern NUMERIC_CODE = Pattern.compile("\\d{1,3}");
    private static final Pattern PROCEDURE = Pattern.compile("\\d+\\.\\d{6}(?:\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[0-9A-Z]+)?");
    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z]+(?:[-.][0-9A-Za-z]+)*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{5,19}");
    private static final Pattern ONLINE_PAYMENT = Pattern.compile("[013]");

    private final Map<String, Integer> maxLengths;
    private final DossierCodeRule codeRule;

    private DossierValidator(Builder b) {
        this.maxLengths = Map.copyOf(b.maxLengths);
        this.codeRule = b.codeRule;
    }

    /**
     * The validator with the default limits and {@link DossierCodeRule#provincePrefixed()}.
     *
     * @return the validator
     */
    public static DossierValidator defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every rule a dossier breaks.
     *
     * @param dossier the dossier
     * @return the broken rules, empty when the dossier may be sent
     * @throws ValidationException when {@code dossier} is {@code null}
     */
    public List<FieldError> check(Dossier dossier) {
        Dossier d = ValidationException.requireNonNull(dossier, "Dossier");
        Checks c = new Checks(maxLengths);
        String p = "Dossier.";
        String[][] texts = {{"MaTTHC", d.procedureCode()}, {"TenTTHC", d.procedureName()},
            {"MaLinhVuc", d.fieldCode()}, {"TenLinhVuc", d.fieldName()}, {"ChuHoSo", d.holderName()},
            {"TrichYeuHoSo", d.summary()}, {"DonViXuLy", d.handlingUnit()}};
        if (c.required(d.dossierCode(), p + "MaHoSo") && !codeRule.accepts(d.dossierCode())) {
            c.fail("dossierCode", p + "MaHoSo", "must be " + codeRule.description());
        }
        for (String[] t : texts) {
            c.required(t[1], p + t[0]);
        }
        c.required(d.subjectType(), p + "LoaiDoiTuong");
        c.required(d.receivedAt(), p + "NgayTiepNhan");
        c.required(d.dueAt(), p + "NgayHenTra");
        c.required(d.status(), p + "TrangThaiHoSo");
        c.required(d.delivery(), p + "HinhThuc");
        for (String[] t : texts) {
            c.length(t[1], p + t[0]);
        }
        c.length(d.holderDocumentNumber(), p + "SoGiayToChuHoSo");
        c.length(d.otherInfo(), p + "ThongTinKhac");
        c.length(d.returnInfo(), p + "ThongTinTra");
        c.length(d.note(), p + "GhiChu");
        c.shape(d.procedureCode(), PROCEDURE, p + "MaTTHC", "a national procedure code such as 1.003560.000.00.00.H56");
        c.shape(d.fieldCode(), FIELD, p + "MaLinhVuc", "a field code such as G03-GD10");
        c.shape(d.email(), EMAIL, p + "Email", "an e-mail address");
        c.shape(d.phone(), PHONE, p + "SoDienThoai", "a phone number (digits, optionally +, spaces, dots, dashes)");
        c.shape(d.onlinePayment(), ONLINE_PAYMENT, p + "DuocThanhToanTrucTuyen", "0, 1 or 3");
        c.shape(d.channel() == null ? null : d.channel().code(), NUMERIC_CODE, p + "KenhThucHien", "a numeric code");
        c.shape(d.subjectType() == null ? null : d.subjectType().code(), NUMERIC_CODE, p + "LoaiDoiTuong",
                "a numeric code");
        c.shape(d.status() == null ? null : d.status().code(), NUMERIC_CODE, p + "TrangThaiHoSo", "a numeric code");
        c.shape(d.delivery() == null ? null : d.delivery().code(), NUMERIC_CODE, p + "HinhThuc", "a numeric code");
        c.order(d.submittedAt(), p + "NgayNopHoSo", d.receivedAt(), p + "NgayTiepNhan");
        c.order(d.receivedAt(), p + "NgayTiepNhan", d.dueAt(), p + "NgayHenTra");
        c.order(d.receivedAt(), p + "NgayTiepNhan", d.returnedAt(), p + "NgayTra");
        c.order(d.receivedAt(), p + "NgayTiepNhan", d.processingEndedAt(), p + "NgayKetThucXuLy");
        c.order(d.submittedAt(), p + "NgayNopHoSo", d.refusedAt(), p + "NgayTuChoi");
        nested(d, c, p);
        return c.errors();
    }

    private static void nested(Dossier d, Checks c, String p) {
        each(d.fees(), p + "DanhSachLePhi", (f, q) -> {
            c.required(f.name(), q + "TenPhiLePhi");
            c.required(f.amount(), q + "Gia");
            c.shape(f.amount(), DIGITS, q + "Gia", "an amount in VND, digits only");
        });
        each(d.otherAttachments(), p + "DanhSachTepDinhKemKhac", (a, q) -> {
            c.required(a.name(), q + "TenGiayTo");
            c.length(a.name(), q + "TenGiayTo");
            c.shape(a.quantity(), DIGITS, q + "SoLuong", "a count, digits only");
        });
        each(d.supplements(), p + "DanhSachHoSoBoSung", (s, q) -> {
            c.order(s.requestedAt(), q + "NgayBoSung", s.receivedAt(), q + "NgayTiepNhanBoSung");
            c.order(s.previousDueAt(), q + "NgayHenTraTruoc", s.newDueAt(), q + "NgayHenTraMoi");
        });
        each(d.submittedFiles(), p + "TaiLieuNop", (f, q) -> {
            c.required(f.fileName(), q + "TenTepDinhKem");
            c.length(f.fileName(), q + "TenTepDinhKem");
        });
        each(d.resultDocuments(), p + "DanhSachGiayToKetQua", (r, q) -> {
            c.required(r.name(), q + "TenGiayTo");
            c.length(r.name(), q + "TenGiayTo");
        });
        each(d.holderIdentifiers(), p + "DinhDanhCHS", (h, q) -> {
            if (c.required(h.type(), q + "LoaiDinhDanh") & c.required(h.number(), q + "SoDinhDanh")) {
                String digits = "1".equals(h.type()) ? "\\d{12}" : "2".equals(h.type()) ? "\\d{9}" : null;
                if (digits == null) {
                    c.fail("code", q + "LoaiDinhDanh", "must be 1 (12-digit CCCD) or 2 (9-digit CMND)");
                } else if (!h.number().matches(digits)) {
                    c.fail("pattern", q + "SoDinhDanh", "must be " + ("1".equals(h.type())
                            ? "12 digits (CCCD)" : "9 digits (CMND)"));
                }
            }
        });
        each(d.connectedDatabases(), p + "DSKetNoiCSDL", (b, q) -> c.required(b.code(), q + "MaCSDL"));
    }

    /**
     * Every rule a progress row breaks.
     *
     * @param progress the progress row
     * @return the broken rules, empty when the row may be sent
     * @throws ValidationException when {@code progress} is {@code null}
     */
    public List<FieldError> check(DossierProgress progress) {
        DossierProgress r = ValidationException.requireNonNull(progress, "DossierProgress");
        Checks c = new Checks(maxLengths);
        String p = "DossierProgress.";
        c.required(r.dossierCode(), p + "MaHoSo");
        c.required(r.handler(), p + "NguoiXuLy");
        c.required(r.handledAt(), p + "ThoiDiemXuLy");
        c.required(r.content(), p + "NoiDungXuLy");
        c.required(r.status(), p + "TrangThai");
        c.length(r.handler(), p + "NguoiXuLy");
        c.length(r.content(), p + "NoiDungXuLy");
        c.shape(r.status() == null ? null : r.status().code(), NUMERIC_CODE, p + "TrangThai", "a numeric code");
        c.order(r.startedAt(), p + "NgayBatDau", r.dueAt(), p + "NgayKetThucTheoQuyDinh");
        return c.errors();
    }

    /**
     * Checks a dossier and throws when it breaks any rule.
     *
     * @param dossier the dossier
     * @return {@code dossier}
     * @throws ValidationException with one {@link FieldError} per broken rule
     */
    public Dossier validate(Dossier dossier) {
        throwIfAny(check(dossier));
        return dossier;
    }

    /**
     * Checks a progress row and throws when it breaks any rule.
     *
     * @param progress the progress row
     * @return {@code progress}
     * @throws ValidationException with one {@link FieldError} per broken rule
     */
    public DossierProgress validate(DossierProgress progress) {
        throwIfAny(check(progress));
        return progress;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static <T> void each(List<T> values, String path, java.util.function.BiConsumer<T, String> check) {
        for (int i = 0; i < values.size(); i++) {
            check.accept(values.get(i), path + "[" + i + "].");
        }
    }

    /** Configures a {@link DossierValidator}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> maxLengths = new LinkedHashMap<>(Map.of(
                "TrichYeuHoSo", 1000, "TenTepDinhKem", 4000, "TenGiayTo", 2000, "NguoiXuLy", 50));
        private DossierCodeRule codeRule = DossierCodeRule.provincePrefixed();

        private Builder() {
        }

        /**
         * Sets the length limit of a text field, wherever it occurs (for example {@code TenGiayTo} in other papers
         * and in result papers).
         *
         * @param wireField the wire field name, for example {@code TrichYeuHoSo}
         * @param maxCharacters the most characters allowed (NFC form), at least 1
         * @return this builder
         * @throws ValidationException when the name is blank or the limit below 1
         */
        public Builder maxLength(String wireField, int maxCharacters) {
            ValidationException.requireText(wireField, "DossierValidator.maxLength.wireField");
            if (maxCharacters < 1) {
                throw ValidationException.of("range", "DossierValidator.maxLength.maxCharacters",
                        "DossierValidator.maxLength.maxCharacters must be at least 1");
            }
            maxLengths.put(wireField, maxCharacters);
            return this;
        }

        /**
         * Removes the length limit of a text field.
         *
         * @param wireField the wire field name
         * @return this builder
         * @throws ValidationException when the name is {@code null}
         */
        public Builder noMaxLength(String wireField) {
            maxLengths.remove(ValidationException.requireNonNull(wireField, "DossierValidator.noMaxLength.wireField"));
            return this;
        }

        /**
         * Sets the rule on {@code MaHoSo}.
         *
         * @param rule the rule, for example {@link DossierCodeRule#provincePrefixed(String)}
         * @return this builder
         * @throws ValidationException when {@code rule} is {@code null}
         */
        public Builder dossierCodeRule(DossierCodeRule rule) {
            this.codeRule = ValidationException.requireNonNull(rule, "DossierValidator.dossierCodeRule");
            return this;
        }

        /**
         * The validator.
         *
         * @return a new immutable validator
         */
        public DossierValidator build() {
            return new DossierValidator(this);
        }
    }
}
