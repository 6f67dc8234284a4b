package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The simulated national catalogue: a few fictional but real-looking procedures (province code {@code H99}), their
 * online services, agencies, fields, and the questions citizens asked on the national portal. Read once from the
 * bundled {@code dvcqg-catalogue.json}; immutable (every value handed out is a copy).
 */
public final class DvcqgPortalCatalogue {

    private final JsonNode root;

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
    }

    /**
     * Every procedure ({@code LayDanhSachTTHC}).
     *
     * @return a copy of the list, upper-case wire keys
     */
    public ArrayNode procedures() {
        return root.get("procedures").deepCopy();
    }

    /**
     * One procedure ({@code LayThuTuc}).
     *
     * @param maTTHC the procedure code
     * @return a copy, or empty when unknown
     */
    public Optional<ObjectNode> procedure(String maTTHC) {
        for (JsonNode p : root.get("procedures")) {
            if (p.path("MATTHC").asText().equals(maTTHC)) {
                return Optional.of(((ObjectNode) p).deepCopy());
            }
        }
        return Optional.empty();
    }

    /**
     * The online services ({@code LayDVC}): {@code MADVC, TENDVC, MATTHC, APDUNGDVC} of each procedure.
     *
     * @return a new list
     */
    public ArrayNode services() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode p : root.get("procedures")) {
            ObjectNode s = out.addObject();
            for (String key : new String[] {"MADVC", "TENDVC", "MATTHC", "APDUNGDVC"}) {
                s.set(key, p.get(key).deepCopy());
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
