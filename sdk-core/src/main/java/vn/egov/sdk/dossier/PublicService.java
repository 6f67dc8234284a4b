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
 * An online public service (dịch vụ công) of the national catalogue, as {@code LayDVC} lists it. Immutable.
 *
 * @param code {@code MADVC}
 * @param name {@code TENDVC}
 * @param procedureCode {@code MATTHC}: the procedure it serves
 * @param appliesOnline {@code APDUNGDVC}: whether (or at which level) it is offered online, as the portal's code
 * @param unknownFields the fields this type does not model, each as its JSON text, in the order received
 */
public record PublicService(String code, String name, String procedureCode, String appliesOnline,
        Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("MADVC", "TENDVC", "MATTHC", "APDUNGDVC");

    /**
     * Copies the unknown fields.
     *
     * @param code {@code MADVC}
     * @param name {@code TENDVC}
     * @param procedureCode {@code MATTHC}
     * @param appliesOnline {@code APDUNGDVC}
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when an unknown field is not JSON text or is a modelled one
     */
    public PublicService {
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "PublicService");
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
    public static PublicService parse(JsonNode json) {
        return CatalogueWire.service(json, "PublicService");
    }

    /**
     * Reads a JSON array, as {@code LayDVC} returns it.
     *
     * @param json the JSON array
     * @return the values, in order
     * @throws DossierFormatException when it is not an array of objects of this shape, naming the element
     */
    public static List<PublicService> parseAll(JsonNode json) {
        return CatalogueWire.all(json, "PublicService", CatalogueWire::service);
    }
}
