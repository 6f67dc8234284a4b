package vn.egov.sdk.signing.internal.remote;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import vn.egov.sdk.signing.remote.TransactionStatus;

/**
 * SmartCA's words for a transaction's state ({@code message} of the status answer) → {@link TransactionStatus}.
 * Only {@code SUCCESS} and {@code EXPIRED} are seen in public integrations; the rest are assumed and can be changed
 * with the client's builder. A word not in the table is {@link TransactionStatus#FAILED}, so an unexpected answer
 * ends the wait instead of prolonging it.
 */
public final class StatusWords {
    private final Map<String, TransactionStatus> table;

    private StatusWords(Map<String, TransactionStatus> table) {
        this.table = Map.copyOf(table);
    }

    /** The default table. */
    public static Map<String, TransactionStatus> defaults() {
        Map<String, TransactionStatus> m = new HashMap<>();
        m.put("SUCCESS", TransactionStatus.SUCCESS);
        m.put("PENDING", TransactionStatus.PENDING);
        m.put("WAITING", TransactionStatus.PENDING);
        m.put("PROCESSING", TransactionStatus.PENDING);
        m.put("EXPIRED", TransactionStatus.EXPIRED);
        m.put("REJECTED", TransactionStatus.DECLINED);
        m.put("DECLINED", TransactionStatus.DECLINED);
        m.put("CANCELED", TransactionStatus.DECLINED);
        m.put("CANCELLED", TransactionStatus.DECLINED);
        m.put("FAILED", TransactionStatus.FAILED);
        return m;
    }

    /** A table (words compared ignoring case). */
    public static StatusWords of(Map<String, TransactionStatus> words) {
        Map<String, TransactionStatus> m = new HashMap<>();
        words.forEach((k, v) -> m.put(k.toUpperCase(Locale.ROOT), v));
        return new StatusWords(m);
    }

    /** The status a word means. */
    public TransactionStatus of(String word) {
        return word == null ? TransactionStatus.FAILED
                : table.getOrDefault(word.trim().toUpperCase(Locale.ROOT), TransactionStatus.FAILED);
    }
}
