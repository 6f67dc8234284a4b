package vn.egov.sdk.dossier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.RawFields;

/**
 * The steps of a procedure in one case (trình tự thực hiện), an element of {@code TRINHTUTHUCHIEN}.
 *
 * @param situation {@code TRUONGHOP}: the case, for example "Nộp trực tuyến"
 * @param steps the {@code TENTRINHTU} of each element of {@code TRINHTU}, in order; never {@code null}
 * @param unknownFields the fields of the case this type does not model, each as its JSON text
 */
public record ProcedureCase(String situation, List<String> steps, Map<String, String> unknownFields) {
    /** The wire names this type models. */
    public static final Set<String> WIRE_NAMES = Set.of("TRUONGHOP", "TRINHTU");

    /**
     * Copies the lists.
     *
     * @param situation {@code TRUONGHOP}
     * @param steps the step names, or {@code null} for none
     * @param unknownFields the other fields as JSON text, or {@code null} for none
     * @throws ValidationException when a list holds a {@code null} or an unknown field is not JSON text
     */
    public ProcedureCase {
        steps = steps == null ? List.of() : List.copyOf(ValidationException.requireElements(steps, "ProcedureCase.steps"));
        unknownFields = RawFields.copy(unknownFields, WIRE_NAMES, "ProcedureCase");
    }
}
