package vn.egov.sdk.dossier.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import vn.egov.sdk.dossier.DeliveryMethod;
import vn.egov.sdk.dossier.DossierStatus;
import vn.egov.sdk.dossier.SubjectType;
import vn.egov.sdk.dossier.SubmissionChannel;

/** Writes wire fields in call order, leaving out what is not set; codes, flags and dates go as text. */
public final class WireWriter {
    private final WireFields fields;
    private final ObjectNode node;

    /** A writer for an object of a few fields. */
    public WireWriter() {
        this(12);
    }

    /**
     * A writer for an object of up to {@code fields} fields (more still fit): the node's fields are held in
     * {@link WireFields}, sized once, each name appended without hashing.
     */
    public WireWriter(int fields) {
        this.fields = new WireFields(fields);
        node = new ObjectNode(JsonNodeFactory.instance, this.fields);
    }

    /** The object written so far. */
    public ObjectNode node() {
        return node;
    }

    /** A text field. */
    public void text(String name, String value) {
        if (value != null) {
            fields.append(name, JsonNodeFactory.instance.textNode(value));
        }
    }

    /** A date field. */
    public void date(String name, Instant value) {
        if (value != null) {
            fields.append(name, JsonNodeFactory.instance.textNode(WireDates.format(value)));
        }
    }

    /** A {@code 0}/{@code 1} flag. */
    public void flag(String name, Boolean value) {
        if (value != null) {
            text(name, value ? "1" : "0");
        }
    }

    /** A {@code True}/{@code False} flag. */
    public void trueFalse(String name, Boolean value) {
        if (value != null) {
            text(name, value ? "True" : "False");
        }
    }

    /** A status code. */
    public void status(String name, DossierStatus value) {
        text(name, value == null ? null : value.code());
    }

    /** A subject type code. */
    public void subjectType(String name, SubjectType value) {
        text(name, value == null ? null : value.code());
    }

    /** A delivery method code. */
    public void delivery(String name, DeliveryMethod value) {
        text(name, value == null ? null : value.code());
    }

    /** A submission channel code. */
    public void channel(String name, SubmissionChannel value) {
        text(name, value == null ? null : value.code());
    }

    /** A list of objects, left out when empty. */
    public <T> void list(String name, List<T> values, Function<T, ObjectNode> writer) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(values.size());
            fields.append(name, array);
            for (T v : values) {
                array.add(writer.apply(v));
            }
        }
    }
}
