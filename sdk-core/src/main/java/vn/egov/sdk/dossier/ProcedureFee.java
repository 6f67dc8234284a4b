package vn.egov.sdk.dossier;

import java.util.Map;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.RawFields;

/**
 * A fee or charge (phí, lệ phí) of a way of carrying out a procedure, an element of {@code PHILEPHI}. Its key names
 * are [INFERRED] (public code shows only {@code PHILEPHI[…]}); the rest stays in {@link #unknownFields()}.
 *
 * @param code {@code MAPHILEPHI}
 * @param name {@code TENPHILEPHI}
 * @param amount {@code SOTIEN}: the amount in đồng, as the portal's text
 * @param unknownFields the fields this type does not model, each as its JSON text
 */
public record ProcedureFee(String code, String name, String amount, Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("MAPHILEPHI", "TENPHILEPHI", "SOTIEN");

    /**
     * Copies the unknown fields.
     *
     * @param code {@code MAPHILEPHI}
     * @param name {@code TENPHILEPHI}
     * @param amount {@code SOTIEN}
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when an unknown field is not JSON text or is a modelled one
     */
    public ProcedureFee {
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "ProcedureFee");
    }
}
