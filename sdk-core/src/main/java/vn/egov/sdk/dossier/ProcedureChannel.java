package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.RawFields;

/**
 * One way of carrying out a procedure (cách thức thực hiện), an element of {@code CACHTHUCTHUCHIEN}.
 *
 * @param channel {@code KENH}: the channel's code as the portal sends it (its code list is not public)
 * @param timings {@code THOIGIAN}: durations and fees; never {@code null}
 * @param unknownFields the fields this type does not model, each as its JSON text
 */
public record ProcedureChannel(String channel, List<ProcedureTiming> timings, Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("KENH", "THOIGIAN");

    /**
     * Copies the lists.
     *
     * @param channel {@code KENH}
     * @param timings {@code THOIGIAN}, or {@code null} for none
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when a list holds a {@code null} or an unknown field is not JSON text
     */
    public ProcedureChannel {
        timings = timings == null ? List.of()
                : List.copyOf(ValidationException.requireElements(timings, "ProcedureChannel.timings"));
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "ProcedureChannel");
    }
}
