package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated national catalogue: a few fictional but real-looking procedures (province code {@code H99}), their
 * online services, agencies, fields, and the questions citizens asked on the national portal. Read once from the
 * bundled {@code dvcqg-catalogue.json}; tests may add, replace and remove procedures ({@link #put}, {@link #remove})
 * until {@link #reset()}. Thread-safe; every value handed out is a copy.
 */
public final class DvcqgPortalCatalogue {

    private final JsonNode root;
    private final Map<String, ObjectNode> procedures = new LinkedHashMap<>();

    /** Reads the bundled catalogue. */
    public DvcqgPortalCatalogue() {
        try (InputStream in = DvcqgPortalCatalogue.class.getResourceAsStream("dvcqg-catalogue.json")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("dvcqg-catalogue.json is missing from the testkit"));
            }
            this.root = JsonCodec.tryParse(in.readAllBytes())
                    .orElseThrow(() -> new UncheckedIOException(new IOException("dvcqg-catalogue.json is not JSON")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reset();
    }

    /** Back to the bundled procedures. */
    public synchronized void reset() {
        procedures.clear();
        for (JsonNode p : root.get("procedures")) {
            procedures.put(p.path("MATTHC").asText(), ((ObjectNode) p).deepCopy());
        }
    }

    /**
     * Adds a procedure, or replaces the one with the same {@code MATTHC} in its place.
     *
     * @param procedure the procedure (copied), with a non-blank {@code MATTHC}
     * @return {@code true} when it replaced one
     */
    public synchronized boolean put(ObjectNode procedure) {
        return procedures.put(procedure.path("MATTHC").asText(), procedure.deepCopy()) != null;
    }

    /**
     * Removes a procedure.
     *
     * @param maTTHC its code
     * @return {@code true} when it was there
     */
    public synchronized boolean remove(String maTTHC) {
        return procedures.remove(maTTHC) != null;
    }

    /**
     * Every procedure ({@code LayDanhSachTTHC}).
     *
     * @return a copy of the list, upper-case wire keys
     */
    public synchronized ArrayNode procedures() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        procedures.values().forEach(p -> out.add(p.deepCopy()));
        return out;
    }

    /**
     * One procedure ({@code LayThuTuc}).
     *
     * @param maTTHC the procedure code
     * @return a copy, or empty when unknown
     */
    public synchronized Optional<ObjectNode> procedure(String maTTHC) {
        return Optional.ofNullable(procedures.get(maTTHC)).map(ObjectNode::deepCopy);
    }

    /**
     * The online services ({@code LayDVC}): {@code MADVC, TENDVC, MATTHC, APDUNGDVC} of each procedure.
     *
     * @return a new list
     */
    public synchronized ArrayNode services() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode p : procedures.values()) {
            ObjectNode s = out.addObject();
            for (String key : new String[] {"MADVC", "TENDVC", "MATTHC", "APDUNGDVC"}) {
                if (p.has(key)) {
                    s.set(key, p.get(key).deepCopy());
                }
            }
        }
        return out;
    }

    /**
     * The agencies ({@code LayDanhMucCoQuan}).
     *
     * @return a copy
     */
    public ArrayNode agencies() {
        return root.get("agencies").deepCopy();
    }

    /**
     * The fields ({@code LayDanhMucLinhVuc}).
     *
     * @return a copy
     */
    public ArrayNode fields() {
        return root.get("fields").deepCopy();
    }

    /**
     * The questions asked on the national portal that the sandbox starts with.
     *
     * @return a copy
     */
    public ArrayNode seededQuestions() {
        return root.get("questions").deepCopy();
    }
}
