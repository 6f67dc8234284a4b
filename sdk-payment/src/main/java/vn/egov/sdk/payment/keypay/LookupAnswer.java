package vn.egov.sdk.payment.keypay;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.ValidationException;

/** What a {@link PaymentLookupSource} knows of a dossier's payment. */
public sealed interface LookupAnswer {

    /** The dossier is not known: answered {@code error_code -1}. */
    record UnknownDossier() implements LookupAnswer {
    }

    /** The dossier has nothing to pay: answered {@code error_code 0}. */
    record NothingToPay() implements LookupAnswer {
    }

    /** The dossier's payment is done: answered {@code error_code 0} too, as the portal expects. */
    record AlreadyPaid() implements LookupAnswer {
    }

    /**
     * The dossier has a payment to make: answered {@code error_code 1} with the bill info object.
     *
     * @param billInfo the bill info fields ({@code MaDichVu}, {@code MaDVC}, {@code MaHoSo}, …), wire names as keys
     * @param transactionId the {@code transaction_id} of the payment
     * @param clientId the {@code client_id}
     * @param decisionDate the decision date, written {@code NgayQD} as {@code yyyyMMdd}
     * @param dossierNumber the dossier number that starts {@code MaTraCuuTT}
     * @param lookupTime the time that ends {@code MaTraCuuTT} ({@code yyyyMMddHHmmss}, 24-hour)
     */
    record Bill(Map<String, Object> billInfo, String transactionId, String clientId, LocalDate decisionDate,
            String dossierNumber, LocalDateTime lookupTime) implements LookupAnswer {

        /**
         * Validates the components and copies the bill info.
         *
         * @param billInfo the bill info fields
         * @param transactionId the transaction id
         * @param clientId the client id
         * @param decisionDate the decision date
         * @param dossierNumber the dossier number
         * @param lookupTime the lookup code's time
         */
        public Bill {
            billInfo = Collections.unmodifiableMap(new LinkedHashMap<>(
                    ValidationException.requireNonNull(billInfo, "LookupAnswer.Bill.billInfo")));
            ValidationException.requireText(transactionId, "LookupAnswer.Bill.transactionId");
            ValidationException.requireText(clientId, "LookupAnswer.Bill.clientId");
            ValidationException.requireNonNull(decisionDate, "LookupAnswer.Bill.decisionDate");
            ValidationException.requireText(dossierNumber, "LookupAnswer.Bill.dossierNumber");
            ValidationException.requireNonNull(lookupTime, "LookupAnswer.Bill.lookupTime");
        }
    }

    /**
     * An unknown dossier.
     *
     * @return the answer
     */
    static LookupAnswer unknownDossier() {
        return new UnknownDossier();
    }

    /**
     * Nothing to pay.
     *
     * @return the answer
     */
    static LookupAnswer nothingToPay() {
        return new NothingToPay();
    }

    /**
     * Already paid.
     *
     * @return the answer
     */
    static LookupAnswer alreadyPaid() {
        return new AlreadyPaid();
    }
}
