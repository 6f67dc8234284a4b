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
 * An agency (cơ quan) of the national catalogue, as {@code LayDanhMucCoQuan} lists it. The key names are
 * [INFERRED] (not seen in public code): read whatever else the portal sends from {@link #unknownFields()}.
 * Immutable.
 *
 * @param code {@code MACOQUAN}, for example {@code H56.01}
 * @param name {@code TENCOQUAN}
 * @param unknownFields the fields this type does not model, each as its JSON text, in the order received
 */
public record Agency(String code, String name, Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("MACOQUAN", "TENCOQUAN");

    /**
     * Copies the unknown fields.
     *
     * @param code {@code MACOQUAN}
     * @param name {@code TENCOQUAN}
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when an unknown field is not JSON text or is a modelled one
     */
    public Agency {
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "Agency");
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
    public static Agency parse(JsonNode json) {
        return CatalogueWire.agency(json, "Agency");
    }

    /**
     * Reads a JSON array, as {@code LayDanhMucCoQuan} returns it.
     *
     * @param json the JSON array
     * @return the values, in order
     * @throws DossierFormatException when it is not an array of objects of this shape, naming the element
     */
    public static List<Agency> parseAll(JsonNode json) {
        return CatalogueWire.all(json, "Agency", CatalogueWire::agency);
    }
}
