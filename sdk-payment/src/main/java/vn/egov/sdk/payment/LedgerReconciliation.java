package vn.egov.sdk.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.internal.CsvText;

/**
 * Compares the vendor's ledger with the payment system's list of transactions (đối soát) and reports every
 * difference as a typed {@link Mismatch}: a payment missing on either side, a different amount, a different state,
 * a reference listed twice. Records and transactions are matched on the merchant reference, so both lists must be
 * of one {@link PaymentSystem}. {@link PaymentState#FAILED} and {@link PaymentState#EXPIRED} count as the same
 * state (no money taken) since a system may not distinguish them; every other pair of different states is a
 * {@link MismatchKind#STATUS} mismatch.
 *
 * <pre>{@code
 * List<PlatformTransaction> platform = PlatformTransactionCsv.withDefaults().read(in);
 * ReconciliationReport report = LedgerReconciliation.compareDay(store, PaymentSystem.DVCQG_PAYMENT_PLATFORM,
 *         LocalDate.of(2026, 12, 6), platform);
 * report.writeCsv(out);
 * }</pre>
 */
public final class LedgerReconciliation {
    /** The zone that bounds a day: Asia/Ho_Chi_Minh. */
    public static final ZoneId ZONE = CsvText.ZONE;

    private LedgerReconciliation() {
    }

    /**
     * Compares two lists as they are.
     *
     * @param ledger the vendor's records
     * @param platform the system's transactions
     * @return the report, without a day
     * @throws ValidationException when a list or an element is missing
     */
    public static ReconciliationReport compare(List<PaymentRecord> ledger, List<PlatformTransaction> platform) {
        return compare(Optional.empty(), ledger, platform);
    }

    /**
     * Compares one day (Asia/Ho_Chi_Minh, from 00:00 inclusive to the next 00:00 exclusive): the store's records
     * created that day against the platform transactions whose time falls that day (others in the list are left
     * out, so a longer export can be passed).
     *
     * @param store the vendor's store
     * @param system the system
     * @param day the day
     * @param platform the system's transactions
     * @return the report for the day
     * @throws ValidationException when an argument is missing
     */
    public static ReconciliationReport compareDay(PaymentStore store, PaymentSystem system, LocalDate day,
            List<PlatformTransaction> platform) {
        ValidationException.requireNonNull(store, "LedgerReconciliation.store");
        ValidationException.requireNonNull(system, "LedgerReconciliation.system");
        ValidationException.requireNonNull(day, "LedgerReconciliation.day");
        ValidationException.requireElements(platform, "LedgerReconciliation.platform");
        Instant from = dayStart(day);
        Instant before = dayStart(day.plusDays(1));
        List<PlatformTransaction> thatDay = platform.stream()
                .filter(t -> !t.time().isBefore(from) && t.time().isBefore(before)).toList();
        return compare(Optional.of(day), store.createdBetween(system, from, before), thatDay);
    }

    /**
     * The instant a day starts in Asia/Ho_Chi_Minh.
     *
     * @param day the day
     * @return its first instant
     */
    public static Instant dayStart(LocalDate day) {
        ValidationException.requireNonNull(day, "LedgerReconciliation.day");
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static ReconciliationReport compare(Optional<LocalDate> day, List<PaymentRecord> ledger,
            List<PlatformTransaction> platform) {
        ValidationException.requireElements(ledger, "LedgerReconciliation.ledger");
        ValidationException.requireElements(platform, "LedgerReconciliation.platform");
        Map<String, List<PaymentRecord>> ours = new LinkedHashMap<>();
        for (PaymentRecord r : ledger) {
            ours.computeIfAbsent(r.reference(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<PlatformTransaction>> theirs = new LinkedHashMap<>();
        for (PlatformTransaction t : platform) {
            theirs.computeIfAbsent(t.reference(), k -> new ArrayList<>()).add(t);
        }
        List<String> references = new ArrayList<>(ours.keySet());
        theirs.keySet().stream().filter(r -> !ours.containsKey(r)).forEach(references::add);
        List<Mismatch> out = new ArrayList<>();
        for (String reference : references) {
            compareOne(reference, ours.getOrDefault(reference, List.of()),
                    theirs.getOrDefault(reference, List.of()), out);
        }
        return new ReconciliationReport(day, ledger.size(), platform.size(), out);
    }

    private static void compareOne(String reference, List<PaymentRecord> ours, List<PlatformTransaction> theirs,
            List<Mismatch> out) {
        Optional<PaymentRecord> l = ours.stream().findFirst();
        Optional<PlatformTransaction> p = theirs.stream().findFirst();
        for (int i = 1; i < ours.size(); i++) {
            out.add(new Mismatch(MismatchKind.DUPLICATE, reference, Optional.of(ours.get(i)), p,
                    "the ledger holds reference " + reference + " " + ours.size() + " times"));
        }
        for (int i = 1; i < theirs.size(); i++) {
            out.add(new Mismatch(MismatchKind.DUPLICATE, reference, l, Optional.of(theirs.get(i)),
                    "the platform lists reference " + reference + " " + theirs.size() + " times"));
        }
        if (p.isEmpty()) {
            out.add(new Mismatch(MismatchKind.MISSING_ON_PLATFORM, reference, l, p,
                    "the platform does not list this " + l.orElseThrow().state() + " payment"));
            return;
        }
        if (l.isEmpty()) {
            out.add(new Mismatch(MismatchKind.MISSING_IN_LEDGER, reference, l, p,
                    "the ledger has no payment for this " + p.orElseThrow().state() + " transaction"));
            return;
        }
        PaymentRecord record = l.get();
        PlatformTransaction transaction = p.get();
        if (record.amount() != transaction.amount()) {
            out.add(new Mismatch(MismatchKind.AMOUNT, reference, l, p, "the ledger holds " + record.amount()
                    + " VND, the platform " + transaction.amount() + " VND"));
        }
        if (!sameState(record.state(), transaction.state())) {
            out.add(new Mismatch(MismatchKind.STATUS, reference, l, p, "the ledger says " + record.state()
                    + ", the platform " + transaction.state()));
        }
    }

    private static boolean sameState(PaymentState a, PaymentState b) {
        return a == b || notPaid(a) && notPaid(b);
    }

    private static boolean notPaid(PaymentState s) {
        return s == PaymentState.FAILED || s == PaymentState.EXPIRED;
    }
}
