package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.RawFields;

/**
 * How long a way of carrying out a procedure takes and what it costs, an element of {@code THOIGIAN}. The
 * duration's key names are [INFERRED] (public code shows only {@code THOIGIAN[{…, PHILEPHI[…]}]}); the rest stays in
 * {@link #unknownFields()}.
 *
 * @param duration {@code THOIGIANGIAIQUYET}: the time to resolve, as the portal's text
 * @param unit {@code DONVITINH}: its unit, for example "Ngày làm việc"
 * @param fees {@code PHILEPHI}: the fees and charges; never {@code null}
 * @param unknownFields the fields this type does not model, each as its JSON text
 */
public record ProcedureTiming(String duration, String unit, List<ProcedureFee> fees,
        Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("THOIGIANGIAIQUYET", "DONVITINH", "PHILEPHI");

    /**
     * Copies the lists.
     *
     * @param duration {@code THOIGIANGIAIQUYET}
     * @param unit {@code DONVITINH}
     * @param fees {@code PHILEPHI}, or {@code null} for none
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when a list holds a {@code null} or an unknown field is not JSON text
     */
    public ProcedureTiming {
        fees = fees == null ? List.of() : List.copyOf(ValidationException.requireElements(fees, "ProcedureTiming.fees"));
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "ProcedureTiming");
    }
}
