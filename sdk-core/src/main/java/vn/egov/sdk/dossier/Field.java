package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.CatalogueWire;
import vn.egov.sdk.dossier.internal.RawFields;

/**
 * A field of administration (lĩnh vực) of the national catalogue, as {@code LayDanhMucLinhVuc} lists it and a
 * procedure's {@code LINHVUCTHUCHIEN} names it. Immutable.
 *
 * @param code {@code MALINHVUC}, for example {@code G03-GD10}
 * @param name {@code TENLINHVUC}
 * @param unknownFields the fields this type does not model, each as its JSON text, in the order received
 */
public record Field(String code, String name, Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("MALINHVUC", "TENLINHVUC");

    /**
     * Copies the unknown fields.
     *
     * @param code {@code MALINHVUC}
     * @param name {@code TENLINHVUC}
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when an unknown field is not JSON text or is a modelled one
     */
    public Field {
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "Field");
    }

    /**
     * A field with no other data.
     *
     * @param code {@code MALINHVUC}
     * @param name {@code TENLINHVUC}
     * @return the value
     */
    public static Field of(String code, String name) {
        return new Field(code, name, Map.of());
    }

    /**
     * The wire form, unknown fields included.
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return CatalogueWire.write(this);
    }

    /**
     * Reads one object's wire form.
     *
     * @param json the JSON object
     * @return the value
     * @throws DossierFormatException when it is not an object of this shape, naming the field
     */
    public static Field parse(JsonNode json) {
        return CatalogueWire.field(json, "Field");
    }

    /**
     * Reads a JSON array, as {@code LayDanhMucLinhVuc} returns it.
     *
     * @param json the JSON array
     * @return the values, in order
     * @throws DossierFormatException when it is not an array of objects of this shape, naming the element
     */
    public static List<Field> parseAll(JsonNode json) {
        return CatalogueWire.all(json, "Field", CatalogueWire::field);
    }
}
