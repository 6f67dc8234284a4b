package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.QaWire;

/**
 * A citizen's question (hỏi đáp) as the portal's Q&amp;A services carry it: pushed by the agency with
 * {@code DongBoHoiDap}, listed by {@code LayDanhSachHoiDapGuiTuDVCQG} (asked on the national portal) and
 * {@code LayDanhSachHoiDapBoCoQuan} (the agencies'), with its {@link QaAnswer} when answered. Immutable; build with
 * {@link #builder()}, send {@link #toWire()}, read back with {@link #parse(byte[])}.
 *
 * @param id {@code HOIDAPID}: the question's identifier (required)
 * @param fieldCode {@code MaLinhVuc}: the field (lĩnh vực) it is about
 * @param question {@code NOIDUNG}: the question (required)
 * @param agencyCode {@code MADONVI}: the agency asked (required)
 * @param agencyName {@code TENDONVI}: its name
 * @param answer the answer fields ({@code CHUCVUNGUOITRALOI, NGAYTRALOI, NOIDUNGTRALOI}), {@code null} when not
 *     answered; use {@link #answered()}
 */
public record QaItem(String id, String fieldCode, String question, String agencyCode, String agencyName,
        QaAnswer answer) {

    /**
     * A builder with every field unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The answer, when there is one.
     *
     * @return the answer, or empty
     */
    public Optional<QaAnswer> answered() {
        return Optional.ofNullable(answer);
    }

    /**
     * A builder holding this value's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).fieldCode(fieldCode).question(question).agencyCode(agencyCode)
                .agencyName(agencyName).answer(answer);
    }

    /**
     * Every rule this item breaks: {@code HOIDAPID}, {@code NOIDUNG} and {@code MADONVI} required; an answer, when
     * present, answering this question and complete.
     *
     * @return the broken rules, each naming the wire field; empty when it may be sent
     */
    public List<FieldError> check() {
        List<FieldError> errors = new ArrayList<>();
        required(id, "HOIDAPID", errors);
        required(question, "NOIDUNG", errors);
        required(agencyCode, "MADONVI", errors);
        if (answer != null) {
            answer.check().forEach(e -> errors.add(new FieldError(e.code(), "QaItem." + e.path(),
                    "QaItem." + e.message())));
            if (answer.questionId() != null && id != null && !answer.questionId().equals(id)) {
                errors.add(new FieldError("mismatch", "QaItem.QaAnswer.HOIDAPID",
                        "QaItem.QaAnswer.HOIDAPID must be the question's HOIDAPID"));
            }
        }
        return List.copyOf(errors);
    }

    /**
     * This item, when it breaks no rule of {@link #check()}.
     *
     * @return this
     * @throws ValidationException listing every broken rule
     */
    public QaItem validated() {
        List<FieldError> errors = check();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return this;
    }

    /**
     * The wire form {@code {HOIDAPID, MaLinhVuc, NOIDUNG, MADONVI, TENDONVI}} and, when answered, the answer fields;
     * unset fields left out.
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return QaWire.write(this);
    }

    /**
     * Reads the wire form of one item, with hard limits on size and nesting; unknown fields are ignored; the
     * answer is read when {@code NOIDUNGTRALOI} or {@code NGAYTRALOI} is set.
     *
     * @param json the UTF-8 JSON bytes of one object
     * @return the value
     * @throws DossierFormatException when the bytes are not one object of this shape, naming the field
     */
    public static QaItem parse(byte[] json) {
        return QaWire.read(json);
    }

    /**
     * Reads an already parsed wire form (see {@link #parse(byte[])}).
     *
     * @param json the JSON object
     * @return the value
     * @throws DossierFormatException when the node is not an object of this shape, naming the field
     */
    public static QaItem parse(JsonNode json) {
        return QaWire.read(json, "QaItem");
    }

    /**
     * Reads a JSON array of items, as the list services return them; a broken element is named by its index, for
     * example {@code QaItem[3].HOIDAPID}.
     *
     * @param json the JSON array
     * @return the values, in order
     * @throws DossierFormatException when the node is not an array of objects of this shape
     */
    public static List<QaItem> parseAll(JsonNode json) {
        return QaWire.readAll(json);
    }

    private static void required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("required", "QaItem." + field, "QaItem." + field + " is required"));
        }
    }

    @Override
    public String toString() {
        // the question may carry personal data
        return "QaItem[HOIDAPID=" + id + ", MADONVI=" + agencyCode + ", answered=" + (answer != null) + "]";
    }

    /** Builds a {@link QaItem}; get one from {@link QaItem#builder()}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String fieldCode;
        private String question;
        private String agencyCode;
        private String agencyName;
        private QaAnswer answer;

        Builder() {
        }

        /** Sets {@code HOIDAPID}.
         * @param id the identifier, or {@code null} to unset
         * @return this builder */
        public Builder id(String id) { this.id = id; return this; }

        /** Sets {@code MaLinhVuc}.
         * @param fieldCode the field's code, or {@code null} to unset
         * @return this builder */
        public Builder fieldCode(String fieldCode) { this.fieldCode = fieldCode; return this; }

        /** Sets {@code NOIDUNG}, the question.
         * @param question the text, or {@code null} to unset
         * @return this builder */
        public Builder question(String question) { this.question = question; return this; }

        /** Sets {@code MADONVI}.
         * @param agencyCode the agency's code, or {@code null} to unset
         * @return this builder */
        public Builder agencyCode(String agencyCode) { this.agencyCode = agencyCode; return this; }

        /** Sets {@code TENDONVI}.
         * @param agencyName the agency's name, or {@code null} to unset
         * @return this builder */
        public Builder agencyName(String agencyName) { this.agencyName = agencyName; return this; }

        /** Sets the answer.
         * @param answer the answer, or {@code null} for none
         * @return this builder */
        public Builder answer(QaAnswer answer) { this.answer = answer; return this; }

        /**
         * The value; {@link QaItem#check()} tells whether it may be sent.
         *
         * @return a new immutable value
         */
        public QaItem build() {
            return new QaItem(id, fieldCode, question, agencyCode, agencyName, answer);
        }
    }
}
