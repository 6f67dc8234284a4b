package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.RatingWire;

/**
 * A monthly summary of citizens' satisfaction ratings of an agency, as the portal's {@code DongBoDanhGia} service
 * takes it (đánh giá mức độ hài lòng). Immutable; build with {@link #builder()} (or from counted answers with
 * {@link #ofCounts}), check with {@link #check()}, send {@link #toWire()}, read back with {@link #parse(byte[])}.
 *
 * <p>Wire: {@code NgayTongHop} is the month as {@code M-YYYY} (for example {@code 12-2026}), counts and shares are
 * text, each share with a {@code %} sign ({@code "62.5%"}).
 *
 * @param period {@code NgayTongHop}: the month summarised (required)
 * @param respondents {@code TongSoNguoiDanhGia}: how many people rated (required)
 * @param overall {@code PhanTramDanhGiaRatHaiLong}, {@code PhanTramDanhGiaHaiLong},
 *     {@code PhanTramDanhGiaChuaHaiLong}: the shares of the agency's rating (required)
 * @param comments {@code DanhSachNoiDungYKien}: the opinions written, as text (the element shape is not documented;
 *     [INFERRED] a list of texts); never {@code null}
 * @param procedureCode {@code MaThuTuc}: the procedure rated, when the summary is of one procedure
 * @param content {@code NoiDung}: a description of the summary
 * @param service {@code PhanTramDanhGiaDichVuRatHaiLong}, {@code …DichVuHaiLong}, {@code …DichVuChuaHaiLong}: the
 *     shares of the service's rating, when rated separately
 * @param agencyCode {@code Madonvi}: the agency's code (required)
 * @param agencyName {@code TenDonVi}: the agency's name
 */
