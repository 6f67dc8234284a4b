package vn.egov.sdk.payment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;

/**
 * What a citizen is asked to pay: the dossier it is for, the amount in whole VND, a description and the payer.
 * The merchant reference is not part of the order: the gateway client fixes it and records it in its
 * {@link PaymentStore} before the first attempt, so that a retried creation reuses it. Immutable.
 *
 * @param dossierCode the dossier's code ({@code MaHoSo}), required
 * @param amount the amount in whole VND, above 0 (a client refuses amounts above its configured cap)
 * @param description what the payment is for ({@code ThongTinGiaoDich}, {@code description}, {@code orderInfo})
 * @param payer who pays, if known
 * @param returnUrl where the payer's browser comes back to after paying, if the system takes one
 */
public record PaymentOrder(String dossierCode, long amount, String description, Optional<Payer> payer,
        Optional<URI> returnUrl) {

    /**
     * Validates the components.
     *
     * @param dossierCode the dossier's code, required
     * @param amount the amount in whole VND, above 0
     * @param description what the payment is for, required
     * @param payer who pays, if known
     * @param returnUrl where the payer's browser comes back to, if any
     * @throws ValidationException naming every field that breaks a rule
     */
    public PaymentOrder {
        List<FieldError> errors = new ArrayList<>();
        if (dossierCode == null || dossierCode.isBlank()) {
            errors.add(new FieldError("required", "PaymentOrder.dossierCode", "the dossier code is required"));
        }
        if (amount <= 0) {
            errors.add(new FieldError("positive", "PaymentOrder.amount",
                    "the amount must be a whole number of VND above 0, was " + amount));
        }
        if (description == null || description.isBlank()) {
            errors.add(new FieldError("required", "PaymentOrder.description", "the description is required"));
        }
        if (payer == null) {
            errors.add(new FieldError("required", "PaymentOrder.payer", "payer must be an Optional, not null"));
        }
        if (returnUrl == null) {
            errors.add(new FieldError("required", "PaymentOrder.returnUrl", "returnUrl must be an Optional, not null"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * An order with no payer and no return URL.
     *
     * @param dossierCode the dossier's code
     * @param amount the amount in whole VND
     * @param description what the payment is for
     * @return the order
     */
    public static PaymentOrder of(String dossierCode, long amount, String description) {
        return new PaymentOrder(dossierCode, amount, description, Optional.empty(), Optional.empty());
    }

    /**
     * A copy with the payer.
     *
     * @param value who pays
     * @return the copy
     */
    public PaymentOrder withPayer(Payer value) {
        return new PaymentOrder(dossierCode, amount, description,
                Optional.of(ValidationException.requireNonNull(value, "PaymentOrder.payer")), returnUrl);
    }

    /**
     * A copy with the return URL.
     *
     * @param value where the payer's browser comes back to
     * @return the copy
     */
    public PaymentOrder withReturnUrl(URI value) {
        return new PaymentOrder(dossierCode, amount, description, payer,
                Optional.of(ValidationException.requireNonNull(value, "PaymentOrder.returnUrl")));
    }
}
