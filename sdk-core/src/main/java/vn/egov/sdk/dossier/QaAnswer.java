package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.QaWire;
import vn.egov.sdk.dossier.internal.WireDates;

/**
 * An agency's answer to a citizen's question (câu trả lời), as the portal's {@code DongBoKetQuaHoiDapGuiTuDVCQG}
 * takes it and {@code LayNoiDungTraLoiTheoCauHoi} returns it. Immutable; send {@link #toWire()}, read back with
 * {@link #parse(JsonNode)}.
 *
 * @param questionId {@code HOIDAPID}: the question answered (required)
 * @param answererTitle {@code CHUCVUNGUOITRALOI}: the answering official's position
 * @param answeredAt {@code NGAYTRALOI}: when it was answered (required; {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh,
 *     the dossier services' date form, [INFERRED] for this service)
 * @param text {@code NOIDUNGTRALOI}: the answer (required)
 */
public record QaAnswer(String questionId, String answererTitle, Instant answeredAt, String text) {
    /**
     * Truncates the instant to whole seconds, the wire's precision.
     *
     * @param questionId {@code HOIDAPID}
     * @param answererTitle {@code CHUCVUNGUOITRALOI}
     * @param answeredAt {@code NGAYTRALOI}
     * @param text {@code NOIDUNGTRALOI}
     */
    public QaAnswer {
        answeredAt = WireDates.seconds(answeredAt);
    }

    /**
     * Every rule this answer breaks: {@code HOIDAPID}, {@code NGAYTRALOI} and {@code NOIDUNGTRALOI} required.
     *
     * @return the broken rules, each naming the wire field; empty when it may be sent
     */
    public List<FieldError> check() {
        List<FieldError> errors = new ArrayList<>();
        required(questionId, "HOIDAPID", errors);
        if (answeredAt == null) {
            errors.add(new FieldError("required", "QaAnswer.NGAYTRALOI", "QaAnswer.NGAYTRALOI is required"));
        }
        required(text, "NOIDUNGTRALOI", errors);
        return List.copyOf(errors);
    }

    /**
     * The wire form {@code {HOIDAPID, CHUCVUNGUOITRALOI, NGAYTRALOI, NOIDUNGTRALOI}}, unset fields left out.
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return QaWire.writeAnswer(this);
    }

    /**
     * Reads the answer fields of one object (a question with its answer, as {@code LayNoiDungTraLoiTheoCauHoi}
     * returns it); other fields are ignored.
     *
     * @param json the JSON object
     * @return the value
     * @throws DossierFormatException when the node is not an object of this shape, naming the field
     */
    public static QaAnswer parse(JsonNode json) {
        return QaWire.readAnswer(json, "QaAnswer");
    }

    static void required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("required", "QaAnswer." + field, "QaAnswer." + field + " is required"));
        }
    }

    /**
     * This answer, when it breaks no rule of {@link #check()}.
     *
     * @return this
     * @throws ValidationException listing every broken rule
     */
    public QaAnswer validated() {
        List<FieldError> errors = check();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return this;
    }

    @Override
    public String toString() {
        return "QaAnswer[HOIDAPID=" + questionId + ", answered=" + (answeredAt != null) + "]";
    }
}
