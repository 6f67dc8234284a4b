package vn.egov.sdk.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.egov.sdk.core.ValidationException;

/**
 * A {@link DossierOutbox} in memory: it forgets everything when the process ends, so a crash loses what was not
 * sent yet. For tests, and for a vendor that records its own changes durably and re-enqueues them on start (keys
 * make that harmless). Final entries are kept until {@link #prune()} (or until more than {@code maxFinalEntries}
 * are held, when the oldest are dropped).
 */
public final class InMemoryDossierOutbox implements DossierOutbox {
    private final Clock clock;
    private final int maxFinalEntries;
    private final TreeMap<Long, OutboxEntry> bySequence = new TreeMap<>();
    private final Map<String, Long> byKey = new HashMap<>();
    private final TreeMap<Long, Boolean> finals = new TreeMap<>();
    private long lastSequence;

    /** An outbox on the system clock keeping at most 100,000 sent or given-up entries. */
    public InMemoryDossierOutbox() {
        this(Clock.systemUTC(), 100_000);
    }

    /**
     * An outbox on the given clock.
     *
     * @param clock the clock that stamps entries
     * @param maxFinalEntries how many sent or given-up entries to keep (while kept, their keys still deduplicate), at least 1
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
        requireList(items, "items");
        Instant now = clock.instant();
        List<OutboxEntry> out = new ArrayList<>(items.size());
        for (OutboxItem item : items) {
            Long known = byKey.get(item.key());
            if (known != null) {
                out.add(bySequence.get(known));
                continue;
            }
            OutboxEntry entry = new OutboxEntry(++lastSequence, item, OutboxState.PENDING, 0, "", now, now, now);
            bySequence.put(entry.sequence(), entry);
            byKey.put(item.key(), entry.sequence());
            out.add(entry);
        }
        return out;
    }

    @Override
    public synchronized List<OutboxEntry> due(int max, Instant now) {
        if (max < 1 || now == null) {
            throw ValidationException.of("outbox.due.arguments", max < 1 ? "max" : "now",
                    "ask for at least 1 entry at a given time");
        }
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxEntry e : bySequence.values()) {
            if (out.size() == max) {
                break;
            }
            boolean isDue = switch (e.state()) {
                case PENDING, SENDING -> true;
                case FAILED -> !e.nextAttemptAt().isAfter(now);
                default -> false;
            };
            if (isDue) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(long sequence) {
        return Optional.ofNullable(bySequence.get(sequence));
    }

    @Override
    public synchronized void markSending(List<Long> sequences) {
        update(sequences, e -> move(e, OutboxState.SENDING, e.attempts() + 1, e.lastError(), null));
    }

    @Override
    public synchronized void markSent(List<Long> sequences) {
        update(sequences, e -> move(e, OutboxState.SENT, e.attempts(), e.lastError(), null));
    }

    @Override
    public synchronized void markFailed(List<Long> sequences, String reason, Instant nextAttemptAt) {
        if (nextAttemptAt == null) {
            throw ValidationException.of("outbox.nextAttemptAt.missing", "nextAttemptAt", "give when to try again");
        }
        update(sequences, e -> move(e, OutboxState.FAILED, e.attempts(), reason, nextAttemptAt));
    }

    @Override
    public synchronized void markGivenUp(List<Long> sequences, String reason) {
        update(sequences, e -> move(e, OutboxState.GIVEN_UP, e.attempts(), reason, null));
    }

    @Override
    public synchronized Map<OutboxState, Long> counts() {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0L);
        }
        bySequence.values().forEach(e -> counts.merge(e.state(), 1L, Long::sum));
        return counts;
    }

    /**
     * Forgets every sent or given-up entry (an in-memory outbox has no retention window).
     *
     * @return how many entries were removed
     */
    @Override
    public synchronized int prune() {
        int removed = finals.size();
        while (!finals.isEmpty()) {
            forget(finals.pollFirstEntry().getKey());
        }
        return removed;
    }

    private OutboxEntry move(OutboxEntry e, OutboxState to, int attempts, String reason, Instant next) {
        Instant now = clock.instant();
        return new OutboxEntry(e.sequence(), e.item(), to, attempts, reason, next == null ? now : next,
                e.enqueuedAt(), now);
    }

    private void update(List<Long> sequences, java.util.function.UnaryOperator<OutboxEntry> change) {
        requireList(sequences, "sequences");
        for (Long sequence : sequences) {
            OutboxEntry e = bySequence.get(sequence);
            if (e == null || e.state().isFinal()) {
                continue;
            }
            OutboxEntry next = change.apply(e);
            bySequence.put(sequence, next);
            if (next.state().isFinal()) {
                finals.put(sequence, Boolean.TRUE);
            }
        }
        while (finals.size() > maxFinalEntries) {
            forget(finals.pollFirstEntry().getKey());
        }
    }

    private void forget(long sequence) {
        OutboxEntry e = bySequence.remove(sequence);
        if (e != null) {
            byKey.remove(e.item().key());
        }
    }

    private static void requireList(List<?> list, String field) {
        if (list == null || list.stream().anyMatch(java.util.Objects::isNull)) {
            throw ValidationException.of("outbox." + field + ".missing", field, "give a list without nulls");
        }
    }
}
