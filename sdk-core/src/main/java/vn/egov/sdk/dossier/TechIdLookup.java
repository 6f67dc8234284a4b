package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.Json;

/**
 * Looks up a citizen's or an enterprise's DVCQG {@code TechID} (the stable technical id accounts and
 * {@code MaDoiTuong} are keyed on) by ID number, through the adapter's {@code TraCuuTechID} service.
 *
 * <pre>{@code
 * TechIdLookup lookup = TechIdLookup.of(dvcqg);
 * Optional<String> techId = lookup.techId("001090000001");
 * }</pre>
 *
 * <h2>Wire</h2>
 * {@code {session, madonvi, service:"TraCuuTechID", provider:"wso2is", mstorcmnd:<ID number or tax code>}} on the
 * integration endpoint, answered by {@code {error_code, message, result:[{TECHNICALID, …}]}} (OpenCPS). What is
 * [INFERRED], and so configurable on the {@link Builder}: that a 12-digit personal ID number ({@code SoDinhDanh})
 * is accepted in the field named for a tax code or a 9-digit CMND; that an unknown number answers an empty
 * {@code result} (a refusal code can be declared {@linkplain Builder#notFoundCodes "not found"} instead); and that a
 * single object {@code result} may replace the one-element array. The field names themselves were seen in code.
 *
 * <p>The ID number is never put in a message or a log by this class. Thread-safe when the client is.
 */
public final class TechIdLookup {
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final int MAX_TECH_ID = 128;

    private final DvcqgAdapterClient adapter;
    private final String provider;
    private final String requestField;
    private final String resultField;
    private final Set<String> notFoundCodes;

    private TechIdLookup(Builder b) {
        this.adapter = b.adapter;
        this.provider = b.provider;
        this.requestField = b.requestField;
        this.resultField = b.resultField;
        this.notFoundCodes = Set.copyOf(b.notFoundCodes);
    }

    /**
     * A lookup with the wire names seen in code ({@code provider "wso2is"}, {@code mstorcmnd},
     * {@code TECHNICALID}).
     *
     * @param adapter the adapter client
     * @return the lookup
     * @throws ValidationException when {@code adapter} is null
     */
    public static TechIdLookup of(DvcqgAdapterClient adapter) {
        return builder(adapter).build();
    }

    /**
     * A builder starting from the wire names seen in code.
     *
     * @param adapter the adapter client
     * @return the builder
     * @throws ValidationException when {@code adapter} is null
     */
    public static Builder builder(DvcqgAdapterClient adapter) {
        return new Builder(ValidationException.requireNonNull(adapter, "TechIdLookup.adapter"));
    }

    /**
     * The TechID of the person or organisation with this ID number.
     *
     * @param idNumber the 12-digit personal ID number, the 9-digit CMND or the tax code ({@code MaSoThue})
     * @return the TechID, or empty when the portal knows no account with that number
     * @throws ValidationException for a blank number or one with characters other than letters, digits and
     *         {@code -} (at most 20); nothing is sent
     * @throws AdapterException of fault CALLER when the portal refuses, of fault PLATFORM when its answer has no
     *         usable TechID, else as {@link DvcqgAdapterClient#call(String, ObjectNode)}
     */
    public Optional<String> techId(String idNumber) {
        ValidationException.requireText(idNumber, "idNumber");
        if (!ID_NUMBER.matcher(idNumber.trim()).matches()) {
            throw ValidationException.of("dvcqg.idNumber.format", "idNumber",
                    "idNumber must be 1 to 20 letters, digits or '-' (an ID number or a tax code)");
        }
        ObjectNode fields = Json.mapper().createObjectNode().put("provider", provider)
                .put(requestField, idNumber.trim());
        AdapterReply reply = adapter.call(DvcqgAdapterClient.LOOKUP_TECH_ID, fields, true);
        if (!reply.success() && notFoundCodes.contains(reply.errorCode())) {
            return Optional.empty();
        }
        JsonNode result = reply.orThrow().result();
        JsonNode first = result.isArray() ? result.path(0) : result;
        if (first.isMissingNode() || first.isNull()) {
            return Optional.empty();
        }
        JsonNode value = field(first);
        if (value == null || !(value.isTextual() || value.isIntegralNumber()) || value.asText().isBlank()
                || value.asText().length() > MAX_TECH_ID) {
            throw new AdapterException("the DVCQG adapter answered " + DvcqgAdapterClient.LOOKUP_TECH_ID
                    + " without a usable " + resultField + " in its result", ErrorDetails.of(Fault.PLATFORM, false),
                    null, DvcqgAdapterClient.LOOKUP_TECH_ID, reply, false);
        }
        return Optional.of(value.asText().trim());
    }

    /** The result field, by its exact name, else ignoring case. */
    private JsonNode field(JsonNode item) {
        if (!item.isObject()) {
            return null;
        }
        if (item.has(resultField)) {
            return item.get(resultField);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(resultField)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "TechIdLookup[" + adapter + ", provider=" + provider + ", " + requestField + " -> " + resultField + "]";
    }

    /** Builder of {@link TechIdLookup}; the defaults are the wire names seen in code. Not thread-safe. */
    public static final class Builder {
        private final DvcqgAdapterClient adapter;
        private String provider = "wso2is";
        private String requestField = "mstorcmnd";
        private String resultField = "TECHNICALID";
        private final Set<String> notFoundCodes = new LinkedHashSet<>();

        private Builder(DvcqgAdapterClient adapter) {
            this.adapter = adapter;
        }

        /**
         * The {@code provider} value (default {@code wso2is}, the portal's identity server).
         *
         * @param value a non-blank value
         * @return this builder
         */
        public Builder provider(String value) {
            this.provider = ValidationException.requireText(value, "TechIdLookup.provider");
            return this;
        }

        /**
         * The request field carrying the ID number (default {@code mstorcmnd}).
         *
         * @param value a non-blank field name, not {@code session}, {@code madonvi}, {@code service} or
         *        {@code provider}
         * @return this builder
         */
        public Builder requestField(String value) {
            ValidationException.requireText(value, "TechIdLookup.requestField");
            if (Set.of("session", "madonvi", "service", "provider").contains(value)) {
                throw ValidationException.of("dvcqg.techId.requestField", "TechIdLookup.requestField",
                        "requestField must not be an envelope field or provider");
            }
            this.requestField = value;
            return this;
        }

        /**
         * The field of each {@code result} item holding the TechID (default {@code TECHNICALID}; matched exactly,
         * else ignoring case).
         *
         * @param value a non-blank field name
         * @return this builder
         */
        public Builder resultField(String value) {
            this.resultField = ValidationException.requireText(value, "TechIdLookup.resultField");
            return this;
        }

        /**
         * The {@code error_code} values that mean "no account with that number" rather than a refusal (default
         * none: an empty {@code result} means it [INFERRED]).
         *
         * @param codes the codes
         * @return this builder
         */
        public Builder notFoundCodes(String... codes) {
            ValidationException.requireNonNull(codes, "TechIdLookup.notFoundCodes");
            notFoundCodes.clear();
            for (String c : codes) {
                notFoundCodes.add(ValidationException.requireText(c, "TechIdLookup.notFoundCodes").trim());
            }
            return this;
        }

        /**
         * Builds the lookup.
         *
         * @return the lookup
         */
        public TechIdLookup build() {
            return new TechIdLookup(this);
        }
    }
}
