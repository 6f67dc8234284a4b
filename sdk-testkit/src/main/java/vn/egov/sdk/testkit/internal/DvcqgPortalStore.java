package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulated DVCQG portal holds: dossiers by {@code MaHoSo} (in order of arrival), each with its progress
 * history, the ratings and the questions and answers. Every method is synchronised; values handed out are copies.
 */
public final class DvcqgPortalStore {

    /**
     * One dossier as held.
     *
     * @param record the last {@code DongBoHoSoMC} record received, with later status changes merged in
     * @param history the {@code CapNhatTienDoHoSoMC} rows, in order of arrival
     * @param updates how many times the record was sent again as an update
     */
    public record Held(ObjectNode record, List<ObjectNode> history, int updates) {
    }

    private final Map<String, ObjectNode> dossiers = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> histories = new LinkedHashMap<>();
    private final Map<String, Integer> updates = new LinkedHashMap<>();
    private final List<ObjectNode> ratings = new ArrayList<>();
    private final Map<String, ObjectNode> questions = new LinkedHashMap<>();

    /**
     * Whether a dossier is held.
     *
     * @param maHoSo the code
     * @return {@code true} when held
     */
    public synchronized boolean contains(String maHoSo) {
        return dossiers.containsKey(maHoSo);
    }

    /**
     * Stores a new dossier or replaces one.
     *
     * @param maHoSo the code
     * @param record the record (copied)
     */
    public synchronized void put(String maHoSo, ObjectNode record) {
        if (dossiers.put(maHoSo, record.deepCopy()) != null) {
            updates.merge(maHoSo, 1, Integer::sum);
        }
    }

    /**
     * Merges fields (a status change) into a held dossier.
     *
     * @param maHoSo the code, which must be held
     * @param fields the fields to set
     */
    public synchronized void merge(String maHoSo, ObjectNode fields) {
        dossiers.get(maHoSo).setAll(fields.deepCopy());
    }

    /**
     * Appends a progress row to a held dossier's history.
     *
     * @param maHoSo the code
     * @param row the row (copied)
     */
    public synchronized void appendProgress(String maHoSo, ObjectNode row) {
        histories.computeIfAbsent(maHoSo, k -> new ArrayList<>()).add(row.deepCopy());
    }

    /**
     * One dossier.
     *
     * @param maHoSo the code
     * @return a copy, or empty when not held
     */
    public synchronized Optional<Held> find(String maHoSo) {
        ObjectNode record = dossiers.get(maHoSo);
        return record == null ? Optional.empty() : Optional.of(held(maHoSo, record));
    }

    /**
     * Every dossier, in order of arrival.
     *
     * @return copies
     */
    public synchronized List<Held> all() {
        List<Held> out = new ArrayList<>();
        dossiers.forEach((code, record) -> out.add(held(code, record)));
        return out;
    }

    private Held held(String code, ObjectNode record) {
        List<ObjectNode> rows = new ArrayList<>();
        histories.getOrDefault(code, List.of()).forEach(row -> rows.add(row.deepCopy()));
        return new Held(record.deepCopy(), List.copyOf(rows), updates.getOrDefault(code, 0));
    }

    /**
     * Records a monthly rating summary.
     *
     * @param rating the {@code DongBoDanhGia} item (copied)
     */
    public synchronized void addRating(ObjectNode rating) {
        ratings.add(rating.deepCopy());
    }

    /**
     * The rating summaries received.
     *
     * @return copies, in order of arrival
     */
    public synchronized List<ObjectNode> ratings() {
        List<ObjectNode> out = new ArrayList<>();
        ratings.forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    /**
     * Stores a question (or replaces one with the same {@code HOIDAPID}).
     *
     * @param id the {@code HOIDAPID}
     * @param question the item (copied)
     */
    public synchronized void putQuestion(String id, ObjectNode question) {
        questions.put(id, question.deepCopy());
    }

    /**
     * One question.
     *
     * @param id the {@code HOIDAPID}
     * @return a copy, or empty
     */
    public synchronized Optional<ObjectNode> question(String id) {
        return Optional.ofNullable(questions.get(id)).map(ObjectNode::deepCopy);
    }

    /**
     * The questions whose {@code NGUON} field equals a value.
     *
     * @param source {@code "DVCQG"} for questions asked on the national portal, {@code "COQUAN"} for the agency's
     * @return copies, in order of arrival
     */
    public synchronized List<ObjectNode> questionsFrom(String source) {
        List<ObjectNode> out = new ArrayList<>();
        questions.values().stream().filter(q -> source.equals(text(q, "NGUON")))
                .forEach(q -> out.add(q.deepCopy()));
        return out;
    }

    /** Forgets everything held. */
    public synchronized void clear() {
        dossiers.clear();
        histories.clear();
        updates.clear();
        ratings.clear();
        questions.clear();
    }

    /**
     * A field as text.
     *
     * @param node the object
     * @param field the field name
     * @return its text (numbers included), or {@code ""} when absent or null
     */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }
}
