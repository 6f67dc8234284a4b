package vn.egov.sdk.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.dossier.internal.WireDates;

/**
 * A change of a dossier's national status, as the portal's {@code DongBoTrangThaiHoSo} service ({@code type:"2"})
 * takes it: {@code {MaHoSo, TrangThaiHoSo}}.
 *
 * @param dossierCode {@code MaHoSo}: the dossier's code
 * @param status {@code TrangThaiHoSo}: the new national status
 * @param changedAt when the vendor's system changed it; not sent (the service's record has no such field [INFERRED]),
 *        but part of the outbox key, so that a dossier going back to an earlier status is sent again; whole seconds
 */
public record DossierStatusChange(String dossierCode, DossierStatus status, Instant changedAt) {
    /**
     * Validates the components.
     *
     * @param dossierCode {@code MaHoSo}, non-blank
     * @param status the new status, non-null
     * @param changedAt when it changed, non-null
     * @throws ValidationException naming every missing component
     */
    public DossierStatusChange {
        List<FieldError> errors = new ArrayList<>();
        if (dossierCode == null || dossierCode.isBlank()) {
            errors.add(new FieldError("required", "DossierStatusChange.MaHoSo", "is required"));
        }
        if (status == null) {
            errors.add(new FieldError("required", "DossierStatusChange.TrangThaiHoSo",
                    "is required"));
        }
        if (changedAt == null) {
            errors.add(new FieldError("required", "DossierStatusChange.changedAt", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        changedAt = WireDates.seconds(changedAt);
    }

    /**
     * The wire form: {@code {"MaHoSo": …, "TrangThaiHoSo": "<code>"}}, text as given.
     *
     * @return a new JSON object, the caller's to change
     */
    public ObjectNode toWire() {
        return Json.mapper().createObjectNode().put("MaHoSo", dossierCode).put("TrangThaiHoSo", status.code());
    }
}
