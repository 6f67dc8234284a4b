package vn.egov.sdk.examples.boot;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The dossier fees citizens owe and pay, in memory (a real application keeps them with its dossiers). A fee is
 * opened when the citizen starts paying, and marked paid or failed by {@link FeePaidListener} when the payment
 * platform's verified callback arrives.
 */
@Component
public class FeeBook {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    /** Where a fee stands. */
    public enum State {
        /** Sent to the payment platform; no verified result yet. */
        PENDING,
        /** The platform's verified callback says paid. */
        PAID,
        /** The platform's verified callback says the payment failed. */
        FAILED
    }

    /**
     * A dossier's fee.
     *
     * @param dossierCode the dossier ({@code H41.01-261207-0001})
     * @param citizen the citizen's account ({@code sub}) who owes it
     * @param amount the amount in VND
     * @param reference the payment's reference at the platform
     * @param state where it stands
     */
    public record Fee(String dossierCode, String citizen, long amount, String reference, State state) {
    }

    private final Map<String, Fee> byDossier = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * A new dossier code of this agency.
     *
     * @return {@code H41.01-yyMMdd-NNNN}
     */
    public String newDossierCode() {
        return "H41.01-" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DAY) + "-"
                + String.format("%04d", counter.incrementAndGet());
    }

    /**
     * Records a fee whose payment has started.
     *
     * @param fee the fee, {@link State#PENDING}
     */
    public void open(Fee fee) {
        byDossier.put(fee.dossierCode(), fee);
    }

    /**
     * Records a dossier's final payment result.
     *
     * @param dossierCode the dossier
     * @param paid whether it was paid
     * @return whether a fee of that dossier was known
     */
    public boolean settle(String dossierCode, boolean paid) {
        return byDossier.computeIfPresent(dossierCode, (code, fee) -> new Fee(code, fee.citizen(), fee.amount(),
                fee.reference(), paid ? State.PAID : State.FAILED)) != null;
    }

    /**
     * A dossier's fee.
     *
     * @param dossierCode the dossier
     * @return the fee, if one was opened
     */
    public Optional<Fee> find(String dossierCode) {
        return Optional.ofNullable(byDossier.get(dossierCode));
    }

    /**
     * A citizen's fees.
     *
     * @param citizen the citizen's account ({@code sub})
     * @return the fees, by dossier code
     */
    public List<Fee> of(String citizen) {
        return byDossier.values().stream().filter(f -> f.citizen().equals(citizen))
                .sorted((a, b) -> a.dossierCode().compareTo(b.dossierCode())).toList();
    }
}
