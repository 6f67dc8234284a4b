package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.WireDates;
import vn.egov.sdk.dossier.internal.DossierProgressWire;

/**
 * One progress row as the portal's {@code CapNhatTienDoHoSoMC} service takes it. Immutable; build with
 * {@link #builder()}, send {@link #toWire()}, read back with {@link #parse(byte[])}.
 *
 * @param dossierCode {@code MaHoSo}: the dossier's code (required)
 * @param handler {@code NguoiXuLy}: who handled the step (required)
 * @param handlerTitle {@code ChucDanh}: the handler's title
 * @param handledAt {@code ThoiDiemXuLy}: when the step was handled (required)
 * @param department {@code PhongBanXuLy}: the handling department
 * @param content {@code NoiDungXuLy}: what was done (required)
 * @param status {@code TrangThai}: the status after the step (required)
 * @param startedAt {@code NgayBatDau}: when the step started
 * @param dueAt {@code NgayKetThucTheoQuyDinh}: when the step is due by regulation
 */
public record DossierProgress(
        String dossierCode,
        String handler,
        String handlerTitle,
        Instant handledAt,
        String department,
        String content,
        DossierStatus status,
        Instant startedAt,
        Instant dueAt) {
    /**
     * Normalises the components: instants truncated to whole seconds (the wire's precision), lists copied and
     * never {@code null}.
     *
     * @param dossierCode {@code MaHoSo}
     * @param handler {@code NguoiXuLy}
     * @param handlerTitle {@code ChucDanh}
     * @param handledAt {@code ThoiDiemXuLy}
     * @param department {@code PhongBanXuLy}
     * @param content {@code NoiDungXuLy}
     * @param status {@code TrangThai}
     * @param startedAt {@code NgayBatDau}
     * @param dueAt {@code NgayKetThucTheoQuyDinh}
     * @throws ValidationException when a list holds a {@code null} element
     */
    public DossierProgress {
        handledAt = WireDates.seconds(handledAt);
        startedAt = WireDates.seconds(startedAt);
        dueAt = WireDates.seconds(dueAt);
    }

    /**
     * A builder with every field unset.
     *
     * @return a new builder
     */
    public static DossierProgress.Builder builder() {
        return new DossierProgress.Builder();
    }

    /**
     * A builder holding this value's fields, to change some of them.
     *
     * @return a new builder
     */
    public DossierProgress.Builder toBuilder() {
        return new DossierProgress.Builder(this);
    }

    /**
     * The wire form: a JSON object with the portal's field names in the portal's order; fields not set are left
     * out, codes and flags are sent as text, instants as {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh. Text is sent
     * as given (no Unicode normalisation).
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return DossierProgressWire.write(this);
    }

    /**
     * Reads the wire form of one {@code CapNhatTienDoHoSoMC} record, with hard limits on size and nesting; unknown fields
     * are ignored, JSON {@code null} is read as not set, codes sent as numbers are read as text.
     *
     * @param json the UTF-8 JSON bytes of one object
     * @return the value
     * @throws DossierFormatException when the bytes are not one JSON object of this shape, say which field
     */
    public static DossierProgress parse(byte[] json) {
        return DossierProgressWire.read(json);
    }

    /**
     * Reads an already parsed wire form of one {@code CapNhatTienDoHoSoMC} record (see {@link #parse(byte[])}).
     *
     * @param json the JSON object
     * @return the value
     * @throws DossierFormatException when the node is not an object of this shape, say which field
     */
    public static DossierProgress parse(JsonNode json) {
        return DossierProgressWire.read(json);
    }

    /**
     * Reads a JSON array of {@code CapNhatTienDoHoSoMC} records, as the portal's services and the provincial endpoints
     * carry them ({@code data:[…]}); a broken element is named by its index, for example {@code DossierProgress[3].MaHoSo}.
     *
     * @param json the JSON array
     * @return the values, in order
     * @throws DossierFormatException when the node is not an array of objects of this shape
     */
    public static List<DossierProgress> parseAll(JsonNode json) {
        return DossierProgressWire.readAll(json);
    }

    @Override
    public String toString() {
        // personal data (names, phone numbers, ID numbers) stays out of logs
        return "DossierProgress[MaHoSo=" + dossierCode + ", status=" + status + "]";
    }

    /** Builds a {@link DossierProgress}; get one from {@link DossierProgress#builder()}. Not thread-safe. */
    public static final class Builder {
        private String dossierCode;
        private String handler;
        private String handlerTitle;
        private Instant handledAt;
        private String department;
        private String content;
        private DossierStatus status;
        private Instant startedAt;
        private Instant dueAt;

        Builder() {
        }

        Builder(DossierProgress v) {
            this.dossierCode = v.dossierCode();
            this.handler = v.handler();
            this.handlerTitle = v.handlerTitle();
            this.handledAt = v.handledAt();
            this.department = v.department();
            this.content = v.content();
            this.status = v.status();
            this.startedAt = v.startedAt();
            this.dueAt = v.dueAt();
        }

        /** Sets {@code MaHoSo}: the dossier's code (required).
         * @param dossierCode the value, or {@code null} to unset
         * @return this builder */
        public Builder dossierCode(String dossierCode) { this.dossierCode = dossierCode; return this; }

        /** Sets {@code NguoiXuLy}: who handled the step (required).
         * @param handler the value, or {@code null} to unset
         * @return this builder */
        public Builder handler(String handler) { this.handler = handler; return this; }

        /** Sets {@code ChucDanh}: the handler's title.
         * @param handlerTitle the value, or {@code null} to unset
         * @return this builder */
        public Builder handlerTitle(String handlerTitle) { this.handlerTitle = handlerTitle; return this; }

        /** Sets {@code ThoiDiemXuLy}: when the step was handled (required).
         * @param handledAt the value, or {@code null} to unset
         * @return this builder */
        public Builder handledAt(Instant handledAt) { this.handledAt = handledAt; return this; }

        /** Sets {@code ThoiDiemXuLy} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
         * @param handledAt the value, or {@code null} to unset
         * @return this builder */
        public Builder handledAt(java.time.ZonedDateTime handledAt) { this.handledAt = handledAt == null ? null : handledAt.toInstant(); return this; }

        /** Sets {@code PhongBanXuLy}: the handling department.
         * @param department the value, or {@code null} to unset
         * @return this builder */
        public Builder department(String department) { this.department = department; return this; }

        /** Sets {@code NoiDungXuLy}: what was done (required).
         * @param content the value, or {@code null} to unset
         * @return this builder */
        public Builder content(String content) { this.content = content; return this; }

        /** Sets {@code TrangThai}: the status after the step (required).
         * @param status the value, or {@code null} to unset
         * @return this builder */
        public Builder status(DossierStatus status) { this.status = status; return this; }

        /** Sets {@code NgayBatDau}: when the step started.
         * @param startedAt the value, or {@code null} to unset
         * @return this builder */
        public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }

        /** Sets {@code NgayBatDau} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
         * @param startedAt the value, or {@code null} to unset
         * @return this builder */
        public Builder startedAt(java.time.ZonedDateTime startedAt) { this.startedAt = startedAt == null ? null : startedAt.toInstant(); return this; }

        /** Sets {@code NgayKetThucTheoQuyDinh}: when the step is due by regulation.
         * @param dueAt the value, or {@code null} to unset
         * @return this builder */
        public Builder dueAt(Instant dueAt) { this.dueAt = dueAt; return this; }

        /** Sets {@code NgayKetThucTheoQuyDinh} from a zoned date-time (any zone; sent in Asia/Ho_Chi_Minh).
         * @param dueAt the value, or {@code null} to unset
         * @return this builder */
        public Builder dueAt(java.time.ZonedDateTime dueAt) { this.dueAt = dueAt == null ? null : dueAt.toInstant(); return this; }

        /**
         * The value. Builds whatever was set; {@link DossierValidator} checks the rules before sending.
         *
         * @return a new immutable value
         * @throws ValidationException when a list holds a {@code null} element
         */
        public DossierProgress build() {
            return new DossierProgress(dossierCode, handler, handlerTitle, handledAt, department, content, status, startedAt, dueAt);
        }
    }
}
