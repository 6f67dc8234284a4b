package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.CataloguePager;

/**
 * Citizens' feedback through a {@link DvcqgAdapterClient}: monthly satisfaction ratings ({@code DongBoDanhGia}) and
 * questions and answers in both directions — the agency's questions pushed with {@code DongBoHoiDap}, the questions
 * asked on the national portal listed with {@code LayDanhSachHoiDapGuiTuDVCQG} and answered with
 * {@code DongBoKetQuaHoiDapGuiTuDVCQG}, the agencies' questions listed with {@code LayDanhSachHoiDapBoCoQuan}, one
 * question's answer read with {@code LayNoiDungTraLoiTheoCauHoi}.
 *
 * <p>Pushes check every value first and throw one {@link ValidationException} naming every broken rule (for example
 * {@code ratings[2].RatingSummary.Madonvi}) before anything is sent; they return the portal's reply, refusals
 * included, and are not repeated by the client (the portal may count them twice). Reads throw an
 * {@link AdapterException} of fault CALLER when the portal refuses. The list services are called without parameters
 * (any filter they take is not documented). Thread-safe; it does not own the adapter client.
 */
public final class DvcqgFeedbackClient {
    /** Service: list the questions asked on the national portal. */
    public static final String QUESTIONS_FROM_PORTAL = "LayDanhSachHoiDapGuiTuDVCQG";
    /** Service: list the agencies' questions. */
    public static final String QUESTIONS_FROM_AGENCIES = "LayDanhSachHoiDapBoCoQuan";
    /** Service: one question with its answer ({@code HOIDAPID}). */
    public static final String ANSWER = "LayNoiDungTraLoiTheoCauHoi";
    /** Service: push answers to questions asked on the national portal. */
    public static final String PUSH_ANSWERS = "DongBoKetQuaHoiDapGuiTuDVCQG";

    private final DvcqgAdapterClient adapter;

    /**
     * A client over an adapter client.
     *
     * @param adapter the adapter client that carries the calls
     * @throws ValidationException when {@code adapter} is {@code null}
     */
    public DvcqgFeedbackClient(DvcqgAdapterClient adapter) {
        this.adapter = ValidationException.requireNonNull(adapter, "adapter");
    }

    /**
     * Pushes monthly rating summaries ({@value DvcqgAdapterClient#PUSH_RATINGS}).
     *
     * @param ratings the summaries, at least one, each passing {@link RatingSummary#check()}
     * @return the reply, successful or not
     * @throws ValidationException for an empty list, a {@code null} or any broken rule, naming each
     * @throws AdapterException as {@link DvcqgAdapterClient#call}
     */
    public AdapterReply pushRatings(List<RatingSummary> ratings) {
        return adapter.pushRatings(wire(ratings, "ratings", RatingSummary::check, RatingSummary::toWire));
    }

    /**
     * Pushes the agency's questions, with their answers when answered
     * ({@value DvcqgAdapterClient#PUSH_QUESTIONS}).
     *
     * @param items the questions, at least one, each passing {@link QaItem#check()}
     * @return the reply, successful or not
     * @throws ValidationException for an empty list, a {@code null} or any broken rule, naming each
     * @throws AdapterException as {@link DvcqgAdapterClient#call}
     */
    public AdapterReply pushQuestions(List<QaItem> items) {
        return adapter.pushQuestions(wire(items, "items", QaItem::check, QaItem::toWire));
    }

    /**
     * Pushes answers to questions asked on the national portal ({@value #PUSH_ANSWERS}); not repeated.
     *
     * @param answers the answers, at least one, each passing {@link QaAnswer#check()}
     * @return the reply, successful or not
     * @throws ValidationException for an empty list, a {@code null} or any broken rule, naming each
     * @throws AdapterException as {@link DvcqgAdapterClient#call}
     */
    public AdapterReply pushAnswers(List<QaAnswer> answers) {
        List<ObjectNode> rows = wire(answers, "answers", QaAnswer::check, QaAnswer::toWire);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        ArrayNode data = fields.putArray("data");
        rows.forEach(data::add);
        return adapter.call(PUSH_ANSWERS, fields, false);
    }

    /**
     * The questions citizens asked on the national portal ({@value #QUESTIONS_FROM_PORTAL}).
     *
     * @return the questions, with their answers when answered
     * @throws AdapterException when the portal refuses or fails
     * @throws DossierFormatException when the result is not a list of questions
     */
    public List<QaItem> questionsFromPortal() {
        return list(QUESTIONS_FROM_PORTAL);
    }

    /**
     * The agencies' questions ({@value #QUESTIONS_FROM_AGENCIES}).
     *
     * @return the questions, with their answers when answered
     * @throws AdapterException when the portal refuses or fails
     * @throws DossierFormatException when the result is not a list of questions
     */
    public List<QaItem> questionsFromAgencies() {
        return list(QUESTIONS_FROM_AGENCIES);
    }

    /**
     * The answer to one question ({@value #ANSWER}, {@code HOIDAPID}; the request field's name is [INFERRED]).
     *
     * @param questionId the question's {@code HOIDAPID}
     * @return the answer, or empty when the question is not answered yet
     * @throws ValidationException when the id is blank
     * @throws AdapterException of fault CALLER when the portal refuses (an unknown question), else when it fails
     * @throws DossierFormatException when the result is not a question
     */
    public Optional<QaAnswer> answer(String questionId) {
        ValidationException.requireText(questionId, "questionId");
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("HOIDAPID", questionId);
        return QaItem.parse(adapter.call(ANSWER, fields, true).orThrow().result()).answered();
    }

    private List<QaItem> list(String service) {
        ArrayNode items = CataloguePager.elements(service,
                adapter.call(service, JsonNodeFactory.instance.objectNode(), true).orThrow().result());
        return QaItem.parseAll(items);
    }

    private static <T> List<ObjectNode> wire(List<T> values, String name, Function<T, List<FieldError>> check,
            Function<T, ObjectNode> writer) {
        ValidationException.requireElements(values, name);
        if (values.isEmpty()) {
            throw ValidationException.of("dvcqg." + name + ".empty", name, name + " must hold at least one item");
        }
        List<FieldError> errors = new ArrayList<>();
        List<ObjectNode> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String prefix = name + "[" + i + "].";
            check.apply(values.get(i)).forEach(e -> errors.add(new FieldError(e.code(), prefix + e.path(),
                    prefix + e.message())));
            out.add(writer.apply(values.get(i)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }

    @Override
    public String toString() {
        return "DvcqgFeedbackClient[" + adapter + "]";
    }
}
