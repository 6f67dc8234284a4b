package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.CatalogueWire;
import vn.egov.sdk.dossier.internal.ContentHash;
import vn.egov.sdk.dossier.internal.RawFields;

/**
 * An administrative procedure (thủ tục hành chính) of the national catalogue, as {@code LayThuTuc} returns it and
 * {@code LayDanhSachTTHC} lists it, upper-case wire keys. Fields this type does not model are kept as their JSON
 * text in {@link #unknownFields()} (and in each nested value's), so {@link #toWire()} gives back everything read.
 * Immutable.
 *
 * @param code {@code MATTHC}, for example {@code 1.003560.000.00.00.H56}
 * @param name {@code TENTTHC}
 * @param serviceCode {@code MADVC}: its online public service
 * @param serviceName {@code TENDVC}
 * @param issuingAgency {@code TENCOQUANBANHANH}: the agency that issued it
 * @param fieldName {@code TENLINHVUC}
 * @param fields {@code LINHVUCTHUCHIEN}: the fields it belongs to; never {@code null}
 * @param appliesOnline {@code APDUNGDVC}: whether (or at which level) it is offered online, as the portal's code
 * @param channels {@code CACHTHUCTHUCHIEN}: the ways of carrying it out; never {@code null}
 * @param cases {@code TRINHTUTHUCHIEN}: its steps, per case; never {@code null}
 * @param unknownFields the fields this type does not model, each as its JSON text, in the order received
 */