public record RatingSummary(
        YearMonth period,
        Long respondents,
        SatisfactionShares overall,
        List<String> comments,
        String procedureCode,
        String content,
        SatisfactionShares service,
        String agencyCode,
        String agencyName) {

    /**
     * Copies the list of comments.
     *
     * @param period {@code NgayTongHop}
     * @param respondents {@code TongSoNguoiDanhGia}
     * @param overall the agency's shares
     * @param comments {@code DanhSachNoiDungYKien}
     * @param procedureCode {@code MaThuTuc}
     * @param content {@code NoiDung}
     * @param service the service's shares
     * @param agencyCode {@code Madonvi}
     * @param agencyName {@code TenDonVi}
     * @throws ValidationException when {@code comments} holds a {@code null}
     */
    public RatingSummary {
        comments = comments == null ? List.of()
                : List.copyOf(ValidationException.requireElements(comments, "RatingSummary.comments"));
    }

    /**
     * A builder with every field unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A summary of counted answers: {@code respondents} is their sum and the shares are
     * {@link SatisfactionShares#ofCounts computed} so the three add up to 100.
     *
     * @param period the month
     * @param agencyCode {@code Madonvi}
     * @param veryHappy how many answered "rất hài lòng"
     * @param happy how many answered "hài lòng"
     * @param notHappy how many answered "chưa hài lòng"
     * @return a builder holding these, to add the optional fields
     * @throws ValidationException when a count is negative
     */
    public static Builder ofCounts(YearMonth period, String agencyCode, long veryHappy, long happy, long notHappy) {
        SatisfactionShares shares = SatisfactionShares.ofCounts(veryHappy, happy, notHappy);
        return builder().period(period).agencyCode(agencyCode).respondents(veryHappy + happy + notHappy)
                .overall(shares);
    }

    /**
     * A builder holding this value's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Every rule this summary breaks: {@code NgayTongHop}, {@code TongSoNguoiDanhGia}, the agency's shares and
     * {@code Madonvi} required; counts not negative; each share between 0 and 100; the three shares of a group adding
     * up to 100 (all 0 when nobody rated).
     *
     * @return the broken rules, each naming the wire field; empty when it may be sent
     */
    public List<FieldError> check() {
        List<FieldError> errors = new ArrayList<>();
        String p = "RatingSummary.";
        if (period == null) {
            errors.add(new FieldError("required", p + "NgayTongHop", p + "NgayTongHop is required"));
        }
        if (respondents == null) {
            errors.add(new FieldError("required", p + "TongSoNguoiDanhGia", p + "TongSoNguoiDanhGia is required"));
        } else if (respondents < 0) {
            errors.add(new FieldError("range", p + "TongSoNguoiDanhGia", p + "TongSoNguoiDanhGia must be 0 or more"));
        }
        if (agencyCode == null || agencyCode.isBlank()) {
            errors.add(new FieldError("required", p + "Madonvi", p + "Madonvi is required"));
        }
        if (overall == null) {
            errors.add(new FieldError("required", p + "PhanTramDanhGiaRatHaiLong",
                    p + "PhanTramDanhGia… (the agency's shares) are required"));
        } else {
            shares(overall, p + "PhanTramDanhGia", errors);
        }
        if (service != null) {
            shares(service, p + "PhanTramDanhGiaDichVu", errors);
        }
        return List.copyOf(errors);
    }

    /**
     * This summary, when it breaks no rule of {@link #check()}.
     *
     * @return this
     * @throws ValidationException listing every broken rule
     */
    public RatingSummary validated() {
        List<FieldError> errors = check();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return this;
    }

    /**
     * The wire form: the portal's field names in its order, unset fields left out.
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return RatingWire.write(this);
    }

    /**
     * Reads the wire form of one {@code DongBoDanhGia} record, with hard limits on size and nesting; unknown fields
     * are ignored, shares are read with or without {@code %}, counts as text or numbers.
     *
     * @param json the UTF-8 JSON bytes of one object
     * @return the value
     * @throws DossierFormatException when the bytes are not one object of this shape, naming the field
     */
    public static RatingSummary parse(byte[] json) {
        return RatingWire.read(json);
    }

    /**
     * Reads an already parsed wire form (see {@link #parse(byte[])}).
     *
     * @param json the JSON object
     * @return the value
     * @throws DossierFormatException when the node is not an object of this shape, naming the field
     */
    public static RatingSummary parse(JsonNode json) {
        return RatingWire.read(json, "RatingSummary");
    }

    @Override
    public String toString() {
        // the written opinions may carry personal data
        return "RatingSummary[NgayTongHop=" + period + ", Madonvi=" + agencyCode + ", TongSoNguoiDanhGia="
                + respondents + ", comments=" + comments.size() + "]";
    }

    private static void shares(SatisfactionShares s, String prefix, List<FieldError> errors) {
        BigDecimal[] values = {s.veryHappy(), s.happy(), s.notHappy()};
        String[] names = {"RatHaiLong", "HaiLong", "ChuaHaiLong"};
        boolean inRange = true;
        for (int i = 0; i < values.length; i++) {
            if (values[i].signum() < 0 || values[i].compareTo(BigDecimal.valueOf(100)) > 0) {
                inRange = false;
                errors.add(new FieldError("range", prefix + names[i], prefix + names[i]
                        + " must be between 0% and 100%"));
            }
        }
        BigDecimal total = s.total();
        if (inRange && total.signum() != 0 && total.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.add(new FieldError("sum", prefix + "ChuaHaiLong", prefix
                    + "RatHaiLong, HaiLong and ChuaHaiLong must add up to 100% (" + total.toPlainString()
                    + "% given)"));
        }
    }

    /** Builds a {@link RatingSummary}; get one from {@link RatingSummary#builder()}. Not thread-safe. */
    public static final class Builder {
        private YearMonth period;
        private Long respondents;
        private SatisfactionShares overall;
        private List<String> comments = List.of();
        private String procedureCode;
        private String content;
        private SatisfactionShares service;
        private String agencyCode;
        private String agencyName;

        Builder() {
        }

        Builder(RatingSummary v) {
            period = v.period();
            respondents = v.respondents();
            overall = v.overall();
            comments = v.comments();
            procedureCode = v.procedureCode();
            content = v.content();
            service = v.service();
            agencyCode = v.agencyCode();
            agencyName = v.agencyName();
        }

        /** Sets {@code NgayTongHop}, the month summarised.
         * @param period the month, or {@code null} to unset
         * @return this builder */
        public Builder period(YearMonth period) { this.period = period; return this; }

        /** Sets {@code TongSoNguoiDanhGia}, how many people rated.
         * @param respondents the count, or {@code null} to unset
         * @return this builder */
        public Builder respondents(Long respondents) { this.respondents = respondents; return this; }

        /** Sets {@code TongSoNguoiDanhGia}, how many people rated.
         * @param respondents the count
         * @return this builder */
        public Builder respondents(long respondents) { this.respondents = respondents; return this; }

        /** Sets the agency's shares ({@code PhanTramDanhGiaRatHaiLong}, {@code …HaiLong}, {@code …ChuaHaiLong}).
         * @param overall the shares, or {@code null} to unset
         * @return this builder */
        public Builder overall(SatisfactionShares overall) { this.overall = overall; return this; }

        /** Sets {@code DanhSachNoiDungYKien}, the opinions written.
         * @param comments the texts, or {@code null} for none
         * @return this builder */
        public Builder comments(List<String> comments) { this.comments = comments; return this; }

        /** Sets {@code MaThuTuc}, the procedure rated.
         * @param procedureCode the code, or {@code null} to unset
         * @return this builder */
        public Builder procedureCode(String procedureCode) { this.procedureCode = procedureCode; return this; }

        /** Sets {@code NoiDung}, a description of the summary.
         * @param content the text, or {@code null} to unset
         * @return this builder */
        public Builder content(String content) { this.content = content; return this; }

        /** Sets the service's shares ({@code PhanTramDanhGiaDichVu…}).
         * @param service the shares, or {@code null} to unset
         * @return this builder */
        public Builder service(SatisfactionShares service) { this.service = service; return this; }

        /** Sets {@code Madonvi}, the agency's code.
         * @param agencyCode the code, or {@code null} to unset
         * @return this builder */
        public Builder agencyCode(String agencyCode) { this.agencyCode = agencyCode; return this; }

        /** Sets {@code TenDonVi}, the agency's name.
         * @param agencyName the name, or {@code null} to unset
         * @return this builder */
        public Builder agencyName(String agencyName) { this.agencyName = agencyName; return this; }

        /**
         * The value; {@link RatingSummary#check()} tells whether it may be sent.
         *
         * @return a new immutable value
         * @throws ValidationException when the comments hold a {@code null}
         */
        public RatingSummary build() {
            return new RatingSummary(period, respondents, overall, comments, procedureCode, content, service,
                    agencyCode, agencyName);
        }
    }
}
