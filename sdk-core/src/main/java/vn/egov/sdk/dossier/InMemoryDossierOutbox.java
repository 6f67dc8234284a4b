package vn.egov.sdk.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.internal.OutboxTable;

/**
 * A {@link DossierOutbox} in memory: it forgets everything when the process ends, so a crash loses what was not
 * sent yet. For tests, and for a vendor that records its own changes durably and re-enqueues them on start (keys
 * make that harmless). Final entries are kept until {@link #prune()} (or until more than {@code maxFinalEntries}
 * are held, when the oldest are dropped).
 */
public final class InMemoryDossierOutbox implements DossierOutbox {
    private final Clock clock;
    private final int maxFinalEntries;
    private final OutboxTable table = new OutboxTable();
    /** Sequences of final entries, for the bound. */
    private final TreeSet<Long> finals = new TreeSet<>();

    /**
     * An outbox on the system clock keeping at most 10,000 sent or given-up entries (about 20 MiB of full dossiers).
     */
    public InMemoryDossierOutbox() {
        this(Clock.systemUTC(), 10_000);
    }

    /**
     * An outbox on the given clock.
     *
     * @param clock the clock that stamps entries
     * @param maxFinalEntries how many sent or given-up entries to keep (while kept, their keys still deduplicate),
     *        at least 1
     * @throws ValidationException for a null clock or a bound below 1
     */
    public InMemoryDossierOutbox(Clock clock, int maxFinalEntries) {
        if (clock == null) {
            throw ValidationException.of("outbox.clock.missing", "clock", "give a clock");
        }
        if (maxFinalEntries < 1) {
            throw ValidationException.of("outbox.maxFinalEntries.range", "maxFinalEntries", "keep at least 1");
        }
        this.clock = clock;
        this.maxFinalEntries = maxFinalEntries;
    }

    @Override
    public synchronized List<OutboxEntry> enqueue(List<OutboxItem> items) {
        OutboxTable.Enqueue plan = table.planEnqueue(items, clock.instant());
        table.apply(plan.added());
        return plan.result();
    }

    @Override
    public synchronized List<OutboxEntry> due(int max, Instant now) {
        return table.due(max, now);
    }

    @Override
    public synchronized Optional<OutboxEntry> find(long sequence) {
        return table.find(sequence);
    }

    @Override
    public synchronized void markSending(List<Long> sequences) {
        mark(sequences, OutboxState.SENDING, null, null);
    }

    @Override
    public synchronized void markSent(List<Long> sequences) {
        mark(sequences, OutboxState.SENT, null, null);
    }

    @Override
    public synchronized void markFailed(List<Long> sequences, String reason, Instant nextAttemptAt) {
        mark(sequences, OutboxState.FAILED, reason, nextAttemptAt);
    }

    @Override
    public synchronized void markGivenUp(List<Long> sequences, String reason) {
        mark(sequences, OutboxState.GIVEN_UP, reason, null);
    }

    @Override
    public synchronized Map<OutboxState, Long> counts() {
        return table.counts();
    }

    /**
     * Forgets every sent or given-up entry (an in-memory outbox has no retention window).
     *
     * @return how many entries were removed
     */
    @Override
    public synchronized int prune() {
        int removed = finals.size();
        finals.forEach(table::remove);
        finals.clear();
        return removed;
    }

    private void mark(List<Long> sequences, OutboxState to, String reason, Instant next) {
        List<OutboxEntry> changed = table.planMark(sequences, to, reason, next, clock.instant());
        table.apply(changed);
        changed.stream().filter(e -> e.state().isFinal()).forEach(e -> finals.add(e.sequence()));
        while (finals.size() > maxFinalEntries) {
            table.remove(finals.pollFirst());
        }
    }
}