public record Procedure(
        String code,
        String name,
        String serviceCode,
        String serviceName,
        String issuingAgency,
        String fieldName,
        List<Field> fields,
        String appliesOnline,
        List<ProcedureChannel> channels,
        List<ProcedureCase> cases,
        Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("MATTHC", "TENTTHC", "MADVC", "TENDVC", "TENCOQUANBANHANH",
            "TENLINHVUC", "LINHVUCTHUCHIEN", "APDUNGDVC", "CACHTHUCTHUCHIEN", "TRINHTUTHUCHIEN");

    /**
     * Copies the lists and the unknown fields.
     *
     * @param code {@code MATTHC}
     * @param name {@code TENTTHC}
     * @param serviceCode {@code MADVC}
     * @param serviceName {@code TENDVC}
     * @param issuingAgency {@code TENCOQUANBANHANH}
     * @param fieldName {@code TENLINHVUC}
     * @param fields {@code LINHVUCTHUCHIEN}, or {@code null} for none
     * @param appliesOnline {@code APDUNGDVC}
     * @param channels {@code CACHTHUCTHUCHIEN}, or {@code null} for none
     * @param cases {@code TRINHTUTHUCHIEN}, or {@code null} for none
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when a list holds a {@code null} or an unknown field is not JSON text
     */
    public Procedure {
        fields = copy(fields, "Procedure.fields");
        channels = copy(channels, "Procedure.channels");
        cases = copy(cases, "Procedure.cases");
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "Procedure");
    }

    /**
     * A builder with every field unset, for a vendor's own tests and fixtures.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this value's fields, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().code(code).name(name).serviceCode(serviceCode).serviceName(serviceName)
                .issuingAgency(issuingAgency).fieldName(fieldName).fields(fields).appliesOnline(appliesOnline)
                .channels(channels).cases(cases).unknownFields(unknownFields);
    }

    /**
     * The wire form: modelled fields in the portal's order, then the unknown ones.
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return CatalogueWire.write(this);
    }

    /**
     * A hash of the content (SHA-256 of the wire form with keys sorted and text in NFC, hex): equal for two reads of
     * an unchanged procedure however the portal orders its keys or normalises its Vietnamese text, different when
     * any field, modelled or not, changed.
     *
     * @return 64 hex digits
     */
    public String contentHash() {
        return ContentHash.of(toWire());
    }

    /**
     * Reads one procedure's wire form from bytes, with hard limits on size and nesting.
     *
     * @param json the UTF-8 JSON bytes of one object
     * @return the value
     * @throws DossierFormatException when the bytes are not one object of this shape, naming the field
     */
    public static Procedure parse(byte[] json) {
        return CatalogueWire.procedure(json);
    }

    /**
     * Reads one procedure's wire form.
     *
     * @param json the JSON object
     * @return the value
     * @throws DossierFormatException when it is not an object of this shape, naming the field
     */
    public static Procedure parse(JsonNode json) {
        return CatalogueWire.procedure(json, "Procedure");
    }

    /**
     * Reads a JSON array, as {@code LayDanhSachTTHC} returns it.
     *
     * @param json the JSON array
     * @return the values, in order
     * @throws DossierFormatException when it is not an array of objects of this shape, naming the element
     */
    public static List<Procedure> parseAll(JsonNode json) {
        return CatalogueWire.all(json, "Procedure", CatalogueWire::procedure);
    }

    @Override
    public String toString() {
        return "Procedure[MATTHC=" + code + ", TENTTHC=" + name + "]";
    }

    private static <T> List<T> copy(List<T> values, String path) {
        return values == null ? List.of() : List.copyOf(ValidationException.requireElements(values, path));
    }

    /** Builds a {@link Procedure}; get one from {@link Procedure#builder()}. Not thread-safe. */
    public static final class Builder {
        private String code;
        private String name;
        private String serviceCode;
        private String serviceName;
        private String issuingAgency;
        private String fieldName;
        private List<Field> fields;
        private String appliesOnline;
        private List<ProcedureChannel> channels;
        private List<ProcedureCase> cases;
        private Map<String, String> unknownFields;

        Builder() {
        }

        /** Sets {@code MATTHC}.
         * @param code the code, or {@code null} to unset
         * @return this builder */
        public Builder code(String code) { this.code = code; return this; }

        /** Sets {@code TENTTHC}.
         * @param name the name, or {@code null} to unset
         * @return this builder */
        public Builder name(String name) { this.name = name; return this; }

        /** Sets {@code MADVC}.
         * @param serviceCode the code, or {@code null} to unset
         * @return this builder */
        public Builder serviceCode(String serviceCode) { this.serviceCode = serviceCode; return this; }

        /** Sets {@code TENDVC}.
         * @param serviceName the name, or {@code null} to unset
         * @return this builder */
        public Builder serviceName(String serviceName) { this.serviceName = serviceName; return this; }

        /** Sets {@code TENCOQUANBANHANH}.
         * @param issuingAgency the name, or {@code null} to unset
         * @return this builder */
        public Builder issuingAgency(String issuingAgency) { this.issuingAgency = issuingAgency; return this; }

        /** Sets {@code TENLINHVUC}.
         * @param fieldName the name, or {@code null} to unset
         * @return this builder */
        public Builder fieldName(String fieldName) { this.fieldName = fieldName; return this; }

        /** Sets {@code LINHVUCTHUCHIEN}.
         * @param fields the fields, or {@code null} for none
         * @return this builder */
        public Builder fields(List<Field> fields) { this.fields = fields; return this; }

        /** Sets {@code APDUNGDVC}.
         * @param appliesOnline the portal's code, or {@code null} to unset
         * @return this builder */
        public Builder appliesOnline(String appliesOnline) { this.appliesOnline = appliesOnline; return this; }

        /** Sets {@code CACHTHUCTHUCHIEN}.
         * @param channels the ways of carrying it out, or {@code null} for none
         * @return this builder */
        public Builder channels(List<ProcedureChannel> channels) { this.channels = channels; return this; }

        /** Sets {@code TRINHTUTHUCHIEN}.
         * @param cases the steps per case, or {@code null} for none
         * @return this builder */
        public Builder cases(List<ProcedureCase> cases) { this.cases = cases; return this; }

        /** Sets the fields this type does not model.
         * @param unknownFields each as JSON text, or {@code null} for none
         * @return this builder */
        public Builder unknownFields(Map<String, String> unknownFields) { this.unknownFields = unknownFields; return this; }

        /**
         * The value.
         *
         * @return a new immutable value
         * @throws ValidationException when a list holds a {@code null} or an unknown field is not JSON text or is a
         *     modelled one
         */
        public Procedure build() {
            return new Procedure(code, name, serviceCode, serviceName, issuingAgency, fieldName, fields,
                    appliesOnline, channels, cases, unknownFields);
        }
    }
}
