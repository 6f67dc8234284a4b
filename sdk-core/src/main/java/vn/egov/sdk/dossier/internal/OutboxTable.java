package vn.egov.sdk.dossier.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxState;

/**
 * The entries of an outbox with the rules of {@code DossierOutbox}: numbering, keys, due selection, state moves.
 * A store first plans a change (nothing changes), makes it durable its own way, then {@link #apply}s it, so a
 * failed write leaves the table as it was. Not thread-safe: the stores call it under their own lock.
 */
public final class OutboxTable {
    private final TreeMap<Long, OutboxEntry> bySequence = new TreeMap<>();
    private final Map<String, Long> byKey = new HashMap<>();
    /** Sequences of entries not in a final state: what {@link #due} looks through. */
    private final TreeSet<Long> live = new TreeSet<>();
    private final EnumMap<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
    private long lastSequence;

    /** An empty table. */
    public OutboxTable() {
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0L);
        }
    }

    /**
     * What an enqueue gives.
     *
     * @param result for each item, its entry (new, or the one already held for its key)
     * @param added the new entries, in sequence order
     */
    public record Enqueue(List<OutboxEntry> result, List<OutboxEntry> added) {
    }

    /**
     * Plans an enqueue: new entries for unknown keys, numbered after every sequence ever given.
     *
     * @param items the items (checked: no null)
     * @param now the time of the new entries
     * @return the plan
     */
    public Enqueue planEnqueue(List<OutboxItem> items, Instant now) {
        requireList(items, "items");
        List<OutboxEntry> result = new ArrayList<>(items.size());
        List<OutboxEntry> added = new ArrayList<>();
        Map<String, OutboxEntry> addedByKey = new HashMap<>();
        long next = lastSequence;
        for (OutboxItem item : items) {
            Long known = byKey.get(item.key());
            OutboxEntry e = known != null ? bySequence.get(known) : addedByKey.get(item.key());
            if (e == null) {
                e = new OutboxEntry(++next, item, OutboxState.PENDING, 0, "", now, now, now);
                added.add(e);
                addedByKey.put(item.key(), e);
            }
            result.add(e);
        }
        return new Enqueue(result, added);
    }

    /**
     * Plans a mark: the changed entries, one per distinct known non-final sequence, in the order given.
     *
     * @param sequences the sequences (checked: no null)
     * @param to the state to move to
     * @param reason the reason to keep ({@link OutboxState#FAILED}, {@link OutboxState#GIVEN_UP}; checked), or
     *        null to keep the entry's own
     * @param nextAttemptAt when a failed entry is due again (checked for {@link OutboxState#FAILED})
     * @param now the time of the change
     * @return the changed entries
     */
    public List<OutboxEntry> planMark(List<Long> sequences, OutboxState to, String reason, Instant nextAttemptAt,
            Instant now) {
        requireList(sequences, "sequences");
        if ((to == OutboxState.FAILED || to == OutboxState.GIVEN_UP) && reason == null) {
            throw ValidationException.of("outbox.reason.missing", "reason", "give why, in words an operator can act on");
        }
        if (to == OutboxState.FAILED && nextAttemptAt == null) {
            throw ValidationException.of("outbox.nextAttemptAt.missing", "nextAttemptAt", "give when to try again");
        }
        List<OutboxEntry> changed = new ArrayList<>();
        for (Long sequence : new LinkedHashSet<>(sequences)) {
            OutboxEntry e = bySequence.get(sequence);
            if (e == null || e.state().isFinal()) {
                continue;
            }
            int attempts = to == OutboxState.SENDING ? e.attempts() + 1 : e.attempts();
            changed.add(new OutboxEntry(e.sequence(), e.item(), to, attempts, reason == null ? e.lastError() : reason,
                    to == OutboxState.FAILED ? nextAttemptAt : now, e.enqueuedAt(), now));
        }
        return changed;
    }

    /**
     * Puts entries (new or changed) into the table.
     *
     * @param entries the entries
     */
    public void apply(Collection<OutboxEntry> entries) {
        for (OutboxEntry e : entries) {
            OutboxEntry old = bySequence.put(e.sequence(), e);
            if (old != null) {
                counts.merge(old.state(), -1L, Long::sum);
                if (!old.item().key().equals(e.item().key())) {
                    byKey.remove(old.item().key());
                }
            }
            counts.merge(e.state(), 1L, Long::sum);
            byKey.put(e.item().key(), e.sequence());
            if (e.state().isFinal()) {
                live.remove(e.sequence());
            } else {
                live.add(e.sequence());
            }
            raiseLastSequence(e.sequence());
        }
    }

    /**
     * Forgets an entry and its key.
     *
     * @param sequence the entry
     */
    public void remove(long sequence) {
        OutboxEntry e = bySequence.remove(sequence);
        if (e != null) {
            byKey.remove(e.item().key(), sequence);
            live.remove(sequence);
            counts.merge(e.state(), -1L, Long::sum);
        }
    }

    /**
     * Makes sure no sequence up to {@code sequence} is given again.
     *
     * @param sequence the highest sequence ever given
     */
    public void raiseLastSequence(long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
    }

    /** The highest sequence ever given (0 if none). */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * The due entries, oldest first.
     *
     * @param max at most this many (checked: at least 1)
     * @param now the current time (checked)
     * @return the entries
     */
    public List<OutboxEntry> due(int max, Instant now) {
        if (max < 1) {
            throw ValidationException.of("outbox.max.range", "max", "ask for at least 1 entry");
        }
        if (now == null) {
            throw ValidationException.of("outbox.now.missing", "now", "give the current time");
        }
        List<OutboxEntry> out = new ArrayList<>();
        for (Long sequence : live) {
            if (out.size() == max) {
                break;
            }
            OutboxEntry e = bySequence.get(sequence);
            if (e.state() != OutboxState.FAILED || !e.nextAttemptAt().isAfter(now)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * An entry by its sequence.
     *
     * @param sequence the sequence
     * @return the entry, if held
     */
    public Optional<OutboxEntry> find(long sequence) {
        return Optional.ofNullable(bySequence.get(sequence));
    }

    /** A copy of the count per state, every state present. */
    public Map<OutboxState, Long> counts() {
        return new EnumMap<>(counts);
    }

    /**
     * The final entries last changed before {@code cutoff}, oldest sequence first.
     *
     * @param cutoff the time; null for every final entry
     * @return their sequences
     */
    public List<Long> finalsChangedBefore(Instant cutoff) {
        List<Long> out = new ArrayList<>();
        for (OutboxEntry e : bySequence.values()) {
            if (e.state().isFinal() && (cutoff == null || e.updatedAt().isBefore(cutoff))) {
                out.add(e.sequence());
            }
        }
        return out;
    }

    /** Every entry, in sequence order (a live view: do not change the table while reading it). */
    public Collection<OutboxEntry> entries() {
        return bySequence.values();
    }

    /** How many entries are held. */
    public int size() {
        return bySequence.size();
    }

    /**
     * Checks a list argument.
     *
     * @param list the list
     * @param field its name
     * @throws ValidationException naming {@code field} if it is null or holds a null
     */
    public static void requireList(List<?> list, String field) {
        if (list == null || list.stream().anyMatch(Objects::isNull)) {
            throw ValidationException.of("outbox." + field + ".missing", field, "give a list without nulls");
        }
    }
}
