package vn.egov.sdk.payment.keypay;

/**
 * The vendor's side of the national portal's payment lookup ({@code dptracuuthanhtoanhs}): what a dossier has to
 * pay. Called by {@link PaymentLookupHandler}; anything it throws becomes an {@code error_code -1} answer.
 */
@FunctionalInterface
public interface PaymentLookupSource {
    /**
     * What the dossier has to pay.
     *
     * @param dossierCode the dossier's code ({@code MaHoSo}), as the portal sent it
     * @return nothing to pay, already paid, or the bill; {@link LookupAnswer#unknownDossier()} when the dossier is
     *     not one of this province's
     */
    LookupAnswer lookup(String dossierCode);
}
